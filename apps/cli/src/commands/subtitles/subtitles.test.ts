import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCutFilm } from '../../../../../tools/test-media';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-subtitles-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bollyx = (...args: string[]) => execa(process.execPath, [cli, 'subtitles', ...args], { cwd: dir, reject: false });
const write = (name: string, content: string) => writeFile(path.join(dir, name), content, 'utf8');

// Cue 2 is 0.4 s long with a 50-character line and runs into cue 3 (gap 1 frame at 24 fps, 2 at 50).
const badSrt = [
  '1\n00:00:01,000 --> 00:00:03,000\nFine.\n',
  '2\n00:00:04,000 --> 00:00:04,400\nThis first line is far too long to read on a phone\n',
  '3\n00:00:04,440 --> 00:00:06,000\nAlso fine.\n',
].join('\n');

describe('bollyx subtitles lint', () => {
  it('passes a clean WebVTT file in Devanagari, counting grapheme clusters', async () => {
    // The second line is 59 UTF-16 units but 33 grapheme clusters.
    await write(
      'hindi.vtt',
      'WEBVTT\n\n00:01.000 --> 00:05.000\nमानो या न मानो, स्नातक बनने के लिए\nक्षत्रिय मोहल्ले में अपने दोस्तों के साथ क्रिकेट खेल रहे थे\n\n' +
        '00:06.000 --> 00:07.500\nहमें बस दो और कक्षाएँ पास करनी हैं।\n',
    );
    const result = await bollyx('lint', 'hindi.vtt', '--preset', 'netflix-hi', '--json');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, file: 'hindi.vtt', format: 'vtt', preset: 'netflix-hi', cueCount: 2, violations: [] });
    const plain = await bollyx('lint', 'hindi.vtt', '--preset', 'netflix-hi');
    expect(plain.stdout).toBe('hindi.vtt: 2 cues checked against netflix-hi (Netflix Hindi (Devanagari), adult programs): no problems');
  });

  it('lists every violation and exits 50', async () => {
    await write('bad.srt', badSrt);
    const result = await bollyx('lint', 'bad.srt');
    expect(result.exitCode).toBe(50);
    const rows = result.stdout.split('\n').slice(1);
    expect(rows.map((row) => row.trim().split(/\s{2,}/).slice(0, 3))).toEqual([
      ['cue 2', '00:00:04,000 --> 00:00:04,400', 'max-chars-per-line'],
      ['cue 2', '00:00:04,000 --> 00:00:04,400', 'max-chars-per-second'],
      ['cue 2', '00:00:04,000 --> 00:00:04,400', 'min-duration'],
      ['cue 2', '00:00:04,000 --> 00:00:04,400', 'min-gap'],
    ]);
    expect(result.stderr).toContain('bad.srt breaks netflix-en in 1 of 3 cues (4 problems)');
    expect(result.stderr).toContain('fix: ');
  });

  it('reports violations as JSON, and counts the gap in frames of --frame-rate', async () => {
    await write('bad.srt', badSrt);
    const result = await bollyx('lint', 'bad.srt', '--json', '--frame-rate', '50');
    expect(result.exitCode).toBe(50);
    const { ok, error } = JSON.parse(result.stdout);
    expect(ok).toBe(false);
    expect(error.code).toBe('SUBTITLES_LINT_VIOLATIONS');
    expect(error.details.violations.map((violation: { rule: string }) => violation.rule)).toEqual([
      'max-chars-per-line',
      'max-chars-per-second',
      'min-duration',
    ]);
  });

  it('exits 51 for a file that is not there', async () => {
    const result = await bollyx('lint', 'missing.srt');
    expect(result.exitCode).toBe(51);
    expect(result.stderr).toContain('missing.srt does not exist');
  });

  it('exits 52 for a file that is not subtitles, naming the line', async () => {
    await write('notes.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n\nthis is not a cue\n');
    const result = await bollyx('lint', 'notes.srt');
    expect(result.exitCode).toBe(52);
    expect(result.stderr).toContain('notes.srt is not valid SRT: Line 5');
    expect(result.stderr).toContain('fix: Fix line 5');
  });

  it('exits 53 for an unknown preset, listing the valid ones', async () => {
    await write('bad.srt', badSrt);
    const result = await bollyx('lint', 'bad.srt', '--preset', 'bbc');
    expect(result.exitCode).toBe(53);
    expect(result.stderr).toContain('netflix-en, netflix-hi');
  });

  it('checks cues against shot changes from a shots file, and the text rules', async () => {
    // At 25 fps: cue 1 starts 4 frames after the cut at 2 s; cue 2 writes an ellipsis as three dots.
    await write('shots.srt', '1\n00:00:02,160 --> 00:00:03,500\nAfter the cut.\n\n2\n00:00:05,000 --> 00:00:07,000\nWait...\n');
    await write('shots.json', JSON.stringify({ frameRate: 25, cuts: [{ time: 2, frame: 50, score: 40 }] }));
    const result = await bollyx('lint', 'shots.srt', '--shots', 'shots.json', '--json');
    expect(result.exitCode).toBe(50);
    const { error } = JSON.parse(result.stdout);
    expect(error.details.violations.map((violation: { cueIndex: number; rule: string; message: string }) => [violation.cueIndex, violation.rule, violation.message])).toEqual([
      [1, 'shot-change', 'starts 4 frames after a shot change; start on it'],
      [2, 'ellipsis', 'uses three full stops for an ellipsis; use the single character … (U+2026)'],
    ]);
  });
});

