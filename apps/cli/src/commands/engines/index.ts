import { defineCommand } from 'citty';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.engines,
  subCommands: {
    build: () => import('./build').then((m) => m.default),
    list: () => import('./list').then((m) => m.default),
  },
});
