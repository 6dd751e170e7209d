import { BollyxError } from '@bollyx/errors';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import type { ArgsDef } from 'citty';

const RUNTIMES = ['native', 'docker', 'podman'] as const;
const IMAGE_MODES = ['docker-cpu', 'docker-gpu'] as const;

export type Runtime = (typeof RUNTIMES)[number];
export type ImageMode = (typeof IMAGE_MODES)[number];

/** `bollyx run`'s flags for where whisper-cli and the Python stages run. */
export const RUNTIME_ARGS = {
  runtime: {
    type: 'enum',
    options: [...RUNTIMES],
    description: 'Where whisper-cli and the Python stages run: native (default; BOLLYX_RUNTIME), or docker or podman in the images of `bollyx docker build`',
  },
  imageMode: {
    type: 'enum',
    options: [...IMAGE_MODES],
    description: 'The images --runtime docker|podman runs (default: docker-gpu with an NVIDIA GPU, else docker-cpu)',
  },
} as const satisfies ArgsDef;

/** --runtime, else BOLLYX_RUNTIME, else native. citty checks the flag's value; the variable's is checked here. */
export function chosenRuntime(flag: string | undefined, env: NodeJS.ProcessEnv): Runtime {
  const value = flag ?? (env.BOLLYX_RUNTIME || 'native');
  const runtime = RUNTIMES.find((candidate) => candidate === value);
  if (runtime === undefined) {
    throw new BollyxError('USAGE', `BOLLYX_RUNTIME is "${value}", which is not a runtime bollyx knows`, {
      hint: `Set BOLLYX_RUNTIME to ${RUNTIMES.join(', ')}, or pass --runtime`,
    });
  }
  return runtime;
}

/** --image-mode, else the CUDA images on a machine with an NVIDIA GPU and the CPU ones elsewhere. */
export function chosenImageMode(flag: string | undefined, profile: HardwareProfile): ImageMode {
  return IMAGE_MODES.find((mode) => mode === flag) ?? (profile.nvidiaGpus.length > 0 ? 'docker-gpu' : 'docker-cpu');
}
