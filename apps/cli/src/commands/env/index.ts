import { defineCommand } from 'citty';

export default defineCommand({
  meta: {
    name: 'env',
    description: 'Create, check, list and remove the Python environments the heavy stages run in (whisperx, indictrans2, pyannote, mlx, common)',
  },
  subCommands: {
    list: () => import('./list').then((m) => m.default),
    create: () => import('./create').then((m) => m.default),
    check: () => import('./check').then((m) => m.default),
    remove: () => import('./remove').then((m) => m.default),
  },
});
