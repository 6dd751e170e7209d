import { environmentsDir, environmentSpecsDir, listEnvironments } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { renderEnvironmentStatuses } from './render-environments';

export default defineCommand({
  meta: { name: 'list', description: 'List every environment spec and the state of its environment (no Python is started)' },
  args: {
    json: { type: 'boolean', description: 'Print the list as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const dir = environmentsDir();
      const environments = await listEnvironments();
      process.stdout.write(
        args.json
          ? `${JSON.stringify({ ok: true, dir, specsDir: environmentSpecsDir(), environments })}\n`
          : renderEnvironmentStatuses(dir, environments),
      );
    }),
});
