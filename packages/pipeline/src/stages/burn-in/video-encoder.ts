import { execa } from 'execa';
import { z } from 'zod';

/** The H.264 encoders a burn-in uses: NVIDIA's and Apple's hardware ones, else x264 on the CPU. */
export const videoEncoderSchema = z.enum(['h264_nvenc', 'h264_videotoolbox', 'libx264']);
export type VideoEncoder = z.infer<typeof videoEncoderSchema>;

/** What of the hardware profile (`@bollyx/hardware-detection`) the choice reads. */
export interface EncoderHardware {
  os: { platform: string };
  nvidiaGpus: readonly unknown[];
}

/** ffmpeg's encoder names (`ffmpeg -encoders`): a build without NVENC or VideoToolbox lacks them. */
async function ffmpegEncoders(signal?: AbortSignal): Promise<Set<string>> {
  const result = await execa('ffmpeg', ['-hide_banner', '-encoders'], { cancelSignal: signal, reject: false });
  if (result.isCanceled) throw signal?.reason;
  return new Set(result.stdout.split('\n').map((line) => /^\s*V\S*\s+(\S+)/.exec(line)?.[1]).filter((name) => name !== undefined));
}

/**
 * The encoder for a burn-in on this machine: NVENC with an NVIDIA GPU, VideoToolbox on macOS, when this
 * ffmpeg has it; else libx264. (ffmpeg lists NVENC without a GPU too, so the profile decides.)
 */
export async function pickVideoEncoder(hardware: EncoderHardware, signal?: AbortSignal): Promise<VideoEncoder> {
  const encoders = await ffmpegEncoders(signal);
  if (hardware.nvidiaGpus.length > 0 && encoders.has('h264_nvenc')) return 'h264_nvenc';
  if (hardware.os.platform === 'darwin' && encoders.has('h264_videotoolbox')) return 'h264_videotoolbox';
  return 'libx264';
}

/** Each encoder's arguments for a visually lossless H.264 copy (the picture is re-encoded once). */
export function encoderArgs(encoder: VideoEncoder): string[] {
  switch (encoder) {
    case 'h264_nvenc':
      return ['-c:v', 'h264_nvenc', '-preset', 'p5', '-rc', 'vbr', '-cq', '19', '-b:v', '0'];
    case 'h264_videotoolbox':
      // VideoToolbox takes a bitrate, not a quality, on Intel Macs.
      return ['-c:v', 'h264_videotoolbox', '-b:v', '8M', '-allow_sw', '1'];
    case 'libx264':
      return ['-c:v', 'libx264', '-preset', 'medium', '-crf', '18'];
  }
}
