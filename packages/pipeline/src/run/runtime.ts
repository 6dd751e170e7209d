import { BollyxError } from '@bollyx/errors';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import { z } from 'zod';

/** Where whisper-cli and the Python stages run: on this machine, or in the images of `bollyx docker build`. */
export const runtimeSchema = z.enum(['native', 'docker', 'podman']);
export type Runtime = z.infer<typeof runtimeSchema>;

/** The images a container runtime runs: CPU-only, or CUDA. */
export const imageModeSchema = z.enum(['docker-cpu', 'docker-gpu']);
export type ImageMode = z.infer<typeof imageModeSchema>;

/** The runtime asked for, else BOLLYX_RUNTIME, else native. */
export function chosenRuntime(asked: Runtime | undefined, env: Readonly<Record<string, string | undefined>>): Runtime {
  if (asked !== undefined) return asked;
  const value = env.BOLLYX_RUNTIME || 'native';
  const parsed = runtimeSchema.safeParse(value);
  if (!parsed.success) {
    throw new BollyxError('USAGE', `BOLLYX_RUNTIME is "${value}", which is not a runtime bollyx knows`, {
      hint: `Set BOLLYX_RUNTIME to ${runtimeSchema.options.join(', ')}, or pass --runtime (runtime in subtitleMovie)`,
    });
  }
  return parsed.data;
}

/** The mode asked for, else the CUDA images on a machine with an NVIDIA GPU and the CPU ones elsewhere. */
export function chosenImageMode(asked: ImageMode | undefined, profile: HardwareProfile): ImageMode {
  return asked ?? (profile.nvidiaGpus.length > 0 ? 'docker-gpu' : 'docker-cpu');
}
