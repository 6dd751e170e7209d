import { stat } from 'node:fs/promises';
import { isBollyxError } from '@bollyx/errors';
import { inspectWhisperModel, modelRegistry, resolveModel, verifyModel } from '@bollyx/environment-manager';
import { errorOutcome, type CheckDefinition, type CheckOutcome } from './check-definition';

type Env = Readonly<Record<string, string | undefined>>;

export interface GgmlModelCheckOptions {
  /** A registry name (`base`, `silero-vad`) or the path of a model file. */
  model: string;
  why: string;
  env: Env;
  /** A missing registry model passes with a note: the caller pulls it next (as `bollyx run` does). */
  pullsMissing?: boolean;
}

/** The model is a registry name (ggml Whisper, Silero VAD) that bollyx can pull, not a path to the user's file. */
export function isRegistryModel(model: string): boolean {
  return modelRegistry.some((entry) => entry.name === model);
}

/**
 * A model given by path is the user's whisper.cpp model (only asr.model can be a path; VAD is always the
 * registry's silero-vad): its header and tensor table must be a whole ggml Whisper model, or the check
 * fails with the model's own code (MODEL_FILE_INVALID) before whisper.cpp says only that it failed to load.
 */
async function inspectModelFile(file: string): Promise<CheckOutcome> {
  try {
    const facts = await inspectWhisperModel(file);
    return { ok: true, what: `model file ${file} (ggml Whisper, ${facts.nAudioLayer} + ${facts.nTextLayer} layers, ${facts.weightType})` };
  } catch (error) {
    if (!isBollyxError(error)) throw error;
    return { ...errorOutcome(error), code: error.code };
  }
}

/**
 * A whisper.cpp or VAD model is present and intact. A registry model is verified against its digest, which
 * hashes it only when no digest was recorded for the file as it is (a pull records one); a model given by
 * path is inspected (its header and tensor table, not its weights). The fingerprint is the file's size and mtime.
 */
export function ggmlModelCheck(options: GgmlModelCheckOptions): CheckDefinition {
  const { model, env } = options;
  const inRegistry = isRegistryModel(model);
  let resolved: Promise<string> | undefined;
  const modelPath = () => (resolved ??= inRegistry ? resolveModel(model, { env }).then((found) => found.path) : Promise.resolve(model));
  return {
    id: `model:${model}`,
    why: options.why,
    fingerprint: async () => {
      const file = await modelPath();
      const info = await stat(file).catch(() => undefined);
      return info?.isFile() ? { file, size: info.size, mtimeMs: info.mtimeMs } : undefined;
    },
    check: async () => {
      const file = await modelPath();
      const present = (await stat(file).catch(() => undefined))?.isFile() ?? false;
      if (!inRegistry) {
        return present
          ? inspectModelFile(file)
          : { ok: false, code: 'MODEL_NOT_PRESENT', what: `the model file ${file} is missing`, fix: 'set asr.model to an existing ggml file or a registry name (`bollyx models list`)' };
      }
      if (!present) {
        if (options.pullsMissing) return { ok: true, what: `model ${model} is not in the cache yet: it is pulled before the first stage` };
        return { ok: false, code: 'MODEL_NOT_PRESENT', what: `model ${model} is not in the cache (${file})`, fix: `bollyx models pull ${model}` };
      }
      const verification = await verifyModel(model, { env });
      if (!verification.ok) {
        return { ok: false, code: 'MODEL_CHECKSUM_MISMATCH', what: `model ${model} at ${file} does not match its ${verification.algorithm} digest`, fix: `bollyx models pull ${model}` };
      }
      return { ok: true, what: `model ${model} at ${file}, verified` };
    },
  };
}
