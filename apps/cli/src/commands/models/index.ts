import { defineCommand } from 'citty';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.models,
  subCommands: {
    list: () => import('./list').then((m) => m.default),
    pull: () => import('./pull').then((m) => m.default),
    verify: () => import('./verify').then((m) => m.default),
  },
});
