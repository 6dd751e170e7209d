export * from './engines/index';
export * from './models/index';
export * from './environments/index';
export * from './hub/index';
export { cacheRoot } from './cache-root';
export { findExecutable } from './find-executable';
