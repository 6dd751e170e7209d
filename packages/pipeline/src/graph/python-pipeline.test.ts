import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { JobConfigSchema } from '@bollyx/job-config';
import { parseSrt } from '@bollyx/subtitles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMovie, makeSpeechClip } from '../../../../tools/test-media';
import type { PipelineEvent, PipelineSummary } from '@bollyx/stage-runner';
import { PipelineFailedError, readManifest } from '@bollyx/stage-runner';
import { pythonStageScript } from '@bollyx/python-stages';
import { PYANNOTE_PIPELINE_REPO, pyannoteHubCache, pyannoteSnapshotDir } from '../../../../tools/pyannote-hub';
import { pythonStandInsDir } from '../../../../tools/python-stand-ins';
import { seedSileroModel } from '../../../../tools/silero-model';
import { runPipeline } from '@bollyx/stage-runner';
import { transcriptSchema } from '../stages/asr/transcript';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import type { SubtitlePipelineOptions } from './subtitle-pipeline-options';

// Real python3 runs the real stage scripts; only the outside libraries (faster_whisper, whisperx,
// pyannote.audio, transformers, torch) are the test stand-ins, put on PYTHONPATH.
const SECRET = 'hf_never_in_a_log_8c1f';

let root: string;
let vadModelPath: string;
let scriptsDir: string;
let jobDir: string;
let movie: string;
const asked: string[] = [];

const runtime = (name: string, fingerprint: string, model: string, env: Record<string, string> = {}) => ({
  environment: { name, fingerprint },
  env: { PYTHONPATH: pythonStandInsDir, ...env },
  model,
});
/** Diarization as `bollyx run` provisions it: the pulled pipeline's folder, its models in the hub cache, offline. */
const diarizeRuntime = (fingerprint: string) =>
  runtime('pyannote', fingerprint, pyannoteSnapshotDir(PYANNOTE_PIPELINE_REPO), {
    HF_TOKEN: SECRET,
    HF_HUB_OFFLINE: '1',
    HF_HUB_CACHE: pyannoteHubCache,
    PYANNOTE_CACHE: pyannoteHubCache,
  });

function stages(python: Partial<SubtitlePipelineOptions['python']> = {}) {
  return buildSubtitlePipeline({
    config: JobConfigSchema.parse({
      sourceLanguage: 'hi',
      targetLanguages: ['en'],
      asr: { backend: 'faster-whisper', align: true, device: 'cuda' },
      diarization: { enabled: true },
      translation: { backend: 'nllb' },
      output: { mux: { containers: ['mkv'] } },
    }),
    mediaPath: movie,
    vadModelPath,
    threads: 2,
    scriptsDir,
    python: {
      // The stand-in runs out of CUDA memory on any device but the CPU, as a small GPU would.
      'asr-faster-whisper': runtime('whisperx', 'whisperx-1', 'Systran/faster-whisper-base', { BOLLYX_STANDIN_FAIL: 'cuda-oom' }),
      'align-whisperx': runtime('whisperx', 'whisperx-1', 'theainerd/Wav2Vec2-large-xlsr-hindi'),
      'diarize-pyannote': diarizeRuntime('pyannote-1'),
      'translate-nllb': runtime('common', 'common-1', 'facebook/nllb-200-distilled-600M'),
      ...python,
    },
  });
}

