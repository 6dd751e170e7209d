import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JobConfigSchema } from '@bollyx/job-config';
import type { JobConfigInput } from '@bollyx/job-config';
import { describe, expect, it } from 'vitest';
import type { StageContext } from '@bollyx/stage-runner';
import { planPipeline } from '@bollyx/stage-runner';
import { pythonStageScript } from '@bollyx/python-stages';
import type { StageDefinition } from '@bollyx/stage-runner';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import { pythonStageNeeds } from './python-backends';
import { isScriptDeviceError, parseScriptProgress } from './python-stage';
import type { SubtitlePipelineOptions } from './subtitle-pipeline-options';
import { useTempDirs } from '../../../../tools/test-temp-dir';

const contractModule = join(dirname(pythonStageScript('asr_faster_whisper')), 'bollyx_stage.py');
const runtime = (name: string, fingerprint = `${name}-fp`) => ({
  environment: { name, fingerprint },
  env: { HF_HUB_CACHE: '/cache/hub', HF_TOKEN: 'hf_secret' },
  model: `/cache/hub/models--x--${name}/snapshots/abc`,
});
const python: SubtitlePipelineOptions['python'] = {
  'asr-faster-whisper': runtime('whisperx'),
  'asr-whisperx': runtime('whisperx'),
  'asr-mlx': runtime('mlx'),
  'align-whisperx': runtime('whisperx'),
  'diarize-pyannote': runtime('pyannote'),
  'translate-nllb': runtime('common'),
  'translate-indictrans2': runtime('indictrans2'),
};

const build = (config: JobConfigInput, extra: Partial<SubtitlePipelineOptions> = {}) =>
  buildSubtitlePipeline({
    config: JobConfigSchema.parse(config),
    mediaPath: '/jobs/1/media/film.mkv',
    vadModelPath: '/models/silero-vad-v5.onnx',
    threads: 4,
    python,
    ...extra,
  });
const whisperCpp = {
  whisperCli: { binary: '/engines/whisper-cli', version: '1.9.1', backend: 'cpu' as const },
  asrModelPath: '/models/ggml-base.bin',
};
const byId = (stages: StageDefinition[]) => Object.fromEntries(stages.map((stage) => [stage.id, stage]));
const kinds = (stages: StageDefinition[]) => Object.fromEntries(stages.map((stage) => [stage.id, stage.run.kind]));

const tempDir = useTempDirs();

/** What a python stage's request is for one attempt, with the job's files where the stage would find them. */
function requestOf(stage: StageDefinition, device: StageContext['device'], needs: StageContext['needs'] = {}): Promise<unknown> {
  if (stage.run.kind !== 'python' || stage.run.request === undefined) throw new Error(`${stage.id} has no request`);
  const ctx: StageContext = {
    stageId: stage.id,
    runId: 'r1',
    jobDir: '/jobs/1',
    params: stage.params ?? {},
    device,
    inputs: stage.inputs ?? [],
    outputs: (stage.outputs ?? []).map((output) => `/jobs/1/${output}.partial`),
    needs: { 'speech-audio': ['/jobs/1/audio/speech.wav', '/jobs/1/audio/speech-timeline.json'], demux: ['/jobs/1/audio/source.wav'], ...needs },
    signal: new AbortController().signal,
    output: (declared) => `/jobs/1/${declared}.partial`,
    progress: () => undefined,
    log: () => undefined,
    metrics: () => undefined,
  };
  return Promise.resolve(stage.run.request(ctx));
}

