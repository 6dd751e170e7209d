import type { ProbedStream } from '../demux/probe-media';

/** "24000/1001" → 23.976…; undefined for ffprobe's "0/0" (unknown) or anything not a positive rate. */
function rate(fraction: string | undefined): number | undefined {
  const [numerator, denominator = '1'] = (fraction ?? '').split('/');
  const value = Number(numerator) / Number(denominator);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * A video stream's frame rate: the average (what the frames really average, right for variable-rate
 * phone video too), else the container's base rate (r_frame_rate); undefined when ffprobe knows neither.
 */
export function frameRateOf(stream: ProbedStream): number | undefined {
  return rate(stream.avg_frame_rate) ?? rate(stream.r_frame_rate);
}
