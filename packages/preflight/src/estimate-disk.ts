/**
 * Bytes per second of audio the pipeline writes: ffmpeg demuxes to 16 kHz mono 16-bit WAV (16 000 × 2),
 * and the speech-only audio for recognition is one more such WAV of at most the same length.
 */
export const WAV_BYTES_PER_SECOND = 16_000 * 2;
const WAV_FILES = 2;

export interface DiskEstimateInput {
  /** The job's media; absent when there is no job yet (bootstrap, a preflight without media). */
  media?: {
    sizeBytes: number;
    /** Unknown when the media could not be probed: the audio is then left out. */
    durationSeconds?: number;
    /** True when preparing the job copies the file (another file system than the workspace: no hard link). */
    copied: boolean;
  };
  /** Containers the video is muxed into (each a full copy of the media plus subtitles); 0 without mux. */
  muxContainers: number;
  /** Models to download (registry sizes). */
  modelBytes: number;
}

interface DiskEstimate {
  totalBytes: number;
  audioBytes: number;
  muxBytes: number;
  mediaCopyBytes: number;
  modelBytes: number;
}

/**
 * What a job will write: the WAVs (32 kB per second of media, twice), one copy of the media per mux
 * container, the media itself when it cannot be hard-linked into the job, and the models still to fetch.
 */
export function estimateDisk(input: DiskEstimateInput): DiskEstimate {
  const { media } = input;
  const audioBytes = media?.durationSeconds === undefined ? 0 : Math.ceil(media.durationSeconds * WAV_BYTES_PER_SECOND * WAV_FILES);
  const muxBytes = (media?.sizeBytes ?? 0) * input.muxContainers;
  const mediaCopyBytes = media?.copied ? media.sizeBytes : 0;
  return {
    totalBytes: audioBytes + muxBytes + mediaCopyBytes + input.modelBytes,
    audioBytes,
    muxBytes,
    mediaCopyBytes,
    modelBytes: input.modelBytes,
  };
}
