import { defineCommand } from 'citty';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.subtitles,
  subCommands: {
    lint: () => import('./lint').then((m) => m.default),
    convert: () => import('./convert').then((m) => m.default),
  },
});
