import { defineCommand } from 'citty';

export default defineCommand({
  meta: { name: 'subtitles', description: 'Work with subtitle files' },
  subCommands: {
    lint: () => import('./lint').then((m) => m.default),
  },
});
