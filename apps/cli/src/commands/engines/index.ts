import { defineCommand } from 'citty';

export default defineCommand({
  meta: {
    name: 'engines',
    description: 'Build and list the speech-recognition engines bollyx runs (whisper.cpp, built for this machine)',
  },
  subCommands: {
    build: () => import('./build').then((m) => m.default),
    list: () => import('./list').then((m) => m.default),
  },
});
