import { z } from 'zod';

export const deviceSchema = z.enum(['cpu', 'cuda', 'metal']);
export type Device = z.infer<typeof deviceSchema>;

// What CUDA, cuBLAS/cuDNN, ggml, PyTorch and onnxruntime print when the accelerator itself is the problem
// (absent, out of memory, wrong driver), and MLX: the cue that the same stage may still pass on the CPU.
const DEVICE_ERROR_PATTERNS: readonly RegExp[] = [
  /CUDA out of memory/i,
  /CUDA error/i,
  /no CUDA-capable device/i,
  /CUDA driver version is insufficient/i,
  /cudaMalloc failed|cudaErrorMemoryAllocation|cudaErrorNoDevice/,
  /CUBLAS_STATUS_\w+|CUDNN_STATUS_\w+/,
  /failed to initiali[sz]e CUDA/i,
  /CUDAExecutionProvider/,
  /MPS backend out of memory/i,
  /ggml_metal\w*: error|failed to (?:create|allocate|initiali[sz]e)[^\n]*\bMetal\b/i,
  // MLX: "[metal::malloc] Attempting to allocate … which is greater than the maximum allowed buffer size".
  /\[metal::\w+\]|\bMetal error\b/,
];

/** True when the text of a failure names the GPU (CUDA or Metal) as the cause. */
export function looksLikeDeviceError(text: string): boolean {
  return DEVICE_ERROR_PATTERNS.some((pattern) => pattern.test(text));
}
