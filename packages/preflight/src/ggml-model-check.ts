import { stat } from 'node:fs/promises';
import { modelRegistry, resolveModel, verifyModel } from '@bollyx/environment-manager';
import type { CheckDefinition } from './check-definition';

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
 * A whisper.cpp or VAD model is present and intact. A registry model is verified against its digest, which
 * hashes it only when no digest was recorded for the file as it is (a pull records one); a model given by
 * path is used as it is, so it only has to exist. The fingerprint is the file's size and mtime.
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
          ? { ok: true, what: `model file ${file}` }
          : { ok: false, what: `the model file ${file} is missing`, fix: 'set asr.model to an existing ggml file or a registry name (`bollyx models list`)' };
      }
      if (!present) {
        if (options.pullsMissing) return { ok: true, what: `model ${model} is not in the cache yet: it is pulled before the first stage` };
        return { ok: false, what: `model ${model} is not in the cache (${file})`, fix: `bollyx models pull ${model}` };
      }
      const verification = await verifyModel(model, { env });
      if (!verification.ok) {
        return { ok: false, what: `model ${model} at ${file} does not match its ${verification.algorithm} digest`, fix: `bollyx models pull ${model}` };
      }
      return { ok: true, what: `model ${model} at ${file}, verified` };
    },
  };
}
