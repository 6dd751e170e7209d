import { BuildModeSchema, type BuildMode } from '@bollyx/docker-builder';
import { BollyxError } from '@bollyx/errors';
import type { ArgDef } from 'citty';

/** `--mode`: citty checks the value; whether it was given at all is checked here (citty skips enums). */
export const MODE_ARG = {
  type: 'enum',
  options: [...BuildModeSchema.options],
  description: 'native (ffmpeg base: demux, mux), docker-cpu (every stage on the CPU) or docker-gpu (CUDA)',
  required: true,
} satisfies ArgDef;

export function requireMode(mode: string | undefined, command: string): BuildMode {
  if (mode === undefined) {
    throw new BollyxError('USAGE', `docker ${command} needs --mode`, {
      hint: `Run \`bollyx docker ${command} --mode native\` (or docker-cpu, docker-gpu)`,
    });
  }
  return BuildModeSchema.parse(mode);
}
