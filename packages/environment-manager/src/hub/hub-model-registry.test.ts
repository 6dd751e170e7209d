import { describe, expect, it } from 'vitest';
import { modelRegistry } from '../models/model-registry';
import { matchesFilePattern } from './file-patterns';
import { HubModelRegistrySchema } from './hub-model-registry-schema';
import { hubModelRegistry } from './hub-model-registry';
import { hubModelState } from './hub-model-state';

describe('hubModelRegistry', () => {
  it('passes its own schema (checked here, not on every import)', () => {
    expect(HubModelRegistrySchema.parse(hubModelRegistry)).toEqual(hubModelRegistry);
  });

  it('shares no name with the whisper.cpp registry, so `bollyx models pull NAME` is never ambiguous', () => {
    const ggml = new Set(modelRegistry.map((entry) => entry.name));
    expect(hubModelRegistry.filter((entry) => ggml.has(entry.name))).toEqual([]);
  });

  it('has the models the Python backends load', () => {
    expect(hubModelRegistry.map((entry) => `${entry.name} ${entry.repo}`)).toEqual(
      expect.arrayContaining([
        'faster-whisper-large-v3-turbo mobiuslabsgmbh/faster-whisper-large-v3-turbo',
        'whisperx-align-hi theainerd/Wav2Vec2-large-xlsr-hindi',
        'whisperx-align-en jonatasgrosman/wav2vec2-large-xlsr-53-english',
        'indictrans2-indic-en-1b ai4bharat/indictrans2-indic-en-1B',
        'indictrans2-en-indic-dist-200m ai4bharat/indictrans2-en-indic-dist-200M',
        'nllb-200-distilled-600m facebook/nllb-200-distilled-600M',
        'pyannote-speaker-diarization-3.1 pyannote/speaker-diarization-3.1',
        'mlx-whisper-large-v3 mlx-community/whisper-large-v3-mlx',
        'mlx-whisper-large-v3-turbo mlx-community/whisper-turbo',
      ]),
    );
  });

  it('refuses entries that could leave the cache, name unknown stage families, or repeat a name', () => {
    const entry = hubModelRegistry[0]!;
    const problems = (registry: unknown) => HubModelRegistrySchema.safeParse(registry).error?.issues.map((issue) => issue.path.join('.'));
    expect(problems([{ ...entry, files: ['../secrets.json'] }])).toEqual(['0.files.0']);
    expect(problems([{ ...entry, families: ['asr-kaldi'] }])).toEqual(['0.families.0']);
    expect(problems([{ ...entry, revision: 'main/../../x' }])).toEqual(['0.revision']);
    expect(problems([entry, entry])).toEqual(['1.name']);
  });

  it('names the known models for an unknown one', async () => {
    await expect(hubModelState('faster-whisper-huge', { env: {} })).rejects.toMatchObject({
      code: 'MODEL_UNKNOWN',
      message: expect.stringContaining('known models: faster-whisper-tiny, faster-whisper-base'),
    });
  });
});

describe('matchesFilePattern', () => {
  it("matches as fnmatch does for huggingface_hub's allow_patterns", () => {
    expect(matchesFilePattern('vocabulary.txt', 'vocabulary.*')).toBe(true);
    expect(matchesFilePattern('vocabulary.json', 'vocabulary.*')).toBe(true);
    expect(matchesFilePattern('vocabularyXjson', 'vocabulary.*')).toBe(false);
    expect(matchesFilePattern('onnx/model.onnx', '*.onnx')).toBe(true);
    expect(matchesFilePattern('config.json', 'config.jso?')).toBe(true);
    expect(matchesFilePattern('config.json', 'model.bin')).toBe(false);
  });
});
