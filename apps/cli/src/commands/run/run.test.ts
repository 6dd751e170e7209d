import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import { getPreset, lintCues, parseSrt, parseVtt } from '@bollyx/subtitles';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../../../tools/ggml-model';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { makeMedia, makeMovie, makeSpeechClip } from '../../../../../tools/test-media';
import type { SpeechClip } from '../../../../../tools/test-media';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let model: string;
let clip: SpeechClip;
let movie: string;

/** `bollyx run` in its own workspace, with the test model decoded greedily (asr.beamSize 1). */
const runArgs = (workspace: string, target: string, extra: string[] = []) => ({
  args: [cli, 'run', target, '-s', 'hi', '-t', 'en', '--model', model, '--json', ...extra],
  options: {
    // Its own cache (hardware profile, preflight results), sharing only the engine built once for all tests.
    env: {
      BOLLYX_WORKSPACE: workspace,
      BOLLYX_CACHE_DIR: path.join(root, 'cache'),
      BOLLYX_ENGINES_DIR: enginesDir(),
      BOLLYX_MODELS_DIR: path.join(root, 'models'),
      BOLLYX_ASR_BEAM_SIZE: '1',
    },
    reject: false,
    cwd: root,
  } as const,
});
const bollyxRun = (workspace: string, target: string, extra: string[] = []) => {
  const { args, options } = runArgs(workspace, target, extra);
  return execa(process.execPath, args, options);
};

interface Summary {
  ok: boolean;
  jobId: string;
  jobDir: string;
  stages: { id: string; status: string; durationMs: number }[];
  outputs: { subtitles: Record<string, { srt: string; vtt: string }>; video: { mp4: string; mkv: string } };
  speechFound: boolean;
  error?: { code: string };
}
const lastLine = (stdout: string): Summary => JSON.parse(stdout.trim().split('\n').at(-1)!) as Summary;
const statuses = (summary: Summary) => Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status]));