async function run(python: Partial<SubtitlePipelineOptions['python']> = {}): Promise<{ summary: PipelineSummary; events: PipelineEvent[] }> {
  const events: PipelineEvent[] = [];
  const summary = await runPipeline(stages(python), {
    jobDir,
    concurrency: 2,
    onEvent: (event) => events.push(event),
    resolveInterpreter: async (environment) => {
      asked.push(environment);
      return 'python3';
    },
  });
  return { summary, events };
}
const statuses = (summary: PipelineSummary) => Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status]));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bollyx-python-pipeline-'));
  vadModelPath = await seedSileroModel(join(root, 'models'));
  jobDir = join(root, 'job');
  await mkdir(jobDir);
  // A copy of the scripts, so a test can edit one.
  scriptsDir = join(root, 'scripts');
  await cp(dirname(pythonStageScript('asr_faster_whisper')), scriptsDir, { recursive: true, filter: (source) => !source.includes('stand-ins') });
  const clip = await makeSpeechClip(join(root, 'speech.wav'), {
    parts: [
      { silence: 1 },
      { say: 'Hello, my friend. The train leaves at seven.', voice: 'en' },
      { silence: 1.5 },
      { say: 'नमस्ते दोस्त, गाड़ी सात बजे जाती है।', voice: 'hi' },
      { silence: 1 },
    ],
  });
  movie = await makeMovie(join(root, 'film.mp4'), { duration: clip.duration, audio: [{ wav: clip.path, language: 'hin' }] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the subtitle pipeline with Python backends', () => {
  it('transcribes with faster-whisper, aligns, diarizes and translates with NLLB, labelling speakers in the subtitles', async () => {
    const { summary, events } = await run();
    expect(Object.values(statuses(summary)).every((status) => status === 'ran')).toBe(true);
    expect(Object.keys(statuses(summary))).toEqual(
      expect.arrayContaining(['asr', 'align', 'transcript', 'diarize', 'translate-en', 'translation', 'subtitles', 'mux']),
    );
    expect(new Set(asked)).toEqual(new Set(['whisperx', 'pyannote', 'common']));

    // The CUDA attempt ran out of memory; the CPU attempt finished, and the manifest says so.
    const asr = await readManifest(join(jobDir, 'manifests/asr.json'));
    expect(asr).toMatchObject({ device: 'cpu', executor: 'python', backend: 'faster-whisper', environment: { name: 'whisperx', fingerprint: 'whisperx-1' } });
    expect(asr!.attempts.map(({ device, status }) => [device, status])).toEqual([['cuda', 'failed'], ['cpu', 'succeeded']]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'stage-retry', stageId: 'asr', fromDevice: 'cuda', toDevice: 'cpu' }));
    // The scripts' progress lines became progress events.
    expect(events.some((event) => event.type === 'stage-progress' && event.stageId === 'asr' && event.fraction > 0 && event.fraction < 1)).toBe(true);

    const hindi = transcriptSchema.parse(JSON.parse(await readFile(join(jobDir, 'transcripts/hi.json'), 'utf8')));
    expect(hindi.segments.length).toBeGreaterThan(0);
    // Every segment is someone's, and the first voice heard is Speaker 1.
    expect(hindi.segments[0]!.speaker).toBe('Speaker 1');
    expect(hindi.segments.every((segment) => segment.speaker?.startsWith('Speaker '))).toBe(true);
    const english = transcriptSchema.parse(JSON.parse(await readFile(join(jobDir, 'transcripts/en.json'), 'utf8')));
    // The NLLB stand-in reverses each text's words; its translation keeps the source segment's time and speaker.
    expect(english.segments.map((segment) => [segment.start, segment.end, segment.speaker, segment.words.map((word) => word.text).join(' ')])).toEqual(
      hindi.segments.map((segment) => [segment.start, segment.end, segment.speaker, segment.words.map((word) => word.text).reverse().join(' ')]),
    );
    for (const language of ['hi', 'en']) {
      const cues = parseSrt(await readFile(join(jobDir, `subtitles/${language}.srt`), 'utf8'));
      expect(cues[0]!.lines[0], language).toMatch(/^\[Speaker 1\] /);
    }

    // Environment values (a token here) reach the script, never a log.
    for (const log of await readdir(join(jobDir, 'logs'))) {
      expect(await readFile(join(jobDir, 'logs', log), 'utf8'), log).not.toContain(SECRET);
    }
    // No request file outlives its attempt.
    expect((await readdir(join(jobDir, 'transcripts'))).filter((name) => name.includes('request'))).toEqual([]);
  });

  it('finds every stage cached when nothing changed', async () => {
    const { summary } = await run();
    expect(Object.values(statuses(summary)).every((status) => status === 'cached')).toBe(true);
  });

  it('runs a stage again when its script or its environment changes, and reuses what it did not change', async () => {
    await appendFile(join(scriptsDir, 'align_whisperx.py'), '\n# edited\n');
    const edited = statuses((await run()).summary);
    expect(edited.align).toBe('ran');
    expect(edited.asr).toBe('cached');
    // The aligned words did not change, so nothing after them runs.
    expect(edited.transcript).toBe('cached');

    const rebuilt = statuses(
      (await run({ 'diarize-pyannote': diarizeRuntime('pyannote-2') })).summary,
    );
    expect(rebuilt.diarize).toBe('ran');
    expect(Object.entries(rebuilt).filter(([, status]) => status === 'ran')).toEqual([['diarize', 'ran']]);
  });

  it("fails with the script's own reason: a missing model or a library that cannot be imported", async () => {
    const failed = async (model: string, fail: string) => {
      const error: unknown = await run({ 'translate-nllb': runtime('common', 'common-1', model, { BOLLYX_STANDIN_FAIL: fail }) }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(PipelineFailedError);
      const { summary, code, hint } = error as PipelineFailedError;
      expect(statuses(summary)).toMatchObject({ 'translate-en': 'failed', subtitles: 'skipped' });
      return { code, hint };
    };
    expect(await failed('facebook/nllb-200-distilled-1.3B', 'model-missing')).toMatchObject({
      code: 'STAGE_MODEL_MISSING',
      hint: expect.stringContaining('bollyx models pull'),
    });
    expect(await failed('facebook/nllb-200-1.3B', 'import')).toMatchObject({
      code: 'STAGE_BACKEND_MISSING',
      hint: expect.stringContaining('bollyx env create common --force'),
    });
  });
});
