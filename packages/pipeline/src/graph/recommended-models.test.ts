import { tmpdir } from 'node:os';
import { findHubModel, resolveModel } from '@bollyx/environment-manager';
import { RecommendationSchema } from '@bollyx/hardware-detection';
import { JobConfigSchema, type AsrBackend } from '@bollyx/job-config';
import { describe, expect, it } from 'vitest';
// The tables `recommend` picks from, from source: the package exports only the recommendation made of them.
import { APPLE_TIERS, CPU_TIERS, NVIDIA_TIERS } from '../../../hardware-detection/src/recommendation-tables';
import { PYTHON_ASR_BACKENDS, pythonStageNeeds, type PythonAsrBackend } from './python-backends';

// Every Whisper size a recommendation can name (its schema's enum) and every size a table row picks.
const recommendable = [
  ...new Set([...RecommendationSchema.shape.whisperModel.shape.value.options, ...[...NVIDIA_TIERS, ...APPLE_TIERS, ...CPU_TIERS].map((row) => row.model)]),
];
const pythonBackends = Object.keys(PYTHON_ASR_BACKENDS) as PythonAsrBackend[];

const configFor = (backend: AsrBackend, model: string) => JobConfigSchema.parse({ sourceLanguage: 'hi', targetLanguages: ['en'], asr: { backend, model } });

describe.each(recommendable)('the recommended Whisper size %s', (size) => {
  it('is a whisper.cpp model of the ggml registry', async () => {
    // What `bollyx run` resolves asr.model to for whisper.cpp; nothing is fetched.
    await expect(resolveModel(size, { dir: tmpdir() })).resolves.toMatchObject({ name: size, path: expect.stringMatching(new RegExp(`ggml-${size}\\.bin$`)) });
  });

  it.each(pythonBackends)('resolves to a hub registry entry its family loads, for --asr %s', (backend) => {
    const [need] = pythonStageNeeds(configFor(backend, size));
    expect(need?.family).toBe(PYTHON_ASR_BACKENDS[backend].family);
    const entry = findHubModel(need!.models[0]!);
    expect(entry, `${need!.models[0]} for --asr ${backend}`).toBeDefined();
    expect(entry!.families).toContain(need!.family);
  });
});
