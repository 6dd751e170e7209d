import { hubModelRegistry, hubModelState } from '@bollyx/environment-manager';
import type { CheckDefinition } from './check-definition';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A Hugging Face model of a Python backend is complete in the hub cache, so the stage runs offline
 * (HF_HUB_OFFLINE) instead of downloading gigabytes in the middle of a job. Always checked: the hub
 * cache's state is read from its refs and snapshot links, which costs no more than a fingerprint.
 */
export function hubModelCheck(options: {
  model: string;
  why: string;
  env: Env;
  /** A missing model passes with a note: the caller pulls it next (as `bollyx run` does). */
  pullsMissing?: boolean | undefined;
}): CheckDefinition {
  const { model, env } = options;
  return {
    id: `model:${model}`,
    why: options.why,
    check: async () => {
      const entry = hubModelRegistry.find((candidate) => candidate.name === model);
      if (entry === undefined) {
        return { ok: false, what: `${model} is not a model bollyx knows`, fix: 'bollyx models list (then set translation.model or asr.model to one of its names)' };
      }
      const state = await hubModelState(model, { env });
      if (state === 'present') return { ok: true, what: `model ${model} (${entry.repo}) is in the Hugging Face cache` };
      if (options.pullsMissing) return { ok: true, what: `model ${model} (${entry.repo}) is not in the Hugging Face cache yet: it is pulled before the first stage` };
      const what = state === 'partial' ? `model ${model} (${entry.repo}) is only partly downloaded` : `model ${model} (${entry.repo}) is not in the Hugging Face cache`;
      return { ok: false, what, fix: `bollyx models pull ${model}` };
    },
  };
}
