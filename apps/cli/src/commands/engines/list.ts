import { enginesDir, listEngines, planWhisperEngine } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { detectEngineHardware } from './engine-hardware';
import { renderEngineList } from './render-engines';

export default defineCommand({
  meta: { name: 'list', description: 'List the engines built in the engines folder and the one this machine uses' },
  args: {
    json: { type: 'boolean', description: 'Print the list as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const dir = enginesDir();
      const [engines, plan] = await Promise.all([listEngines({ dir }), detectEngineHardware().then((hardware) => planWhisperEngine({ hardware }))]);
      process.stdout.write(
        args.json
          ? `${JSON.stringify({ ok: true, dir, current: plan.buildKey, engines })}\n`
          : renderEngineList(dir, engines, plan.buildKey),
      );
    }),
});
