import { resolveConfig } from '@bollyx/job-config';
import { describe, expect, it } from 'vitest';
import { buildSubtitlePipeline } from '../graph/build-subtitle-pipeline';
import { subtitlePreset } from '../stages/subtitles/subtitle-preset';
import { configLayer } from './config-layer';
import { presetOverrides } from './preset-overrides';

const resolved = (config: Record<string, unknown>) => {
  const file = configLayer(config);
  if (file === undefined || typeof file === 'string') throw new Error('a config object is a file layer');
  return resolveConfig({ file, flags: { sourceLanguage: 'hi', targetLanguages: 'en' } });
};

describe('the subtitle limits of a job config', () => {
  it('reach the subtitles stage from a config object, replacing every language preset\'s', () => {
    const job = resolved({ subtitles: { maxCharsPerLine: 20 } });
    expect(presetOverrides(job)).toEqual({ maxCharsPerLine: 20 });
    const stages = buildSubtitlePipeline({
      config: job.config,
      mediaPath: '/films/film.mp4',
      whisperCli: { binary: '/engines/whisper-cli', version: '1.9.1', backend: 'cpu' },
      asrModelPath: '/models/ggml-base.bin',
      vadModelPath: '/models/silero-vad-v5.onnx',
      threads: 2,
      presetOverrides: presetOverrides(job),
    });
    expect(stages.find((stage) => stage.id === 'subtitles')?.params).toMatchObject({ overrides: { maxCharsPerLine: 20 } });
    for (const language of ['hi', 'en']) expect(subtitlePreset('auto', language, presetOverrides(job)).maxCharsPerLine).toBe(20);
  });

  it('leave the presets alone when the config sets none (defaults are not overrides)', () => {
    expect(presetOverrides(resolved({}))).toEqual({});
  });
});
