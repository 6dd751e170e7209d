import { z } from 'zod';
import { cacheKey, readCached, writeCached } from './check-cache';
import type { CheckDefinition } from './check-definition';
import type { CheckResult } from './check-result';

export interface RunChecksOptions {
  /** The folder of cached results (`<cache>/preflight`). */
  cacheDir: string;
  /** Check everything again, ignoring (and then rewriting) the cached results. */
  refresh?: boolean;
  signal?: AbortSignal;
}

// Only passed checks are cached: a failure is checked again every time.
const PassedCheckSchema = z.object({ id: z.string(), what: z.string() });

async function runOne(definition: CheckDefinition, options: RunChecksOptions): Promise<CheckResult> {
  const { id, why } = definition;
  const fingerprint = definition.fingerprint ? await definition.fingerprint() : undefined;
  const key = fingerprint === undefined ? undefined : cacheKey(id, fingerprint);
  if (key !== undefined && !options.refresh) {
    const cached = await readCached(options.cacheDir, key, PassedCheckSchema);
    if (cached?.id === id) return { id, ok: true, what: cached.what, why, cached: true };
  }
  options.signal?.throwIfAborted();
  const outcome = await definition.check();
  if (outcome.ok && key !== undefined) await writeCached(options.cacheDir, key, { id, what: outcome.what });
  const failure = outcome.ok ? {} : { ...(outcome.fix === undefined ? {} : { fix: outcome.fix }), ...(outcome.code === undefined ? {} : { code: outcome.code }) };
  return { id, ok: outcome.ok, what: outcome.what, why, ...failure, cached: false };
}

/** Runs the checks side by side, answering unchanged passed ones from the cache; results keep the order given. */
export async function runChecks(definitions: readonly CheckDefinition[], options: RunChecksOptions): Promise<CheckResult[]> {
  const results = await Promise.all(definitions.map((definition) => runOne(definition, options)));
  options.signal?.throwIfAborted();
  return results;
}
