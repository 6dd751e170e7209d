// @ts-check
// The same job from CommonJS: node src/cached-run.cjs FILM MODEL, after dist/main.js ran it (so every stage is cached).
const { subtitleMovie } = require('@bollyx/pipeline');

const [film, model] = process.argv.slice(2);
if (film === undefined || model === undefined) {
  console.error('usage: node src/cached-run.cjs FILM MODEL');
  process.exit(2);
}

subtitleMovie(film, { model, sourceLanguage: 'hi', targetLanguages: ['en'], config: { subtitles: { maxCharsPerLine: 20 } } }).then((summary) => {
  console.log(JSON.stringify(summary, null, 2));
  const ran = summary.stages.filter((stage) => stage.status !== 'cached');
  if (ran.length > 0) throw new Error(`not cached: ${ran.map((stage) => stage.id).join(', ')}`);
});
