import { removeEnvironment } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';

export default defineCommand({
  meta: { name: 'remove', description: 'Delete an environment (its spec stays; `bollyx env create NAME` makes it again)' },
  args: {
    name: { type: 'positional', required: true, description: 'The environment to delete' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const result = await removeEnvironment(args.name);
      process.stdout.write(
        args.json
          ? `${JSON.stringify({ ok: true, name: args.name, ...result })}\n`
          : result.removed
            ? `Removed the Python environment ${args.name} (${result.path})\n`
            : `There is no ${args.name} environment to remove (${result.path} does not exist)\n`,
      );
    }),
});
