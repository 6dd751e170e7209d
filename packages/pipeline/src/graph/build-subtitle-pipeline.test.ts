import { JobConfigSchema } from '@bollyx/job-config';
import type { JobConfigInput } from '@bollyx/job-config';
import { describe, expect, it } from 'vitest';
import { planPipeline } from '@bollyx/stage-runner';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import { subtitlePipelineOutputs } from './pipeline-layout';

const build = (config: JobConfigInput) =>
  buildSubtitlePipeline({
    config: JobConfigSchema.parse(config),
    mediaPath: '/jobs/1/media/film.mkv',
    whisperCli: { binary: '/engines/whisper-cli', version: '1.9.1', backend: 'cpu' },
    asrModelPath: '/models/ggml-base.bin',
    vadModelPath: '/models/silero-vad-v5.onnx',
    threads: 4,
  });
const ids = (config: JobConfigInput) => build(config).map((stage) => stage.id);

describe('buildSubtitlePipeline', () => {
  it('builds every stage for the subtitle workflow, as a valid pipeline', () => {
    const stages = build({ sourceLanguage: 'hi', targetLanguages: ['en'] });
    expect(stages.map((stage) => stage.id)).toEqual(['names', 'demux', 'vad', 'speech-audio', 'asr', 'transcript', 'translate', 'translation', 'romanize', 'subtitles', 'mux']);
    expect(() => planPipeline(stages, {})).not.toThrow();
    expect(stages.find((stage) => stage.id === 'subtitles')!.outputs).toEqual([
      'subtitles/hi.srt', 'subtitles/hi.vtt', 'subtitles/en.srt', 'subtitles/en.vtt', 'subtitles/hi-Latn.srt', 'subtitles/hi-Latn.vtt',
    ]);
    expect(stages.find((stage) => stage.id === 'mux')!.outputs).toEqual(['output/film.mp4', 'output/film.mkv']);
  });

  it('leaves out what the workflow and outputs do not need', () => {
    expect(ids({ workflow: 'transcribe', sourceLanguage: 'hi', output: { mux: { enabled: false } } })).toEqual(['names', 'demux', 'vad', 'speech-audio', 'asr', 'transcript', 'romanize', 'subtitles']);
    expect(ids({ workflow: 'translate', sourceLanguage: 'hi' })).toEqual(['names', 'demux', 'vad', 'speech-audio', 'translate', 'translation', 'subtitles', 'mux']);
    // English into English is a transcription.
    expect(ids({ workflow: 'translate', sourceLanguage: 'en' })).toEqual(['names', 'demux', 'vad', 'speech-audio', 'asr', 'transcript', 'subtitles', 'mux']);
  });

  it('decodes greedily in one pass for beam size 1, and never feeds text across gaps', () => {
    const asr = build({ sourceLanguage: 'hi', asr: { beamSize: 1 } }).find((stage) => stage.id === 'asr')!;
    expect(asr.params).toEqual({ engine: 'whisper.cpp@1.9.1', language: 'hi', translate: false, beamSize: 1, bestOf: 1, noFallback: true, maxContext: 0 });
    expect(asr.inputs).toEqual(['/models/ggml-base.bin']);
  });
});

describe('subtitlePipelineOutputs', () => {
  it('lists the requested formats per language and the videos per container', () => {
    const config = JobConfigSchema.parse({ sourceLanguage: 'auto', output: { formats: ['vtt'], mux: { containers: ['mkv'] } } });
    expect(subtitlePipelineOutputs(config, '/jobs/1/media/film.mp4')).toEqual({
      subtitles: { source: { vtt: 'subtitles/source.vtt' }, en: { vtt: 'subtitles/en.vtt' } },
      video: { mkv: 'output/film.mkv' },
    });
  });
});
