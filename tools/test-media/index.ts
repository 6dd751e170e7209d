// Fixture generators for tests: real media made with ffmpeg (and espeak-ng for speech).
export { makeMedia } from './make-media';
export type { MakeMediaOptions } from './make-media';
