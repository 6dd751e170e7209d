// Name correction on the fixture transcript: precision, recall and speed. Run by hand after building
// @bollyx/transliteration and @bollyx/names (`npx nx run @bollyx/names:build`):
//   node bench/name-fix.mjs [runs]
import { readFileSync } from 'node:fs';
import { GlossarySchema, correctNames, scoreCorrections } from '@bollyx/names';

const runs = Number(process.argv[2] ?? 20);
const fixture = JSON.parse(readFileSync(new URL('../packages/names/src/correct/fixtures/name-fix-transcript.json', import.meta.url), 'utf8'));
const glossary = GlossarySchema.parse(fixture.glossary);

const results = fixture.lines.map((line) => ({ line, changes: correctNames(line.text, glossary, { script: line.script, lowerCase: line.lowerCase }).changes }));
const score = scoreCorrections(results);
console.log(`fixture: ${fixture.lines.length} lines, ${glossary.entries.length} glossary names, ${score.planted} planted misspellings`);
console.log(`precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}  (${score.changes} changes)`);
for (const { fix } of score.missed) console.log(`  missed: ${fix[0]} → ${fix[1]}`);
for (const { change } of score.wrong) console.log(`  wrong: ${change.before} → ${change.after} (${change.rule})`);

// Speed: the fixture's lines repeated to about a film's worth of dialogue (~20,000 words).
const words = fixture.lines.reduce((sum, line) => sum + line.text.split(/\s+/u).length, 0);
const repeat = Math.ceil(20_000 / words);
const wall = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  for (let i = 0; i < repeat; i += 1) for (const line of fixture.lines) correctNames(line.text, glossary, { script: line.script, lowerCase: line.lowerCase });
  wall.push(performance.now() - started);
}
const median = [...wall].sort((a, b) => a - b)[Math.floor(wall.length / 2)];
console.log(`speed: ${words * repeat} words in ${median.toFixed(0)} ms (median of ${runs}) = ${Math.round((words * repeat) / (median / 1000))} words/s`);
