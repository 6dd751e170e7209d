import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobConfigSchema } from '@bollyx/job-config';
import type { JobConfigInput } from '@bollyx/job-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerInvocation, containerRequest } from '../../../stage-runner/src/executors/container';
import type { ContainerExecutor, Executor, StageContext } from '@bollyx/stage-runner';
import { withRequestFile } from '../../../stage-runner/src/executors/python';
import { planPipeline } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import { containerizeStages, type StageImageRef } from '@bollyx/stage-runner';
import { imageStageOf } from './image-stage-of';
import type { SubtitlePipelineOptions } from './subtitle-pipeline-options';

const CACHE = '/home/me/.cache/bollyx';
const ASR_MODEL = `${CACHE}/models/ggml-base.bin`;
const SNAPSHOT = `${CACHE}/huggingface/hub/models--Systran--faster-whisper-base/snapshots/abc`;

/** What envVarsFor gives a Python stage: cache folders in the host cache, offline switches, a token. */
const HOST_ENV = {
  HF_HOME: `${CACHE}/huggingface`,
  HF_HUB_CACHE: `${CACHE}/huggingface/hub`,
  TORCH_HOME: `${CACHE}/torch`,
  MLX_CACHE_DIR: `${CACHE}/mlx`,
  HF_HUB_OFFLINE: '1',
  HF_TOKEN: 'hf_secret_token',
};
const runtime = { environment: { name: 'whisperx', fingerprint: 'host-venv-fp' }, env: HOST_ENV, model: SNAPSHOT };

const build = (config: JobConfigInput, extra: Partial<SubtitlePipelineOptions> = {}) =>
  buildSubtitlePipeline({
    config: JobConfigSchema.parse(config),
    mediaPath: '/jobs/1/media/film.mkv',
    whisperCli: { binary: '/engines/whisper-cli', version: '1.7.6', backend: 'cpu' },
    asrModelPath: ASR_MODEL,
    vadModelPath: `${CACHE}/models/silero-vad-v5.onnx`,
    threads: 4,
    python: { 'asr-faster-whisper': runtime, 'align-whisperx': runtime },
    ...extra,
  });

const IMAGES: Readonly<Record<string, StageImageRef>> = {
  'asr-whispercpp': { image: 'bollyx/asr-whispercpp:0123456789ab', entry: ['/usr/local/bin/whisper-cli'] },
  'asr-faster-whisper': { image: 'bollyx/whisperx:ba9876543210', entry: ['python', '-u', '/opt/bollyx/python/asr_faster_whisper.py'] },
  'align-whisperx': { image: 'bollyx/whisperx:ba9876543210', entry: ['python', '-u', '/opt/bollyx/python/align_whisperx.py'] },
};
const containerize = (stages: StageDefinition[]) =>
  containerizeStages(stages, { engine: 'docker', modelCacheDir: CACHE, imageFor: (stage) => IMAGES[imageStageOf(stage) ?? ''] });

const byId = (stages: StageDefinition[]) => Object.fromEntries(stages.map((stage) => [stage.id, stage]));
const kinds = (stages: StageDefinition[]) => Object.fromEntries(stages.map((stage) => [stage.id, stage.run.kind]));
const asContainer = (run: Executor): ContainerExecutor => {
  if (run.kind !== 'container') throw new Error(`a ${run.kind} executor, not a container`);
  return run;
};

function context(stage: StageDefinition, jobDir: string, device: StageContext['device']): StageContext {
  const temps = (stage.outputs ?? []).map((output) => join(jobDir, output.replace(/(\.\w+)$/, '.partial-r1$1')));
  return {
    stageId: stage.id,
    runId: 'r1',
    jobDir,
    params: stage.params ?? {},
    device,
    inputs: stage.inputs ?? [],
    outputs: temps,
    needs: {
      'speech-audio': [join(jobDir, 'audio/speech.wav'), join(jobDir, 'audio/speech-timeline.json')],
      asr: [join(jobDir, 'transcripts/asr.json')],
    },
    signal: new AbortController().signal,
    output: (declared) => temps[(stage.outputs ?? []).indexOf(declared)]!,
    progress: () => undefined,
    log: () => undefined,
    metrics: () => undefined,
  };
}

