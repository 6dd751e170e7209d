import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JobConfigSchema } from '@bollyx/job-config';
import { describe, expect, it } from 'vitest';
import { inProcess, runPipeline, type StageDefinition } from '@bollyx/stage-runner';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import { modelIdentity } from './model-identity';
import { LAYOUT } from './pipeline-layout';
import type { SubtitlePipelineOptions } from './subtitle-pipeline-options';
import { useTempDirs } from '../../../../tools/test-temp-dir';

const tempDir = useTempDirs();
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

/** The pipeline as one machine builds it, with its engine, models and caches under `root`. */
function pipelineOn(root: string, extra: Partial<SubtitlePipelineOptions> = {}): StageDefinition[] {
  return buildSubtitlePipeline({
    // No glossary: the asr stage then needs the speech audio alone.
    config: JobConfigSchema.parse({ sourceLanguage: 'hi', workflow: 'transcribe', names: { enabled: false } }),
    mediaPath: join(root, 'film.mkv'),
    whisperCli: { binary: join(root, 'engines/linux-x64-cpu-1a2b/bin/whisper-cli'), version: '1.7.6', backend: 'cpu' },
    asrModelPath: join(root, 'models/ggml-base.bin'),
    vadModelPath: join(root, 'models/silero-vad.onnx'),
    threads: 4,
    ...extra,
  });
}

/**
 * The asr stage as `root`'s machine builds it, after a stand-in for the speech audio it needs: the key is
 * what is tested, so whisper-cli's run is replaced by one that writes its JSON.
 */
function asrSegment(root: string): StageDefinition[] {
  const asr = pipelineOn(root).find((stage) => stage.id === 'asr')!;
  return [
    { id: 'speech-audio', version: '1', outputs: [LAYOUT.condensedSpeech], run: inProcess((ctx) => writeFile(ctx.output(LAYOUT.condensedSpeech), 'speech')) },
    { ...asr, run: inProcess((ctx) => writeFile(ctx.outputs[0]!, '{"transcription":[]}')) },
  ];
}

describe('stage keys across machines', () => {
  it('agree for whisper-cli whatever the paths of the engine and the model, and follow the model by content', async () => {
    const dir = await tempDir();
    const [first, second] = [join(dir, 'host-a'), join(dir, 'host-b')];
    await mkdir(join(first, 'models'), { recursive: true });
    await mkdir(join(second, 'models'), { recursive: true });
    await writeFile(join(first, 'models/ggml-base.bin'), 'ggml weights');
    await copyFile(join(first, 'models/ggml-base.bin'), join(second, 'models/ggml-base.bin'));
    const jobDir = join(dir, 'job');
    const asrStatus = async (root: string) =>
      (await runPipeline(asrSegment(root), { jobDir })).stages.find((stage) => stage.id === 'asr')!.status;

    expect(await asrStatus(first)).toBe('ran');
    expect(await asrStatus(second)).toBe('cached');
    await writeFile(join(second, 'models/ggml-base.bin'), 'other weights');
    expect(await asrStatus(second)).toBe('ran');
  });

  it('name a Python stage’s hub model by repository and commit, not by the hub cache’s folder', () => {
    const runtimeOn = (root: string) => ({
      environment: { name: 'whisperx', fingerprint: 'whisperx-fp' },
      env: {},
      model: join(root, `cache/huggingface/hub/models--Systran--faster-whisper-large-v3/snapshots/${COMMIT}`),
    });
    const asrOn = (root: string) =>
      pipelineOn(root, { config: JobConfigSchema.parse({ sourceLanguage: 'hi', workflow: 'transcribe', asr: { backend: 'faster-whisper' } }), python: { 'asr-faster-whisper': runtimeOn(root) } }).find((stage) => stage.id === 'asr')!;
    expect(asrOn('/home/a').params).toEqual(asrOn('/srv/b').params);
    expect(asrOn('/home/a').params).toMatchObject({ model: `Systran/faster-whisper-large-v3@${COMMIT}` });
    expect(modelIdentity('Systran/faster-whisper-large-v3')).toBe('Systran/faster-whisper-large-v3');
    expect(modelIdentity('/data/my-finetune')).toBe('/data/my-finetune');
  });
});
