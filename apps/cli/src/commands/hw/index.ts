import { detectHardware, recommend } from '@bollyx/hardware-detection';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { renderHardware } from './render-hardware';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.hw,
  args: {
    json: { type: 'boolean', description: 'Print the profile and recommendation as JSON' },
    refresh: { type: 'boolean', description: 'Detect again instead of using the cached profile (valid 1 hour)' },
    workspace: { type: 'string', description: 'Folder whose free disk space to report', default: '.' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const profile = await detectHardware({ refresh: args.refresh, workspace: args.workspace });
      const recommendation = recommend(profile);
      process.stdout.write(
        args.json ? `${JSON.stringify({ profile, recommendation }, null, 2)}\n` : renderHardware(profile, recommendation),
      );
    }),
});