/** The engine's argv of one attempt, with the request written where run-executor writes it, and that request. */
async function attempt(stage: StageDefinition, jobDir: string, device: StageContext['device'] = 'cpu') {
  const run = asContainer(stage.run);
  const ctx = context(stage, jobDir, device);
  const host = { uid: 1000, gid: 1000 };
  if (run.request === undefined) return { args: containerInvocation(run, ctx, host).args, request: undefined };
  return withRequestFile(ctx, containerRequest(run, ctx, await run.request(ctx)), async (file) => ({
    args: containerInvocation(run, ctx, host, file).args,
    request: JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>,
  }));
}
const afterImage = (args: string[], image: string) => args.slice(args.indexOf(image) + 1);

let jobDir: string;
beforeAll(async () => {
  jobDir = await mkdtemp(join(tmpdir(), 'bollyx-containerize-'));
  await mkdir(join(jobDir, 'transcripts'));
});
afterAll(() => rm(jobDir, { recursive: true, force: true }));

describe('containerizeStages', () => {
  it('moves whisper-cli into its image and leaves the in-process stages as they are', () => {
    const stages = build({ sourceLanguage: 'hi', targetLanguages: ['en'] });
    const moved = containerize(stages);

    expect(kinds(moved)).toEqual({
      names: 'in-process',
      demux: 'in-process',
      vad: 'in-process',
      'speech-audio': 'in-process',
      asr: 'container',
      transcript: 'in-process',
      translate: 'container',
      translation: 'in-process',
      romanize: 'in-process',
      subtitles: 'in-process',
      mux: 'in-process',
    });
    for (const [index, stage] of moved.entries()) if (stage.run.kind === 'in-process') expect(stage).toBe(stages[index]);
    expect(() => planPipeline(moved, {})).not.toThrow();
  });

  it('runs whisper-cli with the same arguments in the image', async () => {
    const stages = build({ sourceLanguage: 'hi', asr: { beamSize: 1 } });
    const native = byId(stages).asr!;
    const asr = byId(containerize(stages)).asr!;
    expect(asr.inputs).toEqual(native.inputs);
    expect(asr).toMatchObject({ backend: 'whisper.cpp', toolVersions: { 'whisper.cpp': '1.7.6' }, run: { image: IMAGES['asr-whispercpp']!.image, modelCacheDir: CACHE } });
    expect(asr.environment).toBeUndefined();

    const { args } = await attempt(asr, jobDir);
    expect(args.slice(0, args.indexOf(IMAGES['asr-whispercpp']!.image) + 1)).toEqual([
      'run', '--rm', '--init', '--name', 'bollyx-r1-asr', '--user', '1000:1000',
      '--volume', `${jobDir}:/job:rw`, '--workdir', '/job',
      '--volume', `${CACHE}:/models:ro`,
      '--volume', `${ASR_MODEL}:/inputs/0/ggml-base.bin:ro`,
      IMAGES['asr-whispercpp']!.image,
    ]);
    // What whisper-cli gets on the host, given the paths the container sees.
    if (native.run.kind !== 'binary') throw new Error('whisper-cli runs as a binary stage');
    const inside = {
      ...context(native, '/job', 'cpu'),
      inputs: ['/inputs/0/ggml-base.bin'],
      needs: { 'speech-audio': ['/job/audio/speech.wav', '/job/audio/speech-timeline.json'] },
      output: () => '/job/transcripts/whisper-transcribe.partial-r1.json',
    };
    expect(afterImage(args, IMAGES['asr-whispercpp']!.image)).toEqual(['/usr/local/bin/whisper-cli', ...native.run.args(inside)]);
    expect(args).toContain('/inputs/0/ggml-base.bin');
    expect(args).toContain('/job/transcripts/whisper-transcribe.partial-r1');
  });

  it('asks for the GPUs only for an attempt on cuda', async () => {
    const asr = byId(containerize(build({ sourceLanguage: 'hi' }, { whisperCli: { binary: '/engines/whisper-cli', version: '1.7.6', backend: 'cuda' } }))).asr!;
    expect(asr.device).toEqual({ preferred: 'cuda', fallback: ['cpu'] });

    const onCuda = (await attempt(asr, jobDir, 'cuda')).args;
    expect(onCuda.slice(onCuda.indexOf('--gpus'), onCuda.indexOf('--gpus') + 2)).toEqual(['--gpus', 'all']);
    expect((await attempt(asr, jobDir, 'cpu')).args).not.toContain('--gpus');
  });

  it('runs every stage on the CPU in images with no GPU runtime', () => {
    const stages = build({ sourceLanguage: 'hi' }, { whisperCli: { binary: '/engines/whisper-cli', version: '1.7.6', backend: 'cuda' } });
    const cpuOnly = byId(containerizeStages(stages, { engine: 'docker', modelCacheDir: CACHE, cpuOnly: true, imageFor: (stage) => IMAGES[imageStageOf(stage) ?? ''] }));
    expect(cpuOnly.asr!.device).toEqual({ preferred: 'cpu', fallback: [] });
  });

  it('runs a Python stage’s script in its image with its request under /job, and model cache paths under /models', async () => {
    const stages = build({ sourceLanguage: 'hi', workflow: 'transcribe', asr: { backend: 'faster-whisper' } });
    const asr = byId(containerize(stages)).asr!;
    const image = IMAGES['asr-faster-whisper']!;
    const run = asContainer(asr.run);

    expect(asr.environment).toEqual({ name: 'whisperx', fingerprint: image.image });
    expect(asr.inputs).toEqual(byId(stages).asr!.inputs);
    expect(run.env).toEqual({
      HF_HOME: '/models/huggingface',
      HF_HUB_CACHE: '/models/huggingface/hub',
      TORCH_HOME: '/models/torch',
      MLX_CACHE_DIR: '/models/mlx',
      HF_HUB_OFFLINE: '1',
      HF_TOKEN: 'hf_secret_token',
    });

    const { args, request } = await attempt(asr, jobDir);
    expect(afterImage(args, image.image)).toEqual([...image.entry, '--request', '/job/transcripts/asr.partial-r1request.json']);
    expect(request).toMatchObject({
      output: '/job/transcripts/asr.partial-r1.json',
      audio: '/job/audio/speech.wav',
      model: '/models/huggingface/hub/models--Systran--faster-whisper-base/snapshots/abc',
      device: 'cpu',
      language: 'hi',
    });
    // Tokens travel by name in the client's environment, never in argv.
    expect(args.join(' ')).toContain('--env HF_TOKEN');
    expect(args.join(' ')).not.toContain('hf_secret_token');
  });

  it('makes a request on the host, where it can read a needed stage’s output, and names the files as the container sees them', async () => {
    const stages = build({ sourceLanguage: 'hi', workflow: 'transcribe', asr: { backend: 'faster-whisper', align: true } });
    const align = byId(containerize(stages)).align!;
    const heard = { language: 'hi', segments: [{ start: 0.5, end: 1.5, text: 'नमस्ते', words: [{ text: 'नमस्ते', start: 0.5, end: 1.5 }] }] };
    await writeFile(join(jobDir, 'transcripts/asr.json'), JSON.stringify(heard));

    const { args, request } = await attempt(align, jobDir);
    expect(afterImage(args, IMAGES['align-whisperx']!.image)).toEqual([...IMAGES['align-whisperx']!.entry, '--request', '/job/transcripts/aligned.partial-r1request.json']);
    expect(request).toMatchObject({ audio: '/job/audio/speech.wav', output: '/job/transcripts/aligned.partial-r1.json', segments: [{ start: 0.5, end: 1.5, text: 'नमस्ते' }] });
  });

  it('keeps on the host a stage that imageFor gives no image for', () => {
    const stages = build({ sourceLanguage: 'hi', workflow: 'transcribe', asr: { backend: 'faster-whisper' } });
    const kept = containerizeStages(stages, { engine: 'podman', modelCacheDir: CACHE, imageFor: () => undefined });
    expect(kept).toEqual(stages);
    expect(byId(kept).asr!.run.kind).toBe('python');
  });
});

describe('imageStageOf', () => {
  it('names the image stage of whisper-cli and of each Python stage, and none for in-process stages', () => {
    const pythonRuntimes = { 'asr-faster-whisper': runtime, 'diarize-pyannote': runtime, 'translate-nllb': runtime };
    const stages = build({ sourceLanguage: 'hi', targetLanguages: ['en'], asr: { backend: 'faster-whisper' }, diarization: { enabled: true }, translation: { backend: 'nllb' } }, { python: pythonRuntimes });
    expect(Object.fromEntries(stages.map((stage) => [stage.id, imageStageOf(stage)]))).toEqual({
      demux: undefined,
      vad: undefined,
      'speech-audio': undefined,
      asr: 'asr-faster-whisper',
      transcript: undefined,
      diarize: 'diarize-pyannote',
      'translate-en': 'translate-nllb',
      translation: undefined,
      subtitles: undefined,
      mux: undefined,
    });
    expect(imageStageOf(byId(build({ sourceLanguage: 'hi' })).asr!)).toBe('asr-whispercpp');
  });
});