const ffprobeStreams = async (file: string) =>
  (
    JSON.parse(
      (await execa('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:stream_tags=language,title,handler_name', '-of', 'json', file])).stdout,
    ) as { streams: { codec_type: string; codec_name: string; tags?: { language?: string; title?: string; handler_name?: string } }[] }
  ).streams;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-run-'));
  // Built once per machine (minutes on a fresh one), found in an instant after that.
  await ensureWhisperEngine();
  model = (await writeTestWhisperModel(path.join(root, 'ggml-test-tiny.bin'), { seed: 7 })).path;
  // Silero VAD in the model cache, as `bollyx models pull silero-vad` leaves it: no download from npm.
  await seedSileroModel(path.join(root, 'models'));
  clip = await makeSpeechClip(path.join(root, 'speech.wav'), {
    parts: [
      { silence: 1.5 },
      { say: 'Hello, my friend. The train leaves at seven.', voice: 'en' },
      { silence: 2 },
      { tone: 2, frequency: 330 },
      { silence: 1.5 },
      { say: 'नमस्ते दोस्त, गाड़ी सात बजे जाती है।', voice: 'hi' },
      { silence: 2 },
      { say: 'Come back soon.', voice: 'en' },
      { silence: 1.5 },
    ],
  });
  movie = await makeMovie(path.join(root, 'film.mp4'), { duration: clip.duration, audio: [{ wav: clip.path, language: 'hin' }] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('bollyx run', () => {
  let first: Summary;

  it('runs every stage on a film and writes Hindi and English subtitles and muxed videos', async () => {
    const workspace = path.join(root, 'work');
    const result = await bollyxRun(workspace, movie);
    expect(result.stderr).not.toContain('unexpected');
    expect(result.exitCode).toBe(0);
    first = lastLine(result.stdout);
    expect(first.ok).toBe(true);
    expect(Object.values(statuses(first))).toEqual(Array(12).fill('ran'));
    expect(Object.keys(statuses(first))).toEqual(['names', 'demux', 'shots', 'vad', 'speech-audio', 'asr', 'translate', 'transcript', 'translation', 'romanize', 'subtitles', 'mux']);
    // Progress came as JSON lines before the summary.
    expect(result.stdout).toContain('"type":"stage-progress"');

    // VAD found speech where it was put, and nowhere else (the tone and the silences are not speech).
    const spans = JSON.parse(await readFile(path.join(first.jobDir, 'audio/speech.json'), 'utf8')) as { segments: { start: number; end: number }[] };
    for (const spoken of clip.speech) {
      const inside = spans.segments.filter((segment) => segment.end > spoken.start && segment.start < spoken.end);
      expect(inside.length, spoken.say).toBeGreaterThan(0);
      expect(Math.abs(inside[0]!.start - spoken.start)).toBeLessThanOrEqual(0.3);
      expect(Math.abs(inside.at(-1)!.end - spoken.end)).toBeLessThanOrEqual(0.3);
    }
    for (const segment of spans.segments) {
      expect(clip.speech.some((spoken) => segment.end > spoken.start && segment.start < spoken.end)).toBe(true);
    }

    for (const [language, preset] of [['hi', getPreset('netflix-hi')], ['en', getPreset('netflix-en')]] as const) {
      const files = first.outputs.subtitles[language]!;
      const cues = parseSrt(await readFile(files.srt, 'utf8'));
      expect(cues.length, language).toBeGreaterThan(0);
      expect(parseVtt(await readFile(files.vtt, 'utf8'))).toEqual(cues);
      expect(lintCues(cues, preset)).toEqual([]);
      for (const cue of cues) {
        // A cue starts inside speech and stays up at most the preset's reading tail (0.5 s) after it.
        const speech = spans.segments.find((segment) => cue.start >= segment.start - 0.001 && cue.start <= segment.end);
        expect(speech, `${language} cue at ${cue.start}`).toBeDefined();
        const lastSpeech = spans.segments.filter((segment) => segment.start < cue.end).at(-1)!;
        expect(cue.end).toBeLessThanOrEqual(lastSpeech.end + 0.5 + 0.001);
      }
      // ffmpeg reads both files as subtitles, one packet per cue.
      for (const [file, codec] of [[files.srt, 'subrip'], [files.vtt, 'webvtt']] as const) {
        const probe = await execa('ffprobe', ['-v', 'error', '-count_packets', '-show_entries', 'stream=codec_name,nb_read_packets', '-of', 'csv=p=0', file]);
        expect(probe.stdout.trim()).toBe(`${codec},${cues.length}`);
      }
    }

    for (const [container, codec] of [['mp4', 'mov_text'], ['mkv', 'subrip']] as const) {
      const streams = await ffprobeStreams(first.outputs.video[container]);
      expect(streams.map((stream) => stream.codec_type)).toEqual(['video', 'audio', 'subtitle', 'subtitle', 'subtitle']);
      const subtitles = streams.filter((stream) => stream.codec_type === 'subtitle');
      // Romanized Hindi (-s hi) is the third track, tagged hin like the Hindi one.
      expect(subtitles.map((stream) => [stream.codec_name, stream.tags?.language, stream.tags?.title ?? stream.tags?.handler_name])).toEqual([
        [codec, 'hin', 'Hindi'],
        [codec, 'eng', 'English'],
        [codec, 'hin', 'Hindi (Romanized)'],
      ]);
    }
  });

  it('finds every stage cached when the same command runs again', async () => {
    const again = await bollyxRun(path.join(root, 'work'), movie);
    expect(again.exitCode).toBe(0);
    const summary = lastLine(again.stdout);
    expect(summary.jobId).toBe(first.jobId);
    expect(Object.values(statuses(summary))).toEqual(Array(12).fill('cached'));
  });

  it('resumes a job by its id, and says which flags a prepared job ignores', async () => {
    const byId = await bollyxRun(path.join(root, 'work'), first.jobId, ['--preset', 'netflix-en']);
    expect(byId.exitCode).toBe(0);
    expect(Object.values(statuses(lastLine(byId.stdout)))).toEqual(Array(12).fill('cached'));
    // runArgs passes -s, -t and --model too: every config flag given with a job id is named.
    expect(byId.stderr).toMatch(/keeps the config it was prepared with; ignoring .*subtitles\.preset/);
    expect(byId.stderr).toContain('asr.model');
  });

  it('redoes only asr and what follows after a SIGKILL in the middle of asr', async () => {
    const workspace = path.join(root, 'work');
    const { args, options } = runArgs(workspace, movie, ['--from', 'asr']);
    // Its own process group, so the kill takes whisper-cli down with it, as a crash would.
    const killed = execa(process.execPath, args, { ...options, detached: true, buffer: false });
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      killed.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (/"type":"stage-start"[^\n]*"stageId":"asr"/.test(seen)) {
          process.kill(-killed.pid!, 'SIGKILL');
          resolve();
        }
      });
      killed.once('exit', () => reject(new Error(`the run ended before asr started:\n${seen}`)));
    });
    expect((await killed).signal).toBe('SIGKILL');

    const resumed = await bollyxRun(workspace, movie);
    expect(resumed.exitCode).toBe(0);
    const summary = statuses(lastLine(resumed.stdout));
    expect([summary.demux, summary.vad, summary['speech-audio']]).toEqual(['cached', 'cached', 'cached']);
    expect(summary.asr).toBe('ran');
    expect(Object.values(summary).every((status) => status === 'ran' || status === 'cached')).toBe(true);
    // The killed run's partial files are gone.
    const transcripts = await readdir(path.join(first.jobDir, 'transcripts'));
    expect(transcripts.filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('says so and writes empty subtitles when the film has no speech', async () => {
    const quiet = await makeMedia(path.join(root, 'music.mp4'), { duration: 4 });
    const result = await bollyxRun(path.join(root, 'quiet'), quiet);
    expect(result.exitCode).toBe(0);
    const summary = lastLine(result.stdout);
    expect(summary.speechFound).toBe(false);
    expect(await readFile(summary.outputs.subtitles.hi!.srt, 'utf8')).toBe('');
    expect((await ffprobeStreams(summary.outputs.video.mkv)).map((stream) => stream.codec_type)).toEqual(['video', 'audio']);
  });

  it.each([
    ['a text file named .mp4', 'notes.mp4', 'MEDIA_UNRECOGNIZED', 17, (file: string) => writeFile(file, 'not a movie\n')],
    ['an empty file', 'empty.mp4', 'MEDIA_EMPTY', 16, (file: string) => writeFile(file, '')],
    ['a video without audio', 'silent.mp4', 'MEDIA_NO_AUDIO', 19, (file: string) => makeMedia(file, { duration: 1, audio: false })],
    // A mistyped movie path is missing media, not an unknown job id.
    ['a path with no file', 'typo.mp4', 'MEDIA_NOT_FOUND', 13, async () => undefined],
  ])('rejects %s before any stage runs', async (_label, name, code, exitCode, make) => {
    const file = path.join(root, 'bad', name);
    await mkdir(path.dirname(file), { recursive: true });
    await make(file);
    const workspace = path.join(root, `bad-${code}`);
    const result = await bollyxRun(workspace, file);
    expect(result.exitCode).toBe(exitCode);
    expect(lastLine(result.stdout).error?.code).toBe(code);
    expect(result.stdout).not.toContain('stage-start');
    expect(await readdir(path.join(workspace, 'jobs')).catch(() => [])).toEqual([]);
  });
});