describe('buildSubtitlePipeline with Python backends', () => {
  it('runs faster-whisper ASR and Whisper translation in the whisperx environment, without whisper.cpp', async () => {
    const stages = build({ sourceLanguage: 'hi', targetLanguages: ['en'], asr: { backend: 'faster-whisper', device: 'cuda', computeType: 'float16', beamSize: 2 } });
    expect(kinds(stages)).toEqual({
      names: 'in-process',
      demux: 'in-process',
      vad: 'in-process',
      'speech-audio': 'in-process',
      asr: 'python',
      transcript: 'in-process',
      translate: 'python',
      translation: 'in-process',
      romanize: 'in-process',
      subtitles: 'in-process',
      mux: 'in-process',
    });
    expect(() => planPipeline(stages, {})).not.toThrow();
    const { asr, translate, transcript } = byId(stages);
    expect(asr).toMatchObject({
      needs: ['speech-audio', 'names'],
      // The script and the contract module it imports are inputs: an edited script runs again.
      inputs: [pythonStageScript('asr_faster_whisper'), contractModule],
      outputs: ['transcripts/asr.json'],
      environment: { name: 'whisperx', fingerprint: 'whisperx-fp' },
      device: { preferred: 'cuda', fallback: ['cpu'] },
      backend: 'faster-whisper',
      params: { language: 'hi', task: 'transcribe', beamSize: 2, batchSize: 8, model: python['asr-faster-whisper']!.model, computeType: 'float16' },
    });
    expect(asr!.run).toMatchObject({ kind: 'python', script: pythonStageScript('asr_faster_whisper'), env: python['asr-faster-whisper']!.env });
    expect(translate).toMatchObject({ outputs: ['transcripts/asr-translate.json'], params: { task: 'translate' } });
    expect(transcript!.needs).toEqual(['asr', 'speech-audio', 'names']);

    // The request is made per attempt: the CPU fallback gets device cpu; the script adapts the compute type.
    const onCuda = await requestOf(asr!, 'cuda');
    expect(onCuda).toEqual({
      device: 'cuda',
      computeType: 'float16',
      model: python['asr-faster-whisper']!.model,
      output: '/jobs/1/transcripts/asr.json.partial',
      threads: 4,
      audio: '/jobs/1/audio/speech.wav',
      language: 'hi',
      task: 'transcribe',
      beamSize: 2,
      batchSize: 8,
    });
    expect(await requestOf(asr!, 'cpu')).toEqual({ ...(onCuda as object), device: 'cpu' });
  });

  it('aligns, diarizes and translates per target with a text translator, carrying speakers through', async () => {
    const stages = build({
      sourceLanguage: 'hi',
      targetLanguages: ['en', 'ta'],
      asr: { backend: 'whisperx', align: true, device: 'cuda' },
      diarization: { enabled: true, device: 'cuda', minSpeakers: 2 },
      translation: { backend: 'nllb', device: 'metal' },
    });
    expect(() => planPipeline(stages, {})).not.toThrow();
    const stage = byId(stages);
    expect(Object.keys(stage)).toEqual([
      'names', 'demux', 'vad', 'speech-audio', 'asr', 'align', 'transcript', 'diarize', 'translate-en', 'translate-ta', 'translation', 'romanize', 'subtitles', 'mux',
    ]);
    expect(stage.align).toMatchObject({ needs: ['asr', 'speech-audio'], outputs: ['transcripts/aligned.json'], environment: { name: 'whisperx' }, backend: 'whisperx' });
    expect(stage.transcript!.needs).toEqual(['align', 'speech-audio', 'diarize', 'names']);
    expect(stage.diarize).toMatchObject({
      needs: ['demux'],
      outputs: ['transcripts/speakers.json'],
      environment: { name: 'pyannote' },
      device: { preferred: 'cuda', fallback: ['cpu'] },
      params: { minSpeakers: 2, maxSpeakers: null },
    });
    expect(await requestOf(stage.diarize!, 'cuda')).toMatchObject({ audio: '/jobs/1/audio/source.wav', minSpeakers: 2 });
    expect(await requestOf(stage.diarize!, 'cuda')).not.toHaveProperty('maxSpeakers');
    expect(stage['translate-ta']).toMatchObject({
      needs: ['transcript', 'names'],
      outputs: ['transcripts/ta.texts.json'],
      environment: { name: 'common' },
      device: { preferred: 'metal', fallback: ['cpu'] },
      params: { target: 'ta' },
    });
    expect(stage.translation).toMatchObject({
      needs: ['transcript', 'translate-en', 'translate-ta', 'names'],
      outputs: ['transcripts/en.json', 'transcripts/ta.json', 'names/corrections.en.json', 'names/corrections.ta.json'],
      backend: 'nllb',
    });
    // With speakers, the label style is part of the subtitles' key.
    expect(stage.subtitles!.params).toMatchObject({ speakerStyle: 'label' });
  });

  it('gives translation and diarization their own precision and threads, not the ASR ones', async () => {
    const stages = byId(
      build({
        sourceLanguage: 'hi',
        targetLanguages: ['en'],
        asr: { backend: 'whisperx', device: 'cuda', computeType: 'int8_float16', threads: 2, align: true },
        diarization: { enabled: true, device: 'cuda', threads: 3 },
        translation: { backend: 'indictrans2', device: 'cuda', computeType: 'float32', threads: 6 },
      }),
    );
    const transcript = join(await tempDir(), 'hi.json');
    await writeFile(transcript, JSON.stringify({ language: 'hi', segments: [{ start: 0, end: 1, words: [{ text: 'नमस्ते', start: 0, end: 1 }] }] }));

    expect(stages['translate-en']!.params).toMatchObject({ computeType: 'float32' });
    expect(await requestOf(stages['translate-en']!, 'cuda', { transcript: [transcript] })).toMatchObject({ computeType: 'float32', threads: 6, texts: ['नमस्ते'] });
    // pyannote and the wav2vec2 alignment compute in float32: no precision is sent, nor part of their key.
    const diarize = await requestOf(stages.diarize!, 'cuda');
    expect(diarize).toMatchObject({ threads: 3 });
    expect(diarize).not.toHaveProperty('computeType');
    expect(stages.diarize!.params).not.toHaveProperty('computeType');
    expect(stages.align!.params).not.toHaveProperty('computeType');
    expect(await requestOf(stages.asr!, 'cuda')).toMatchObject({ computeType: 'int8_float16', threads: 2 });

    // A section that sets no threads gets the options' (the recommendation's).
    const unset = byId(build({ sourceLanguage: 'hi', diarization: { enabled: true }, translation: { backend: 'nllb' } }, whisperCpp));
    expect(await requestOf(unset.diarize!, 'cpu')).toMatchObject({ threads: 4 });
    expect(await requestOf(unset['translate-en']!, 'cpu', { transcript: [transcript] })).toMatchObject({ computeType: 'float16', threads: 4 });
  });

  it('runs each backend on a device its library has, else on the CPU', () => {
    // CTranslate2 has no Metal; MLX has no CUDA.
    expect(byId(build({ sourceLanguage: 'hi', asr: { backend: 'faster-whisper', device: 'metal' } })).asr!.device).toEqual({ preferred: 'cpu', fallback: [] });
    expect(byId(build({ sourceLanguage: 'hi', asr: { backend: 'mlx', device: 'metal' } })).asr).toMatchObject({
      device: { preferred: 'metal', fallback: ['cpu'] },
      environment: { name: 'mlx' },
      inputs: [pythonStageScript('asr_mlx'), contractModule],
    });
    expect(byId(build({ sourceLanguage: 'hi', asr: { backend: 'mlx', device: 'cuda' } })).asr!.device).toEqual({ preferred: 'cpu', fallback: [] });
  });

  it('transcribes for a text translator even when no source subtitles are written', () => {
    const stages = build({ workflow: 'translate', sourceLanguage: 'hi', translation: { backend: 'indictrans2' } }, whisperCpp);
    expect(stages.map((stage) => stage.id)).toEqual(['names', 'demux', 'vad', 'speech-audio', 'asr', 'transcript', 'translate-en', 'translation', 'subtitles', 'mux']);
    // whisper.cpp's asr, as by default: only the translation runs in Python.
    expect(byId(stages).asr!.run.kind).toBe('binary');
    expect(byId(stages).subtitles!.outputs).toEqual(['subtitles/en.srt', 'subtitles/en.vtt']);
  });

  it('diarizes the source audio for a translation that has no transcript', () => {
    const stages = byId(build({ workflow: 'translate', sourceLanguage: 'hi', asr: { backend: 'faster-whisper' }, diarization: { enabled: true } }));
    expect(stages.asr).toBeUndefined();
    expect(stages.translation!.needs).toEqual(['translate', 'speech-audio', 'vad', 'diarize', 'names']);
  });

  it('keeps the whisper.cpp stages as they were when no Python backend is asked for', () => {
    const stages = byId(build({ sourceLanguage: 'hi', targetLanguages: ['en'] }, { ...whisperCpp, python: {} }));
    expect(stages.transcript!.needs).toEqual(['asr', 'speech-audio', 'names']);
    expect(stages.transcript!.params).toBeUndefined();
    expect(stages.subtitles!.params).not.toHaveProperty('speakerStyle');
  });

  it('fails before building when a runtime or whisper.cpp is missing', () => {
    expect(() => build({ sourceLanguage: 'hi', asr: { backend: 'faster-whisper' } }, { python: {} })).toThrow(
      expect.objectContaining({ code: 'PIPELINE_INVALID', message: expect.stringContaining('asr-faster-whisper') }),
    );
    expect(() => build({ sourceLanguage: 'hi' }, { python: {} })).toThrow(expect.objectContaining({ code: 'PIPELINE_INVALID', message: expect.stringContaining('whisper.cpp') }));
  });
});

