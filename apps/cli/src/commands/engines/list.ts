import { enginesDir, installedWhisperEngine, listEngines, planWhisperEngine } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { detectEngineHardware } from './engine-hardware';
import { renderEngineList } from './render-engines';

export default defineCommand({
  meta: { name: 'list', description: 'List the engines built in the engines folder, the prebuilt one, and the one this machine uses' },
  args: {
    json: { type: 'boolean', description: 'Print the list as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const dir = enginesDir();
      const hardware = await detectEngineHardware();
      const [engines, plan, installed] = await Promise.all([listEngines({ dir }), planWhisperEngine({ hardware }), installedWhisperEngine({ dir, hardware })]);
      // The engine this machine runs: its build, else the prebuilt package's; the planned key while neither is there.
      const current = (installed ?? plan).buildKey;
      process.stdout.write(
        args.json ? `${JSON.stringify({ ok: true, dir, current, engines })}\n` : renderEngineList(dir, engines, current),
      );
    }),
});
