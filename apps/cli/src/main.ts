import { defineCommand, runMain } from 'citty';
import { version } from '../package.json';

// Commands load lazily so `bollyx <verb>` pays only for the libraries that verb uses.
const main = defineCommand({
  meta: {
    name: 'bollyx',
    version,
    description: 'Turn a movie into timed, readable subtitles on whatever hardware you have',
  },
  subCommands: {
    hw: () => import('./commands/hw/index').then((m) => m.default),
    prepare: () => import('./commands/prepare/index').then((m) => m.default),
    jobs: () => import('./commands/jobs/index').then((m) => m.default),
    engines: () => import('./commands/engines/index').then((m) => m.default),
    models: () => import('./commands/models/index').then((m) => m.default),
    subtitles: () => import('./commands/subtitles/index').then((m) => m.default),
  },
});

void runMain(main);
