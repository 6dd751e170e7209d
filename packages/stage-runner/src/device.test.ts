import { describe, expect, it } from 'vitest';
import { looksLikeDeviceError } from './device';

describe('looksLikeDeviceError', () => {
  it.each([
    'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB',
    'ggml_cuda_init: failed to initialize CUDA: no CUDA-capable device is detected',
    'CUDA error: out of memory\n  current device: 0, in function ggml_cuda_pool_malloc',
    'RuntimeError: CUDA driver version is insufficient for CUDA runtime version',
    'cuBLAS error CUBLAS_STATUS_ALLOC_FAILED',
    '[E:onnxruntime] Failed to create CUDAExecutionProvider',
    'RuntimeError: MPS backend out of memory (MPS allocated: 8 GB)',
    'ggml_metal_init: error: failed to allocate buffer',
    '[metal::malloc] Attempting to allocate 21474836480 bytes which is greater than the maximum allowed buffer size of 17179869184 bytes.',
  ])('recognises %s', (text) => {
    expect(looksLikeDeviceError(text)).toBe(true);
  });

  it.each(['Segmentation fault', 'error: file not found: model.bin', 'JavaScript heap out of memory'])(
    'leaves %s to the stage',
    (text) => {
      expect(looksLikeDeviceError(text)).toBe(false);
    },
  );
});
