// bollyx embedded in a strict ESM TypeScript program: node dist/main.js FILM MODEL
// (a) movie in, subtitles out, in one call; (b) a pipeline of your own on the same engine; (c) a typed error.
import path from 'node:path';
import { countWords } from './count-words.js';
import { showMissingFilm } from './missing-film.js';
import { subtitleFilm } from './subtitle-film.js';

const [film, model] = process.argv.slice(2);
if (film === undefined || model === undefined) {
  console.error('usage: node dist/main.js FILM MODEL');
  process.exit(2);
}

const summary = await subtitleFilm(film, model);
const english = summary.outputs.subtitles['en']?.['srt'];
if (english === undefined) throw new Error('the run wrote no English .srt');
await countWords(english, path.resolve('word-count'));
await showMissingFilm();
