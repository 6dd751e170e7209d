/** How a ggml tensor type stores values: `blockBytes` bytes per block of `blockSize` values. */
export interface GgmlType {
  name: string;
  blockSize: number;
  blockBytes: number;
}

/**
 * The tensor types a whisper.cpp ggml model holds, by id (ggml.h `enum ggml_type`): what the convert
 * scripts write (f32, f16) and what whisper.cpp's quantize makes. Block sizes from ggml-common.h.
 */
export const GGML_TYPES: ReadonlyMap<number, GgmlType> = new Map([
  [0, { name: 'f32', blockSize: 1, blockBytes: 4 }],
  [1, { name: 'f16', blockSize: 1, blockBytes: 2 }],
  [2, { name: 'q4_0', blockSize: 32, blockBytes: 18 }],
  [3, { name: 'q4_1', blockSize: 32, blockBytes: 20 }],
  [6, { name: 'q5_0', blockSize: 32, blockBytes: 22 }],
  [7, { name: 'q5_1', blockSize: 32, blockBytes: 24 }],
  [8, { name: 'q8_0', blockSize: 32, blockBytes: 34 }],
  [10, { name: 'q2_K', blockSize: 256, blockBytes: 84 }],
  [11, { name: 'q3_K', blockSize: 256, blockBytes: 110 }],
  [12, { name: 'q4_K', blockSize: 256, blockBytes: 144 }],
  [13, { name: 'q5_K', blockSize: 256, blockBytes: 176 }],
  [14, { name: 'q6_K', blockSize: 256, blockBytes: 210 }],
  [30, { name: 'bf16', blockSize: 1, blockBytes: 2 }],
]);

/** A model's ftype (ggml.h `enum ggml_ftype`) → the type of its weight matrices, for the types above. */
export const GGML_FTYPE_WEIGHTS: ReadonlyMap<number, string> = new Map([
  [0, 'f32'],
  [1, 'f16'],
  [2, 'q4_0'],
  [3, 'q4_1'],
  [7, 'q8_0'],
  [8, 'q5_0'],
  [9, 'q5_1'],
  [10, 'q2_K'],
  [11, 'q3_K'],
  [12, 'q4_K'],
  [13, 'q5_K'],
  [14, 'q6_K'],
  [24, 'bf16'],
]);
