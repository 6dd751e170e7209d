import { defineCommand } from 'citty';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.env,
  subCommands: {
    list: () => import('./list').then((m) => m.default),
    create: () => import('./create').then((m) => m.default),
    check: () => import('./check').then((m) => m.default),
    remove: () => import('./remove').then((m) => m.default),
  },
});
