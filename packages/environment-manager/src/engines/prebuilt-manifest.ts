import { z } from 'zod';
import { EngineRecordSchema } from './engine-record';

// A name in bin/, never a path: the manifest cannot point outside its package.
const FileNameSchema = z.string().regex(/^[^/\\]+$/, 'a file name in bin/');

/**
 * What `bin/engine.json` of a `@bollyx/whisper-cli-<platform>-<arch>` package says about the whisper-cli
 * beside it: an engine record without the install's absolute paths. Written last by the release build.
 */
export const PrebuiltManifestSchema = EngineRecordSchema.omit({ binary: true, origin: true }).extend({
  /** The binary's file name in bin/ (`whisper-cli`, `whisper-cli.exe`). */
  binary: FileNameSchema,
  /** Every file in bin/ the engine needs, the binary included: ggml's shared libraries and CPU variants. */
  files: z.array(FileNameSchema).min(1),
  /** sha256 of the whisper.cpp source tree it was built from (`hashSourceTree`). */
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PrebuiltManifest = z.infer<typeof PrebuiltManifestSchema>;
