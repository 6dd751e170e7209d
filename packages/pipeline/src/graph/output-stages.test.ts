import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { JobConfigSchema } from '@bollyx/job-config';
import type { JobConfigInput } from '@bollyx/job-config';
import { inProcess, runPipeline } from '@bollyx/stage-runner';
import type { PipelineEvent, StageDefinition } from '@bollyx/stage-runner';
import { lintCues, parseSrt } from '@bollyx/subtitles';
import { describe, expect, it } from 'vitest';
import { makeCutFilm, makeSpeechClip } from '../../../../tools/test-media';
import type { SpeechClipPart } from '../../../../tools/test-media';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { subtitlePreset } from '../stages/subtitles/subtitle-preset';
import { shotsFileSchema } from '../stages/shots/shots-file';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import { writeJson } from './json-file';
import { LAYOUT } from './pipeline-layout';
import { outputStages } from './output-stages';
import { subtitlePipelineOptionsSchema } from './subtitle-pipeline-options';

const tempDir = useTempDirs();
const FPS = 25;
const CUTS = [50, 130, 200];

// Hindi lines with their English, each placed against a cut: 3 frames after one, ending 2.5 frames before one, …
const LINES = [
  { hi: 'नमस्ते दोस्तों', en: 'Hello friends', start: 0.3 },
  { hi: 'आप कैसे हैं', en: 'How are you', start: 2.12 },
  { hi: 'मैं ठीक हूँ धन्यवाद', en: 'I am fine thank you', end: 7.9 },
  { hi: 'फिर मिलेंगे', en: 'See you again', start: 8.1 },
] as const;

/** A speech track whose sentences start (or end) where LINES say: espeak's lengths are measured first. */
async function speechTrack(dir: string) {
  const alone = await makeSpeechClip(join(dir, 'measure.wav'), { parts: LINES.map((line) => ({ say: line.hi, voice: 'hi' as const })) });
  const lengths = alone.speech.map((interval) => interval.end - interval.start);
  const parts: SpeechClipPart[] = [];
  let at = 0;
  LINES.forEach((line, index) => {
    const start = 'start' in line ? line.start : line.end - lengths[index]!;
    parts.push({ silence: start - at }, { say: line.hi, voice: 'hi' });
    at = start + lengths[index]!;
  });
  parts.push({ silence: CUTS.at(-1)! / FPS + 3 - at });
  return makeSpeechClip(join(dir, 'speech.wav'), { parts });
}

/** A transcript of the spoken intervals, the words spread evenly over each. */
function transcript(language: 'hi' | 'en', intervals: { start: number; end: number }[]) {
  return {
    language,
    segments: LINES.map((line, index) => {
      const { start, end } = intervals[index]!;
      const words = line[language].split(' ');
      const step = (end - start) / words.length;
      return { start, end, words: words.map((text, at) => ({ text, start: start + at * step, end: start + (at + 1) * step })) };
    }),
  };
}

const stub = (id: string, output: string, value: () => unknown): StageDefinition => ({
  id,
  version: '1',
  outputs: [output],
  run: inProcess(async (ctx) => writeJson(ctx.output(output), value())),
});

