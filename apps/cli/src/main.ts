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
  },
});

void runMain(main);
