// Segmentation, writing, parsing and linting at feature-film scale: a two-hour film of dialogue,
// about 20,000 words in English and in Hindi, cut into shots every 2–7 s at 25 fps; then timing the cues to
// the shots, linting against them, and each delivery format written and read back. Run by hand after `npm run build` in this package:
//   node bench/subtitles.mjs [runs]
import os from 'node:os';
import { getPreset, lintCues, parseAss, parseSrt, parseTtml, segmentCues, timeCuesToShots, toAss, toSrt, toTtml, toVtt } from '@bollyx/subtitles';

const runs = Number(process.argv[2] ?? 5);
const FILM_SECONDS = 2 * 3600;

// Sentences spoken at about 2.7 words a second, with breaths between words and pauses between lines.
function film(sentences) {
  const segments = [];
  let clock = 0;
  for (let line = 0; clock < FILM_SECONDS; line += 1) {
    const words = sentences[line % sentences.length].split(' ').map((text) => {
      const start = clock;
      clock += 0.12 + 0.035 * text.length;
      const word = { text, start, end: clock };
      clock += 0.04;
      return word;
    });
    segments.push({ words, speaker: line % 7 === 0 ? 'B' : 'A' });
    clock += line % 5 === 0 ? 2.5 : 0.4;
  }
  return segments;
}

const english = film([
  'I never wanted this.',
  'I told them a hundred times that the house was not for sale.',
  'so I was walking down the road near the old temple when I saw my friend Raj standing there with his brother',
  'Hey!',
  'Mr. Sharma paid 25,000 rupees on 15 August 2023 to Dr. Priya Nair.',
  'Where have you been all night?',
]);
const hindi = film([
  'मानो या न मानो, स्नातक बनने के लिए हमें बस दो और कक्षाएँ पास करनी हैं।',
  'अरे!',
  'तुम कहाँ थे पूरी रात मैं तुम्हारा इंतज़ार कर रहा था और तुम्हारे भाई ने कहा कि तुम क्षत्रिय मोहल्ले में थे',
  'डॉ. प्रिया नायर ने 15 अगस्त 2023 को शर्मा जी को 25,000 रुपये दिए।',
]);

const FRAME_RATE = 25;
// Cuts on whole frames, 2 to 7 seconds apart in a fixed pattern (about 1,600 shots in two hours).
const shotChanges = [];
for (let at = 0, shot = 0; at < FILM_SECONDS; shot += 1) {
  at += 2 + ((shot * 37) % 51) / 10;
  shotChanges.push(Math.round(at * FRAME_RATE) / FRAME_RATE);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time(label, fn) {
  const wall = [];
  const cpu = [];
  let result;
  for (let i = 0; i < runs; i += 1) {
    const usage = process.cpuUsage();
    const started = performance.now();
    result = fn();
    wall.push(performance.now() - started);
    const spent = process.cpuUsage(usage);
    cpu.push((spent.user + spent.system) / 1000);
  }
  console.log(`${label.padEnd(34)} median ${median(wall).toFixed(1).padStart(7)} ms wall, ${median(cpu).toFixed(1).padStart(7)} ms CPU`);
  return result;
}

for (const [name, segments, preset] of [
  ['English', english, getPreset('netflix-en')],
  ['Hindi', hindi, getPreset('netflix-hi')],
]) {
  const words = segments.reduce((sum, segment) => sum + segment.words.length, 0);
  console.log(`${name}: ${words} words over ${(FILM_SECONDS / 3600).toFixed(1)} h`);
  const cues = time('  segmentCues', () => segmentCues(segments, preset));
  const srt = time('  toSrt', () => toSrt(cues));
  time('  toVtt', () => toVtt(cues));
  const parsed = time('  parseSrt', () => parseSrt(srt));
  const violations = time('  lintCues', () => lintCues(parsed, preset));
  // As the subtitles stage does with a film's shots: cut at them, then time the cues to them.
  const shotCues = time('  segmentCues with shots', () => segmentCues(segments, preset, { frameRate: FRAME_RATE, shotChanges }));
  const { minGapFrames, closeGapsUnderFrames, minDurationSeconds, maxDurationSeconds, maxCharsPerSecond } = preset;
  const rules = { frameRate: FRAME_RATE, minGapFrames, closeGapsUnderFrames, minDurationSeconds, maxDurationSeconds, maxCharsPerSecond };
  const untimed = lintCues(shotCues, preset, { frameRate: FRAME_RATE, shotChanges });
  const timed = time('  timeCuesToShots', () => timeCuesToShots(shotCues, shotChanges, rules));
  const shotViolations = time('  lintCues with shots', () => lintCues(timed, preset, { frameRate: FRAME_RATE, shotChanges }));
  const ttml = time('  toTtml', () => toTtml(timed, { language: preset.language, frameRate: FRAME_RATE }));
  time('  parseTtml', () => parseTtml(ttml));
  const ass = time('  toAss', () => toAss(timed, { language: preset.language }));
  time('  parseAss', () => parseAss(ass));
  const rulesBroken = (found) => {
    const counts = new Map();
    for (const { rule } of found) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    return [...counts].map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none';
  };
  console.log(`  ${cues.length} cues, ${violations.length} violations`);
  console.log(`  with ${shotChanges.length} shots: ${shotCues.length} cues, ${untimed.length} violations before timing (${rulesBroken(untimed)}), ${shotViolations.length} after (${rulesBroken(shotViolations)})`);
}
console.log(`${runs} runs each; ${os.cpus().length} CPUs (${os.cpus()[0].model.trim()}), load average ${os.loadavg()[0].toFixed(2)}`);
