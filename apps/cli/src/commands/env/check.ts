import { checkEnvironment, environmentError, environmentsDir, loadEnvironmentSpecs } from '@bollyx/environment-manager';
import type { EnvironmentStatus } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { writeJsonReport } from '../../output/json-report';
import { runAction } from '../../output/run-action';
import { renderEnvironmentStatuses } from './render-environments';

/**
 * The failure the command exits with: a named environment must be ok; of all environments, only those
 * created and now stale or broken fail (missing and unsupported ones are simply not in use here).
 */
function failureOf(statuses: readonly EnvironmentStatus[], named: boolean) {
  const failing = statuses.find((status) => (named ? status.state !== 'ok' : status.state === 'stale' || status.state === 'broken'));
  return failing === undefined ? undefined : environmentError(failing);
}

export default defineCommand({
  meta: {
    name: 'check',
    description: 'Check an environment (or all): ok, missing, stale (its spec or Python changed), broken or unsupported, with the fix',
  },
  args: {
    name: { type: 'positional', required: false, description: 'The environment (default: every one)' },
    deep: { type: 'boolean', description: 'Also import every probe module in the environment (starts Python)' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const names = args.name ? [args.name] : (await loadEnvironmentSpecs()).map((spec) => spec.name);
      const statuses: EnvironmentStatus[] = [];
      // One at a time: a deep check imports torch-sized libraries.
      for (const name of names) statuses.push(await checkEnvironment(name, { deep: args.deep }));
      const error = failureOf(statuses, Boolean(args.name));
      if (args.json) {
        writeJsonReport({ ok: error === undefined, environments: statuses }, error);
        return;
      }
      process.stdout.write(renderEnvironmentStatuses(environmentsDir(), statuses));
      if (error) throw error;
    }),
});
