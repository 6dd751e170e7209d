import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { deviceSchema } from './device';

const fileRecordSchema = z.object({
  /** As declared: inputs may be absolute, outputs are relative to the job folder. */
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const attemptSchema = z.object({
  device: deviceSchema,
  status: z.enum(['failed', 'succeeded']),
  durationMs: z.number().nonnegative(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** The proof that a stage finished: written last, atomically, only after every output is in place. */
export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  stageId: z.string(),
  stageVersion: z.string(),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  runId: z.string(),
  params: z.record(z.string(), z.json()),
  inputs: z.array(fileRecordSchema),
  /** The keys of the stages this one needed, as they were when it ran. */
  needs: z.array(z.object({ stageId: z.string(), key: z.string() })),
  outputs: z.array(fileRecordSchema),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  device: deviceSchema,
  executor: z.enum(['in-process', 'binary', 'python', 'container']),
  backend: z.string(),
  toolVersions: z.record(z.string(), z.string()),
  environment: z.object({ name: z.string(), fingerprint: z.string() }).optional(),
  /** Every attempt in order; more than one when a device error moved the stage to its fallback device. */
  attempts: z.array(attemptSchema).min(1),
  /** The subprocess's exit code; null for in-process stages. */
  exitCode: z.number().int().nullable(),
  /** Counts the stage reported (`ctx.metrics`), such as a language model's tokens in and out. */
  metrics: z.record(z.string(), z.number()).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The manifest at `path`, or undefined when it is absent or not one we can trust. */
export async function readManifest(path: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A torn or hand-edited manifest proves nothing: the stage simply runs again.
    return undefined;
  }
}

export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  // No fsync: the next run re-checks every output's size and hash against the manifest, so a manifest
  // that outlived its outputs after a power cut is caught there.
  await writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`, { fsync: false });
}
