import { z } from 'zod';

/**
 * What a build produces: `native` only the ffmpeg base (demux and mux; the heavy stages run on the
 * host), `docker-cpu` every stage on the CPU, `docker-gpu` every stage with CUDA where it helps.
 */
export const BuildModeSchema = z.enum(['native', 'docker-cpu', 'docker-gpu']);
export type BuildMode = z.infer<typeof BuildModeSchema>;
