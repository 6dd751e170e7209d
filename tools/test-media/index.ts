// Fixture generators for tests: real media made with ffmpeg (and espeak-ng for speech).
export { makeMedia } from './make-media';
export type { MakeMediaOptions } from './make-media';
export { makeSpeechClip } from './make-speech-clip';
export type { SpeechClip, SpeechClipPart, SpokenInterval } from './make-speech-clip';
export { makeMovie } from './make-movie';
export { makeCutFilm } from './make-cut-film';
export type { MakeCutFilmOptions } from './make-cut-film';
export type { MakeMovieOptions, MovieAudioTrack } from './make-movie';
export { makeTruncatedMedia } from './make-truncated-media';
export type { MakeTruncatedMediaOptions } from './make-truncated-media';
export { makeZeroLengthAudio } from './make-zero-length-audio';
export { makePcmQuickTime } from './make-pcm-quicktime';
export { hashFile } from './hash-file';
