import { describe, expect, it } from 'vitest';
import { modelRegistry } from './model-registry';
import { ModelEntrySchema, ModelRegistrySchema } from './model-registry-schema';

describe('modelRegistry', () => {
  it('passes its own schema (checked here, not on every import)', () => {
    expect(ModelRegistrySchema.parse(modelRegistry)).toEqual(modelRegistry);
  });

  it('has the whisper.cpp ggml models named in the issue and the Silero VAD', () => {
    expect(modelRegistry.map((entry) => entry.name).sort()).toEqual(
      ['tiny', 'tiny.en', 'base', 'base.en', 'small', 'small.en', 'medium', 'medium.en', 'large-v3', 'large-v3-turbo', 'silero-vad'].sort(),
    );
  });

  it('fetches every whisper model from its ggml file on Hugging Face', () => {
    for (const entry of modelRegistry.filter((candidate) => candidate.kind === 'whisper-ggml')) {
      expect(entry.origin).toEqual({ type: 'url', url: `https://huggingface.co/ggerganov/whisper.cpp/resolve/main/${entry.file}` });
      expect(entry.file).toBe(`ggml-${entry.name}.bin`);
    }
  });
});

describe('ModelEntrySchema', () => {
  const valid = {
    name: 'x',
    kind: 'whisper-ggml',
    file: 'ggml-x.bin',
    size: 1,
    sha256: 'a'.repeat(64),
    checksumSource: 'test',
    license: 'MIT',
    origin: { type: 'url', url: 'https://example.org/ggml-x.bin' },
  };

  it('wants exactly one of sha256 and sha1', () => {
    expect(ModelEntrySchema.safeParse(valid).success).toBe(true);
    expect(ModelEntrySchema.safeParse({ ...valid, sha256: undefined, sha1: 'b'.repeat(40) }).success).toBe(true);
    expect(ModelEntrySchema.safeParse({ ...valid, sha1: 'b'.repeat(40) }).success).toBe(false);
    expect(ModelEntrySchema.safeParse({ ...valid, sha256: undefined }).success).toBe(false);
  });

  it('refuses file names that would leave the cache folder', () => {
    expect(ModelEntrySchema.safeParse({ ...valid, file: '../x.bin' }).success).toBe(false);
    expect(ModelEntrySchema.safeParse({ ...valid, file: 'sub/x.bin' }).success).toBe(false);
  });

  it('refuses duplicate names in a registry', () => {
    expect(ModelRegistrySchema.safeParse([valid, { ...valid, file: 'other.bin' }]).success).toBe(false);
  });
});
