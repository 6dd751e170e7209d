import { defineCommand } from 'citty';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.docker,
  subCommands: {
    build: () => import('./build').then((m) => m.default),
    plan: () => import('./plan').then((m) => m.default),
  },
});