describe('bollyx subtitles lint --media', () => {
  it('finds the shot changes in the video with ffmpeg and checks the cues at its frame rate', async () => {
    // 25 fps, cuts at frames 25 and 75 (1 s and 3 s): cue 1 starts 3 frames after the first cut.
    const film = await makeCutFilm(path.join(dir, 'cuts.mp4'), { cuts: [25, 75], frames: 100, frameRate: 25 });
    await write('cuts.srt', '1\n00:00:01,120 --> 00:00:02,000\nAfter the cut.\n\n2\n00:00:03,000 --> 00:00:03,920\nOn the cut.\n');
    const result = await bollyx('lint', 'cuts.srt', '--media', film, '--json');
    expect(result.exitCode).toBe(50);
    const { error } = JSON.parse(result.stdout);
    expect(error.details.violations.map((violation: { cueIndex: number; message: string }) => [violation.cueIndex, violation.message])).toEqual([
      [1, 'starts 3 frames after a shot change; start on it'],
    ]);
  });
});

describe('bollyx subtitles convert', () => {
  const hindi = '1\n00:00:01,000 --> 00:00:03,500\nमानो या न मानो,\n<i>स्नातक बनने के लिए</i>\n\n2\n00:00:04,000 --> 00:00:06,040\n{x} & <3\n';

  it('converts SRT to TTML, ASS and WebVTT and back, keeping every cue', async () => {
    await write('movie.hi.srt', hindi);
    for (const extension of ['ttml', 'ass', 'vtt']) {
      const result = await bollyx('convert', 'movie.hi.srt', `movie.hi.${extension}`);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toBe(`movie.hi.${extension}: 2 cues, srt → ${extension}`);
      expect((await bollyx('convert', `movie.hi.${extension}`, `back-${extension}.hi.srt`)).exitCode).toBe(0);
      expect(await readFile(path.join(dir, `back-${extension}.hi.srt`), 'utf8')).toBe(hindi);
    }
    expect(await readFile(path.join(dir, 'movie.hi.ttml'), 'utf8')).toContain('xml:lang="hi"');
    expect(await readFile(path.join(dir, 'movie.hi.ass'), 'utf8')).toContain('Style: hi,Noto Sans Devanagari,');
  });

  it('refuses to replace an existing file unless --force, and exits 96', async () => {
    await write('in.srt', hindi);
    await write('taken.vtt', 'WEBVTT\n');
    const refused = await bollyx('convert', 'in.srt', 'taken.vtt', '--json');
    expect(refused.exitCode).toBe(96);
    expect(JSON.parse(refused.stdout).error.code).toBe('SUBTITLES_OUTPUT_EXISTS');
    expect(await readFile(path.join(dir, 'taken.vtt'), 'utf8')).toBe('WEBVTT\n');
    expect((await bollyx('convert', 'in.srt', 'taken.vtt', '--force')).exitCode).toBe(0);
    expect(await readFile(path.join(dir, 'taken.vtt'), 'utf8')).toContain('मानो या न मानो');
  });
});
