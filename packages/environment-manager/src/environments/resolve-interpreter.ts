import { checkSpecEnvironment } from './check-environment';
import { environmentError } from './environment-errors';
import { environmentForFamily } from './environment-for-family';
import type { EnvironmentOptions } from './environment-options';
import { StageFamilySchema } from './environment-spec';
import { loadEnvironmentSpec } from './environment-specs';

/**
 * The Python interpreter to run a stage with: `nameOrFamily` is an environment name (`whisperx`) or a
 * stage family (`asr-whisperx`, resolved with environmentForFamily). Quick check only (no Python
 * started); an environment that is not ok throws EnvironmentMissingError (hint `bollyx env create NAME`),
 * EnvironmentStaleError, EnvironmentBrokenError or EnvironmentUnsupportedError.
 */
export async function resolveInterpreter(nameOrFamily: string, options: EnvironmentOptions = {}): Promise<string> {
  const family = StageFamilySchema.safeParse(nameOrFamily);
  const spec = family.success ? await environmentForFamily(family.data, options) : await loadEnvironmentSpec(nameOrFamily, options);
  const status = await checkSpecEnvironment(spec, { env: options.env });
  const error = environmentError(status);
  if (error !== undefined) throw error;
  return status.record!.interpreter;
}
