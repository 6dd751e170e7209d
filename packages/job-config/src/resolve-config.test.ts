import type { Recommendation } from '@bollyx/hardware-detection';
import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS } from './config-fields';
import { ConfigInvalidError } from './errors';
import { resolveConfig, type ConfigSources } from './resolve-config';

const recommendation: Recommendation = {
  whisperModel: { value: 'large-v3', reason: 'test GPU' },
  computeType: { value: 'float16', reason: 'test GPU' },
  threads: { value: 6, reason: 'test CPU' },
  batchSize: { value: 8, reason: 'test GPU' },
  stages: {
    asr: { device: 'cuda', fallback: ['cpu'], reason: 'test' },
    vad: { device: 'cpu', fallback: [], reason: 'test' },
    translation: { device: 'cuda', fallback: ['cpu'], reason: 'test' },
    diarization: { device: 'cuda', fallback: ['cpu'], reason: 'test' },
  },
};

function issuesOf(sources: ConfigSources) {
  try {
    resolveConfig(sources);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigInvalidError);
    return (error as ConfigInvalidError).issues;
  }
  throw new Error('expected the config to be rejected');
}

describe('resolveConfig', () => {
  it('fills every field from the defaults and says so', () => {
    const { config, provenance } = resolveConfig();
    expect(config).toMatchObject({
      workflow: 'subtitle',
      sourceLanguage: 'auto',
      targetLanguages: ['en'],
      asr: { backend: 'whisper.cpp', model: 'base', device: 'cpu', align: false },
      vad: { enabled: true, threshold: 0.5, minSpeechMs: 250, minSilenceMs: 100, speechPadMs: 30 },
      diarization: { enabled: false },
      translation: { backend: 'whisper', computeType: 'float16' },
      subtitles: { maxCharsPerLine: 42, maxLines: 2, maxCharsPerSecond: 20, minDurationSeconds: 0.833, maxDurationSeconds: 7, minGapFrames: 2, speakerStyle: 'label' },
      output: { formats: ['srt', 'vtt'], mux: { enabled: true, containers: ['mp4', 'mkv'] } },
    });
    expect(config.clip).toBeUndefined();
    expect(new Set(Object.values(provenance))).toEqual(new Set(['default']));
    expect(provenance['asr.threads']).toBeUndefined();
    expect(provenance['translation.threads']).toBeUndefined();
    expect(provenance['diarization.threads']).toBeUndefined();
  });

  it('layers recommendation < file < flags < env and records each source', () => {
    const { config, provenance } = resolveConfig({
      recommendation,
      file: { path: '/w/bollyx.config.yaml', data: { asr: { model: 'medium', threads: 2 }, sourceLanguage: 'ta', vad: { threshold: 0.6 } } },
      flags: { 'asr.model': 'small', sourceLanguage: 'hi' },
      env: { BOLLYX_ASR_MODEL: 'tiny', UNRELATED: 'x' },
    });
    expect(config.asr).toMatchObject({ model: 'tiny', threads: 2, computeType: 'float16', device: 'cuda', batchSize: 8 });
    // Translation and diarization keep their own precision and threads when the ASR ones are set.
    expect(config.translation).toMatchObject({ computeType: 'float16', threads: 6, device: 'cuda' });
    expect(config.diarization).toMatchObject({ threads: 6, device: 'cuda' });
    expect(config.sourceLanguage).toBe('hi');
    expect(config.vad.threshold).toBe(0.6);
    expect(provenance).toMatchObject({
      'asr.model': 'env:BOLLYX_ASR_MODEL',
      sourceLanguage: 'flag',
      'asr.threads': 'file:/w/bollyx.config.yaml',
      'vad.threshold': 'file:/w/bollyx.config.yaml',
      'asr.computeType': 'recommendation',
      'diarization.device': 'recommendation',
      'translation.computeType': 'recommendation',
      'translation.threads': 'recommendation',
      'diarization.threads': 'recommendation',
      workflow: 'default',
    });
  });

  it('sets the precision and threads of translation and diarization apart from the ASR ones', () => {
    const { config, provenance } = resolveConfig({
      recommendation,
      file: { path: '/w/bollyx.config.yaml', data: { asr: { computeType: 'int8', threads: 2 }, translation: { computeType: 'float32', threads: 3 } } },
      env: { BOLLYX_DIARIZATION_THREADS: '5' },
    });
    expect(config.asr).toMatchObject({ computeType: 'int8', threads: 2 });
    expect(config.translation).toMatchObject({ computeType: 'float32', threads: 3 });
    expect(config.diarization.threads).toBe(5);
    expect(provenance).toMatchObject({
      'translation.computeType': 'file:/w/bollyx.config.yaml',
      'translation.threads': 'file:/w/bollyx.config.yaml',
      'diarization.threads': 'env:BOLLYX_DIARIZATION_THREADS',
    });
  });

  it('reads text from flags and env as the field kind: numbers, booleans, lists, timecodes', () => {
    const { config } = resolveConfig({
      flags: { 'clip.start': '1:02:03.250', 'clip.end': '4000', targetLanguages: 'en, hi', 'translation.backend': 'nllb' },
      env: { BOLLYX_VAD_ENABLED: 'no', BOLLYX_VAD_MIN_SPEECH_MS: '300', BOLLYX_OUTPUT_MUX_CONTAINERS: 'mkv', BOLLYX_DIARIZATION_ENABLED: 'true' },
    });
    expect(config.clip).toEqual({ start: 3723.25, end: 4000 });
    expect(config.targetLanguages).toEqual(['en', 'hi']);
    expect(config.vad).toMatchObject({ enabled: false, minSpeechMs: 300 });
    expect(config.diarization.enabled).toBe(true);
    expect(config.output.mux.containers).toEqual(['mkv']);
  });

  it('names the field, the bad value, what is allowed and where it came from', () => {
    const issues = issuesOf({
      file: { path: '/w/bollyx.config.yaml', data: { asr: { backend: 'whisper', modle: 'x' }, subtitles: 'big' } },
      flags: { workflow: 'dub', 'clip.start': '1:75' },
      env: { BOLLYX_VAD_THRESHOLD: 'high', BOLLYX_TARGET_LANGUAGES: 'en,xx' },
    });
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue]));
    expect(byPath['asr.backend']).toEqual({
      path: 'asr.backend',
      value: 'whisper',
      allowed: 'whisper.cpp | faster-whisper | whisperx | mlx',
      source: 'file:/w/bollyx.config.yaml',
    });
    expect(byPath['asr.modle']?.allowed).toMatch(/^no such field; the fields under asr are backend, model,/);
    expect(byPath.subtitles?.allowed).toMatch(/^a mapping of subtitles\.preset, subtitles\.maxCharsPerLine/);
    expect(byPath.workflow).toMatchObject({ value: 'dub', allowed: 'transcribe | translate | subtitle', source: 'flag' });
    expect(byPath['clip.start']).toMatchObject({ value: '1:75', allowed: expect.stringContaining('HH:MM:SS'), source: 'flag' });
    expect(byPath['vad.threshold']).toMatchObject({ value: 'high', allowed: 'a number', source: 'env:BOLLYX_VAD_THRESHOLD' });
    expect(byPath['targetLanguages[1]']).toMatchObject({ value: 'xx', source: 'env:BOLLYX_TARGET_LANGUAGES' });
  });

  it('puts every issue in the message and the fix in the hint', () => {
    expect(() => resolveConfig({ env: { BOLLYX_VAD_THRESHOLD: '2' } })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('vad.threshold: got 2 (from env:BOLLYX_VAD_THRESHOLD); allowed: a number <= 1'),
        hint: 'Fix or unset the environment variable BOLLYX_VAD_THRESHOLD',
      }),
    );
  });

  it('checks fields against each other', () => {
    expect(issuesOf({ flags: { 'clip.start': '20', 'clip.end': '10' } })).toEqual([
      { path: 'clip.end', value: '10', allowed: 'a time after clip.start (20 s)', source: 'flag' },
    ]);
    expect(issuesOf({ flags: { targetLanguages: 'en,hi' } })[0]).toMatchObject({
      path: 'targetLanguages',
      allowed: expect.stringContaining('only en with translation.backend whisper'),
    });
    expect(issuesOf({ flags: { 'subtitles.maxDurationSeconds': 0.5 } })[0]?.path).toBe('subtitles.maxDurationSeconds');
    // Whisper cannot translate into Hindi, but a transcription has nothing to translate.
    expect(resolveConfig({ flags: { workflow: 'transcribe', targetLanguages: 'hi' } }).config.targetLanguages).toEqual(['hi']);
    expect(issuesOf({ flags: { 'diarization.minSpeakers': '3', 'diarization.maxSpeakers': '2' } })).toEqual([
      { path: 'diarization.maxSpeakers', value: 2, allowed: 'a number of at least diarization.minSpeakers (3)', source: 'flag' },
    ]);
    // An alignment model is per language: align needs to know which.
    expect(issuesOf({ flags: { 'asr.align': 'yes' } })[0]).toMatchObject({ path: 'asr.align', allowed: expect.stringContaining('set sourceLanguage') });
    expect(resolveConfig({ flags: { 'asr.align': 'yes', sourceLanguage: 'hi' } }).config.asr.align).toBe(true);
  });

  it('reads an empty value in the config file as not set', () => {
    const { config, provenance } = resolveConfig({ file: { path: '/w/c.yaml', data: { clip: null, asr: { model: null } } } });
    expect(config.clip).toBeUndefined();
    expect(config.asr.model).toBe('base');
    expect(provenance['asr.model']).toBe('default');
  });

  it('rejects a config file that is not a mapping', () => {
    expect(issuesOf({ file: { path: '/w/c.yaml', data: ['asr'] } })).toEqual([
      { path: '(the whole file)', value: ['asr'], allowed: 'a mapping of config fields', source: 'file:/w/c.yaml' },
    ]);
  });
});

describe('CONFIG_FIELDS', () => {
  it('names an environment variable for every field, derived from its path', () => {
    const env = Object.fromEntries(CONFIG_FIELDS.map((field) => [field.path, field.env]));
    expect(env).toMatchObject({
      sourceLanguage: 'BOLLYX_SOURCE_LANGUAGE',
      workflow: 'BOLLYX_WORKFLOW',
      'asr.model': 'BOLLYX_ASR_MODEL',
      'asr.computeType': 'BOLLYX_ASR_COMPUTE_TYPE',
      'translation.computeType': 'BOLLYX_TRANSLATION_COMPUTE_TYPE',
      'diarization.threads': 'BOLLYX_DIARIZATION_THREADS',
      'subtitles.maxCharsPerLine': 'BOLLYX_SUBTITLES_MAX_CHARS_PER_LINE',
      'output.mux.enabled': 'BOLLYX_OUTPUT_MUX_ENABLED',
    });
    expect(new Set(CONFIG_FIELDS.map((field) => field.env)).size).toBe(CONFIG_FIELDS.length);
  });
});
