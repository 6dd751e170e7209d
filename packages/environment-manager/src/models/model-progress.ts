/** Progress of a long model operation; `bytesTotal` is the model's registry size. */
export interface ModelProgress {
  model: string;
  /** verify: hashing a file already on disk; download: receiving over HTTP; copy: copying a bundled file. */
  phase: 'verify' | 'download' | 'copy';
  /** The URL or file the bytes come from. */
  source: string;
  bytesDone: number;
  bytesTotal: number;
}

export interface ModelOperationOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ModelProgress) => void;
}
