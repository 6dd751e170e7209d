import { isBollyxError } from '@bollyx/errors';
import { hubModelRegistry, hubModelState, hubSecretsFile, readHubToken } from '@bollyx/environment-manager';
import type { HubModelEntry } from '@bollyx/environment-manager';
import { errorOutcome, type CheckDefinition } from './check-definition';

/** The gated ones among `models` (pyannote, IndicTrans2): Hugging Face serves them only with a token. */
export function gatedModels(models: readonly string[]): HubModelEntry[] {
  return hubModelRegistry.filter((entry) => entry.gated && models.includes(entry.name));
}

export interface SecretCheckOptions {
  /** Gated models the job needs (at least one). */
  gated: readonly HubModelEntry[];
  env: NodeJS.ProcessEnv;
}

/**
 * A Hugging Face token is available where a gated model still has to be downloaded. Says only "present"
 * or "missing": the token itself never reaches a message, a report or the cache (this check has no
 * fingerprint, so nothing derived from it is written either).
 */
export function secretCheck(options: SecretCheckOptions): CheckDefinition {
  const { gated } = options;
  return {
    id: 'secret:hf-token',
    why: `${gated.map((entry) => entry.repo).join(', ')} ${gated.length === 1 ? 'is' : 'are'} gated: Hugging Face serves ${gated.length === 1 ? 'it' : 'them'} only with a token of an account that accepted the terms`,
    check: async () => {
      let token: string | undefined;
      try {
        token = await readHubToken({ env: options.env });
      } catch (error) {
        // A secrets file others may read, or one that is not JSON: its errors never quote the token.
        if (!isBollyxError(error)) throw error;
        return errorOutcome(error, `Hugging Face token: unreadable (${error.message})`);
      }
      if (token !== undefined) return { ok: true, what: 'Hugging Face token: present' };
      const states = await Promise.all(gated.map((entry) => hubModelState(entry.name, { env: options.env })));
      if (states.every((state) => state === 'present')) return { ok: true, what: 'Hugging Face token: missing, not needed (the gated models are in the cache)' };
      return {
        ok: false,
        what: 'Hugging Face token: missing',
        fix: `accept the terms on ${gated.map((entry) => `https://huggingface.co/${entry.repo}`).join(', ')}, then set BOLLYX_HF_TOKEN to a token from https://huggingface.co/settings/tokens (or save it as "hfToken" in ${hubSecretsFile(options.env)}, mode 600)`,
      };
    },
  };
}