describe('outputStages', () => {
  it('times every cue to the detected cuts at the film’s frame rate, muxes hin, eng and romanized Hindi, and burns one in', async () => {
    const dir = await tempDir();
    const clip = await speechTrack(dir);
    const film = await makeCutFilm(join(dir, 'film.mp4'), { cuts: CUTS, frames: CUTS.at(-1)! + 60, frameRate: FPS, audio: clip.path });
    const config = JobConfigSchema.parse({
      sourceLanguage: 'hi',
      targetLanguages: ['en'],
      output: { formats: ['srt'], mux: { containers: ['mkv'] }, burnIn: 'hi' },
    } satisfies JobConfigInput);
    const options = subtitlePipelineOptionsSchema.parse({ config, mediaPath: film, vadModelPath: 'unused', threads: 1, hasVideo: true });
    const jobDir = join(dir, 'job');
    const events: PipelineEvent[] = [];
    const summary = await runPipeline(
      [
        stub('vad', LAYOUT.speechSpans, () => ({ durationSeconds: clip.duration, segments: clip.speech.map(({ start, end }) => ({ start, end })) })),
        stub('transcript', LAYOUT.transcript('hi'), () => transcript('hi', clip.speech)),
        stub('translation', LAYOUT.transcript('en'), () => transcript('en', clip.speech)),
        ...outputStages(options),
      ],
      { jobDir, onEvent: (event) => events.push(event) },
    );
    expect(summary.stages.map((stage) => [stage.id, stage.status])).toEqual(
      ['vad', 'transcript', 'translation', 'shots', 'romanize', 'subtitles', 'burn-in', 'mux'].map((id) => [id, 'ran']),
    );

    const shots = shotsFileSchema.parse(JSON.parse(await readFile(join(jobDir, LAYOUT.shots), 'utf8')));
    expect(shots.frameRate).toBe(FPS);
    expect(shots.cuts.map((cut) => cut.frame)).toEqual(CUTS);
    expect(events.some((event) => event.type === 'stage-progress' && event.stageId === 'shots' && event.fraction === 1)).toBe(true);

    const shotChanges = shots.cuts.map((cut) => cut.time);
    for (const language of ['hi', 'en', 'hi-Latn']) {
      const cues = parseSrt(await readFile(join(jobDir, LAYOUT.subtitles(language, 'srt')), 'utf8'));
      // The line spoken 3 frames after the cut at 2 s starts on the cut.
      expect(cues.map((cue) => cue.start)).toContain(2);
      expect(lintCues(cues, subtitlePreset('auto', language === 'en' ? 'en' : 'hi'), { frameRate: FPS, shotChanges })).toEqual([]);
    }
    const romanized = await readFile(join(jobDir, LAYOUT.subtitles('hi-Latn', 'srt')), 'utf8');
    expect(romanized).toContain('Namaste doston');
    expect(romanized).not.toMatch(/[\u0900-\u097f]/);

    // Read back independently of the mux stage's own check.
    const { stdout } = await execa('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', join(jobDir, LAYOUT.video('film', 'mkv'))]);
    const streams = (JSON.parse(stdout) as { streams: { codec_type: string; tags?: Record<string, string> }[] }).streams;
    expect(streams.filter((stream) => stream.codec_type === 'subtitle').map((stream) => [stream.tags?.language, stream.tags?.title])).toEqual([
      ['hin', 'Hindi'],
      ['eng', 'English'],
      ['hin', 'Hindi (Romanized)'],
    ]);
    const burned = await execa('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', join(jobDir, LAYOUT.burnedVideo('film', 'hi'))]);
    expect(burned.stdout.split('\n')).toEqual(['video', 'audio']);
  });
});

describe('buildSubtitlePipeline output stages', () => {
  const build = (config: JobConfigInput, hasVideo: boolean) =>
    buildSubtitlePipeline({ config: JobConfigSchema.parse(config), mediaPath: '/jobs/1/media/film.mkv', vadModelPath: '/m/vad.onnx', threads: 1, hasVideo, asrModelPath: '/m/ggml.bin', whisperCli: { binary: 'w', version: '1', backend: 'cpu' } });

  it('has no shots or burn-in stage for audio-only media, and romanized Hindi only for a Hindi source', () => {
    const audioOnly = build({ sourceLanguage: 'hi', output: { burnIn: 'hi' } }, false);
    expect(audioOnly.map((stage) => stage.id)).not.toContain('shots');
    expect(audioOnly.map((stage) => stage.id)).not.toContain('burn-in');
    expect(audioOnly.find((stage) => stage.id === 'subtitles')!.needs).toEqual(['vad', 'transcript', 'translation', 'romanize']);
    expect(build({ sourceLanguage: 'hi', output: { romanized: false } }, true).map((stage) => stage.id)).not.toContain('romanize');
    expect(build({ sourceLanguage: 'en' }, true).map((stage) => stage.id)).not.toContain('romanize');
  });

  it('refuses a burn-in language the job does not write', () => {
    expect(() => build({ sourceLanguage: 'hi', targetLanguages: ['en'], output: { burnIn: 'fr' } }, true)).toThrow(/burnIn is fr/);
  });
});
