import { z } from 'zod';

export const EngineBackendSchema = z.enum(['cpu', 'cuda', 'metal']);
export type EngineBackend = z.infer<typeof EngineBackendSchema>;

/** Where an engine came from: built on this machine from source, or a prebuilt platform package. */
export const EngineOriginSchema = z.enum(['built', 'prebuilt']);
export type EngineOrigin = z.infer<typeof EngineOriginSchema>;

/** What `engine.json` beside a built engine says about it. Written last, so its presence means "installed". */
export const EngineRecordSchema = z.object({
  name: z.literal('whisper.cpp'),
  version: z.string().min(1),
  /** Absolute path of the whisper-cli binary. */
  binary: z.string().min(1),
  /** The CMake cache flags it was configured with. */
  flags: z.array(z.string()),
  backend: EngineBackendSchema,
  /**
   * Platform, backend and a hash of what shaped the binary; a build on this machine is installed in the
   * folder of this name under the engines folder.
   */
  buildKey: z.string().min(1),
  /** `process.platform-process.arch` it was built on. */
  platform: z.string(),
  /** The CPU it was tuned for (`-march=native`): another CPU may lack its instructions. `portable` runs on any. */
  cpuModel: z.string(),
  /** Where the source came from, e.g. `nodejs-whisper@0.3.1` or a source folder. */
  source: z.string(),
  builtAt: z.iso.datetime(),
  buildSeconds: z.number().nonnegative(),
  /** Records written before prebuilt packages existed are builds. */
  origin: EngineOriginSchema.default('built'),
});
export type EngineRecord = z.infer<typeof EngineRecordSchema>;
