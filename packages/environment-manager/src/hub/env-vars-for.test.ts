import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envVarsFor } from './env-vars-for';
import { hubCacheDir } from './hub-cache-layout';
import { listHubModels } from './list-hub-models';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

let cacheDir: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'bollyx-envvars-'));
  env = { BOLLYX_CACHE_DIR: cacheDir, BOLLYX_CONFIG_DIR: path.join(cacheDir, 'config') };
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** A snapshot as huggingface_hub leaves it: refs/main, blobs, and symlinks from snapshots/<commit>. */
async function cacheLikePython(repo: string, files: string[]): Promise<void> {
  const repoDir = path.join(hubCacheDir(env), `models--${repo.replace('/', '--')}`);
  await mkdir(path.join(repoDir, 'refs'), { recursive: true });
  await writeFile(path.join(repoDir, 'refs', 'main'), COMMIT);
  await mkdir(path.join(repoDir, 'blobs'), { recursive: true });
  await mkdir(path.join(repoDir, 'snapshots', COMMIT), { recursive: true });
  for (const [index, file] of files.entries()) {
    const etag = index.toString(16).padStart(40, 'b');
    await writeFile(path.join(repoDir, 'blobs', etag), `bytes of ${file}`);
    await symlink(`../../blobs/${etag}`, path.join(repoDir, 'snapshots', COMMIT, file));
  }
}

const FASTER_WHISPER_BASE = ['config.json', 'model.bin', 'tokenizer.json', 'vocabulary.txt'];

describe('envVarsFor', () => {
  it('puts every cache under the bollyx cache folder and turns the hub offline only once every model is present', async () => {
    const stage = { family: 'asr-faster-whisper' as const, models: ['faster-whisper-base'] };
    const missing = await envVarsFor(stage, { env });
    expect(missing).toEqual({
      HF_HOME: path.join(cacheDir, 'huggingface'),
      HF_HUB_CACHE: path.join(cacheDir, 'huggingface', 'hub'),
      PYANNOTE_CACHE: path.join(cacheDir, 'huggingface', 'hub'),
      TORCH_HOME: path.join(cacheDir, 'torch'),
      MLX_CACHE_DIR: path.join(cacheDir, 'mlx'),
      HF_HUB_DISABLE_TELEMETRY: '1',
    });

    await cacheLikePython('Systran/faster-whisper-base', FASTER_WHISPER_BASE.slice(0, 3));
    await expect(envVarsFor(stage, { env })).resolves.not.toHaveProperty('HF_HUB_OFFLINE');

    await rm(path.join(cacheDir, 'huggingface'), { recursive: true });
    await cacheLikePython('Systran/faster-whisper-base', FASTER_WHISPER_BASE);
    await expect(envVarsFor(stage, { env })).resolves.toMatchObject({ HF_HUB_OFFLINE: '1', TRANSFORMERS_OFFLINE: '1' });
    await expect(envVarsFor({ family: 'asr-faster-whisper', models: ['faster-whisper-base', 'faster-whisper-small'] }, { env })).resolves.not.toHaveProperty(
      'HF_HUB_OFFLINE',
    );
  });

  it('adds HF_TOKEN only for a stage that loads a gated model and only when a token is set', async () => {
    const withToken = { ...env, BOLLYX_HF_TOKEN: 'hf_stage_token' };
    await expect(envVarsFor({ family: 'diarize-pyannote', models: ['pyannote-segmentation-3.0'] }, { env: withToken })).resolves.toMatchObject({
      HF_TOKEN: 'hf_stage_token',
    });
    await expect(envVarsFor({ family: 'diarize-pyannote', models: ['pyannote-segmentation-3.0'] }, { env })).resolves.not.toHaveProperty('HF_TOKEN');
    await expect(envVarsFor({ family: 'asr-faster-whisper', models: ['faster-whisper-base'] }, { env: withToken })).resolves.not.toHaveProperty('HF_TOKEN');
  });

  it('refuses a model its stage family does not load, and an unknown name', async () => {
    await expect(envVarsFor({ family: 'translate-nllb', models: ['faster-whisper-base'] }, { env })).rejects.toMatchObject({
      code: 'MODEL_CONFIG_INVALID',
      hint: 'use one of: nllb-200-distilled-600m',
    });
    await expect(envVarsFor({ family: 'translate-nllb', models: ['nllb'] }, { env })).rejects.toMatchObject({ code: 'MODEL_UNKNOWN' });
  });

  it.skipIf(process.platform === 'win32')('reports a secrets file others may read rather than running a gated stage without its token', async () => {
    await mkdir(path.join(cacheDir, 'config'));
    const secrets = path.join(cacheDir, 'config', 'secrets.json');
    await writeFile(secrets, '{"hfToken": "hf_x"}');
    await chmod(secrets, 0o644);
    const gated = envVarsFor({ family: 'diarize-pyannote', models: ['pyannote-speaker-diarization-3.1'] }, { env });
    await expect(gated).rejects.toMatchObject({ code: 'HUB_SECRETS_INSECURE' });
  });
});

describe('listHubModels', () => {
  it('lists every Hugging Face model with its state, without hashing or fetching', async () => {
    await cacheLikePython('Systran/faster-whisper-base', FASTER_WHISPER_BASE);
    await cacheLikePython('Systran/faster-whisper-tiny', ['config.json']);
    // Every file of the revision is wanted, and only bollyx's pull record knows them all: partial.
    await cacheLikePython('facebook/nllb-200-distilled-600M', ['config.json']);

    const listed = await listHubModels({ env });
    const byName = Object.fromEntries(listed.map((model) => [model.name, model]));
    expect(byName['faster-whisper-base']).toMatchObject({ kind: 'hf-repo', state: 'present', present: true, commit: COMMIT, gated: false });
    expect(byName['faster-whisper-base']?.snapshotDir).toBe(path.join(hubCacheDir(env), 'models--Systran--faster-whisper-base', 'snapshots', COMMIT));
    expect(byName['faster-whisper-tiny']).toMatchObject({ state: 'partial', present: false });
    expect(byName['nllb-200-distilled-600m']).toMatchObject({ state: 'partial' });
    expect(byName['pyannote-segmentation-3.0']).toMatchObject({ state: 'missing', gated: true, families: ['diarize-pyannote'] });
  });
});
