import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAss } from './ass';
import { getPreset } from './get-preset';
import type { Cue } from './schemas';
import { segmentCues } from './segment-cues';
import { toSrt } from './srt';
import * as timings from './test-helpers/word-timings';
import { toVtt } from './webvtt';

const run = promisify(execFile);
const ffmpeg = (...args: string[]) => run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);

// Every hand-written case, English and Hindi, in one file each.
const cues = segmentCues(
  [
    ...timings.interjectionThenQuestion,
    ...timings.loneInterjection,
    ...timings.longUnpunctuatedSentence,
    ...timings.monologue,
    ...timings.numbersAndNames,
    ...timings.hindiNumbersAndNames,
  ],
  getPreset('netflix-en'),
);
const hindiCues = segmentCues([...timings.hindiSentence, ...timings.hindiInterjectionAndRun], getPreset('netflix-hi'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-subtitles-ffmpeg-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function dialogueLines(file: string): Promise<string[]> {
  const ass = path.join(dir, `${path.basename(file)}.ass`);
  await ffmpeg('-i', file, ass);
  return (await readFile(ass, 'utf8')).split('\n').filter((line) => line.startsWith('Dialogue:'));
}

describe('ffmpeg reads what the writers write', () => {
  it.each([
    ['out.srt', toSrt],
    ['out.vtt', (set: readonly Cue[]) => toVtt(set)],
    ['out.ass', (set: readonly Cue[]) => toAss(set, { language: 'hi' })],
  ])('%s decodes, and converts to ASS with every cue', async (name, write) => {
    for (const [label, set] of [
      ['en', cues],
      ['hi', hindiCues],
    ] as const) {
      const file = path.join(dir, `${label}-${name}`);
      await writeFile(file, write(set), 'utf8');
      // The null muxer has no default subtitle encoder: decoding into ASS makes ffmpeg read every cue.
      await ffmpeg('-i', file, '-c:s', 'ass', '-f', 'null', '-');
      const dialogue = await dialogueLines(file);
      expect(dialogue).toHaveLength(set.length);
      // ASS joins a cue's lines with \N; the text must come through intact, Devanagari included.
      expect(dialogue.at(-1)).toContain(set.at(-1)!.lines.join('\\N'));
    }
  });
});
