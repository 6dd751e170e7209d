export { BollyxError, isBollyxError } from './bollyx-error';
export type { BollyxErrorOptions } from './bollyx-error';
export { FileSystemError, fileSystemError, withFileSystemErrors, freeBytesAt } from './file-system-error';
export type { FileSystemErrorCode, FileSystemFacts } from './file-system-error';
export { formatBytes } from './format-bytes';
export { didYouMean } from './did-you-mean';
export { isProcessAlive } from './process-alive';
