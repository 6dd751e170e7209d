import { z } from 'zod';

/** The hardware facts that choose the whisper.cpp backend (from @bollyx/hardware-detection's profile). */
export const EngineHardwareSchema = z.object({
  hasNvidiaGpu: z.boolean(),
  isAppleSilicon: z.boolean(),
});
export type EngineHardware = z.infer<typeof EngineHardwareSchema>;

/** Where engines live and which build this machine wants; every engines function takes these. */
export interface EngineOptions {
  /** The engines folder. Default: `BOLLYX_ENGINES_DIR`, else `engines` in the bollyx cache folder. */
  dir?: string;
  /**
   * Default: no NVIDIA GPU, Apple Silicon when this is macOS on arm64. Pass what
   * `detectHardware()` reports to build with CUDA.
   */
  hardware?: EngineHardware;
  /** A whisper.cpp source tree to build instead of the pinned one in nodejs-whisper. */
  sourceDir?: string;
  /**
   * The folder the prebuilt platform package (`@bollyx/whisper-cli-<platform>-<arch>`) is resolved from,
   * as a module in it would resolve it (its node_modules, then those above). Default:
   * `BOLLYX_PREBUILT_FROM`, else this package's own folder, where npm installs its optional dependencies.
   */
  prebuiltFrom?: string;
  /** Where `BOLLYX_*` settings and the build tools (PATH) are looked up. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}