describe('pythonStageNeeds', () => {
  const needs = (config: JobConfigInput) => pythonStageNeeds(JobConfigSchema.parse(config));

  it('lists nothing for the default whisper.cpp job', () => {
    expect(needs({ sourceLanguage: 'hi', targetLanguages: ['en'] })).toEqual([]);
  });

  it('names each family with the hub models it loads, asr.model mapped to the backend’s model', () => {
    expect(
      needs({ sourceLanguage: 'hi', asr: { backend: 'faster-whisper', model: 'large-v3', align: true }, diarization: { enabled: true }, translation: { backend: 'nllb' } }),
    ).toEqual([
      { family: 'asr-faster-whisper', models: ['faster-whisper-large-v3'] },
      { family: 'align-whisperx', models: ['whisperx-align-hi'] },
      { family: 'diarize-pyannote', models: ['pyannote-speaker-diarization-3.1', 'pyannote-segmentation-3.0', 'pyannote-wespeaker-voxceleb-resnet34-lm'] },
      { family: 'translate-nllb', models: ['nllb-200-distilled-600m'] },
    ]);
    expect(needs({ sourceLanguage: 'hi', asr: { backend: 'mlx', model: 'small' } })).toEqual([{ family: 'asr-mlx', models: ['mlx-whisper-small'] }]);
    // A full hub name is kept; a folder is used as it is.
    expect(needs({ sourceLanguage: 'hi', asr: { backend: 'whisperx', model: 'faster-whisper-small' } })).toEqual([{ family: 'asr-whisperx', models: ['faster-whisper-small'] }]);
    expect(needs({ sourceLanguage: 'hi', asr: { backend: 'whisperx', model: './ct2-model' } })).toEqual([{ family: 'asr-whisperx', models: [], modelFolder: './ct2-model' }]);
  });

  it('aligns with the language’s registered model, and refuses a language that has none', () => {
    const align = (sourceLanguage: string) => needs({ sourceLanguage, workflow: 'transcribe', asr: { backend: 'faster-whisper', align: true } } as JobConfigInput);
    expect(align('en')).toContainEqual({ family: 'align-whisperx', models: ['whisperx-align-en'] });
    expect(() => align('sw')).toThrow(expect.objectContaining({ code: 'ALIGN_LANGUAGE_UNSUPPORTED', message: expect.stringContaining('"sw"') }));
  });

  it('picks the IndicTrans2 model by direction, and refuses one it has no model for', () => {
    const translator = (sourceLanguage: string, targetLanguages: string[], model?: string) =>
      needs({ sourceLanguage, targetLanguages, translation: { backend: 'indictrans2', ...(model ? { model } : {}) } } as JobConfigInput);
    expect(translator('hi', ['en'])).toEqual([{ family: 'translate-indictrans2', models: ['indictrans2-indic-en-1b'] }]);
    expect(translator('en', ['hi', 'ta'])).toEqual([{ family: 'translate-indictrans2', models: ['indictrans2-en-indic-1b'] }]);
    expect(translator('hi', ['en'], 'indictrans2-indic-en-dist-200m')).toEqual([{ family: 'translate-indictrans2', models: ['indictrans2-indic-en-dist-200m'] }]);
    expect(() => translator('hi', ['ta'])).toThrow(expect.objectContaining({ code: 'TRANSLATE_LANGUAGE_UNSUPPORTED', hint: expect.stringContaining('nllb') }));
  });
});

describe('the stage-script contract on stderr', () => {
  it('reads progress lines, whatever the JSON spacing, and nothing else', () => {
    expect(parseScriptProgress('{"event": "progress", "fraction": 0.42, "message": "transcribed 4.2 of 10.0 s"}')).toEqual({
      fraction: 0.42,
      message: 'transcribed 4.2 of 10.0 s',
    });
    expect(parseScriptProgress('{"event":"log","message":"loading"}')).toBeUndefined();
    expect(parseScriptProgress('progress 50%')).toBeUndefined();
    expect(parseScriptProgress('{"event": "progress"')).toBeUndefined();
  });

  it('takes a DEVICE_ERROR line, or the library’s CUDA text, as a device error', () => {
    const failure = (output: string) => ({ device: 'cuda' as const, message: 'asr_faster_whisper.py exited with 4', output });
    expect(isScriptDeviceError(failure('{"event": "error", "code": "DEVICE_ERROR", "message": "GPU gone"}'))).toBe(true);
    expect(isScriptDeviceError(failure('RuntimeError: CUDA error: out of memory'))).toBe(true);
    expect(isScriptDeviceError(failure('{"event": "error", "code": "MODEL_MISSING", "message": "not cached"}'))).toBe(false);
  });
});
