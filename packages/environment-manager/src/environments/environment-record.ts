import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EnvironmentInputsSchema } from './environment-inputs';
import { EnvironmentVariantSchema } from './environment-spec';

/** The record's file name inside an environment's folder. Written last: its presence means "complete". */
export const ENVIRONMENT_RECORD_FILE = 'bollyx-environment.json';

/** What `<envDir>/bollyx-environment.json` says about an environment: enough to check it without starting Python. */
export const EnvironmentRecordSchema = z.object({
  name: z.string(),
  /** sha256 over the spec hash, Python version, platform and variant. */
  fingerprint: z.string(),
  /** sha256 of `inputs`. */
  specHash: z.string(),
  pythonVersion: z.string(),
  platform: z.string(),
  variant: EnvironmentVariantSchema,
  installer: z.enum(['uv', 'pip']),
  /** The environment's own interpreter, absolute (`<envDir>/bin/python`, `Scripts\python.exe` on Windows). */
  interpreter: z.string(),
  /** Probe module → the file its import resolved to at creation; a check stats them instead of importing. */
  probes: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
  /** What the spec hash covers, kept so a stale environment can say what changed. */
  inputs: EnvironmentInputsSchema,
  /**
   * The interpreter the environment was made from, as it was: a check stats it, and only when it changed
   * (an in-place Python upgrade) does it start Python to read the new version.
   */
  basePython: z.object({ path: z.string(), size: z.number(), mtimeMs: z.number() }),
});
export type EnvironmentRecord = z.infer<typeof EnvironmentRecordSchema>;

export const environmentRecordPath = (envDir: string) => path.join(envDir, ENVIRONMENT_RECORD_FILE);

/** The record in `envDir`: null when there is none, 'invalid' when the file is not a record. */
export async function readEnvironmentRecord(envDir: string): Promise<EnvironmentRecord | null | 'invalid'> {
  let text: string;
  try {
    text = await readFile(environmentRecordPath(envDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
  try {
    return EnvironmentRecordSchema.parse(JSON.parse(text));
  } catch {
    return 'invalid';
  }
}
