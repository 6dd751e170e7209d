import { randomBytes } from 'node:crypto';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitBlobSha1, sha256Hex, startLoopbackHub, type HubRepoFixture, type LoopbackHub } from '../../../../tools/test-http/loopback-hub';
import type { ModelProgress } from '../models/model-progress';
import { hubCacheDir } from './hub-cache-layout';
import { envVarsFor } from './env-vars-for';
import { hubModelState } from './hub-model-state';
import { pullHubModel } from './pull-hub-model';
import { verifyHubModel } from './verify-hub-model';

const COMMIT = 'a'.repeat(8) + randomBytes(16).toString('hex');
// Several HTTP chunks' worth, so a cut or an abort lands mid-body.
const MODEL_BIN = randomBytes(3 * 1024 * 1024 + 5);
const CONFIG = Buffer.from('{"alignment_heads": [[1, 0]], "lang_ids": [50259]}\n');

function fasterWhisperBase(overrides: Partial<HubRepoFixture> = {}): HubRepoFixture {
  return {
    repo: 'Systran/faster-whisper-base',
    commit: COMMIT,
    files: {
      '.gitattributes': Buffer.from('*.bin filter=lfs diff=lfs merge=lfs -text\n'),
      'README.md': Buffer.from('# faster-whisper base\n'),
      'config.json': CONFIG,
      'model.bin': MODEL_BIN,
      'tokenizer.json': Buffer.from('{"model": {"type": "BPE"}}\n'),
      'vocabulary.txt': Buffer.from('!\n"\n#\n'),
    },
    lfs: ['model.bin'],
    ...overrides,
  };
}

let cacheDir: string;
let hub: LoopbackHub | undefined;

async function serve(...repos: HubRepoFixture[]): Promise<LoopbackHub> {
  hub = await startLoopbackHub(repos);
  return hub;
}

function envFor(loopback: LoopbackHub, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { BOLLYX_CACHE_DIR: cacheDir, BOLLYX_CONFIG_DIR: path.join(cacheDir, 'config'), HF_ENDPOINT: loopback.endpoint, ...extra };
}

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'bollyx-hub-'));
});
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  await rm(cacheDir, { recursive: true, force: true });
});

const repoDir = () => path.join(hubCacheDir({ BOLLYX_CACHE_DIR: cacheDir }), 'models--Systran--faster-whisper-base');

describe('pullHubModel', () => {
  it("writes huggingface_hub's layout: blobs by etag, refs/main with the commit, relative snapshot symlinks", async () => {
    const loopback = await serve(fasterWhisperBase());
    const progress: ModelProgress[] = [];
    const pulled = await pullHubModel('faster-whisper-base', { env: envFor(loopback), onProgress: (event) => progress.push(event) });

    const dir = repoDir();
    expect(pulled).toMatchObject({ name: 'faster-whisper-base', repo: 'Systran/faster-whisper-base', commit: COMMIT, status: 'downloaded' });
    expect(pulled.snapshotDir).toBe(path.join(dir, 'snapshots', COMMIT));
    expect(await readFile(path.join(dir, 'refs', 'main'), 'utf8')).toBe(COMMIT);

    const files = fasterWhisperBase().files;
    const wanted = ['config.json', 'model.bin', 'tokenizer.json', 'vocabulary.txt'];
    const etags = Object.fromEntries(wanted.map((file) => [file, file === 'model.bin' ? sha256Hex(MODEL_BIN) : gitBlobSha1(files[file]!)]));
    expect((await readdir(path.join(dir, 'blobs'))).sort()).toEqual(Object.values(etags).sort());
    // README.md and .gitattributes are not among faster-whisper's files.
    expect((await readdir(pulled.snapshotDir)).sort()).toEqual(wanted);
    for (const file of wanted) {
      const pointer = path.join(pulled.snapshotDir, file);
      expect((await lstat(pointer)).isSymbolicLink()).toBe(true);
      expect(await readlink(pointer)).toBe(`../../blobs/${etags[file]}`);
      expect(sha256Hex(await readFile(pointer))).toBe(sha256Hex(files[file]!));
    }

    // The hub's etag of a small file is git's own blob id: git agrees.
    const git = await execa('git', ['hash-object', path.join(pulled.snapshotDir, 'config.json')]);
    expect(git.stdout.trim()).toBe(etags['config.json']);

    expect(progress.at(-1)).toMatchObject({ phase: 'download', bytesTotal: pulled.bytesDownloaded });
    expect(progress.at(-1)?.bytesDone).toBe(progress.at(-1)?.bytesTotal);
    await expect(hubModelState('faster-whisper-base', { env: envFor(loopback) })).resolves.toBe('present');

    // The LFS file came from the CDN; metadata from HEADs on the hub's resolve URLs of the commit.
    expect(loopback.cdn.requests.map((request) => request.path)).toEqual([`/cdn/${sha256Hex(MODEL_BIN)}`]);
    expect(loopback.hub.requests.filter((request) => request.method === 'HEAD').map((request) => request.path)).toEqual(
      wanted.map((file) => `/Systran/faster-whisper-base/resolve/${COMMIT}/${file}`),
    );
  });

  it('leaves a present model alone, and replaces a cached file whose bytes no longer match', async () => {
    const loopback = await serve(fasterWhisperBase());
    const env = envFor(loopback);
    await pullHubModel('faster-whisper-base', { env });
    await expect(pullHubModel('faster-whisper-base', { env })).resolves.toMatchObject({ status: 'present', bytesDownloaded: 0 });
    expect(loopback.cdn.requests).toHaveLength(1);

    const blob = path.join(repoDir(), 'blobs', sha256Hex(MODEL_BIN));
    const damaged = Buffer.from(MODEL_BIN);
    damaged[7] = (damaged[7] ?? 0) ^ 0xff;
    await writeFile(blob, damaged);
    const verification = await verifyHubModel('faster-whisper-base', { env });
    expect(verification.ok).toBe(false);
    expect(verification.files.find((file) => !file.ok)).toMatchObject({ path: 'model.bin', etag: sha256Hex(MODEL_BIN), actual: sha256Hex(damaged) });

    const progress: ModelProgress[] = [];
    const repaired = await pullHubModel('faster-whisper-base', { env, onProgress: (event) => progress.push(event) });
    expect(repaired).toMatchObject({ status: 'downloaded', bytesDownloaded: MODEL_BIN.length });
    expect(progress.some((event) => event.phase === 'verify' && event.file === 'model.bin')).toBe(true);
    expect(sha256Hex(await readFile(path.join(repaired.snapshotDir, 'model.bin')))).toBe(sha256Hex(MODEL_BIN));
    await expect(verifyHubModel('faster-whisper-base', { env })).resolves.toMatchObject({ ok: true });
  });

  it('resumes an LFS download with a Range request after the connection is cut', async () => {
    const cutAt = 1024 * 1024;
    const loopback = await serve(fasterWhisperBase({ cutFirstResponseAfter: { 'model.bin': cutAt } }));
    const pulled = await pullHubModel('faster-whisper-base', { env: envFor(loopback) });

    expect(sha256Hex(await readFile(path.join(pulled.snapshotDir, 'model.bin')))).toBe(sha256Hex(MODEL_BIN));
    expect(loopback.cdn.requests).toHaveLength(2);
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(loopback.cdn.requests[1]?.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(cutAt);
  });

  it('keeps the .incomplete blob of a cancelled pull (state partial) and resumes it next time', async () => {
    const loopback = await serve(fasterWhisperBase());
    const env = envFor(loopback);
    const controller = new AbortController();
    let modelBinStart: number | undefined;
    const cancelled = pullHubModel('faster-whisper-base', {
      env,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.file !== 'model.bin') return;
        // bytesDone counts the files before model.bin too: abort once model.bin itself has some bytes.
        modelBinStart ??= event.bytesDone;
        if (event.bytesDone > modelBinStart) controller.abort();
      },
    });
    const incomplete = path.join(repoDir(), 'blobs', `${sha256Hex(MODEL_BIN)}.incomplete`);
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED', details: { partialPath: incomplete } });
    await expect(hubModelState('faster-whisper-base', { env })).resolves.toBe('partial');
    const kept = (await readFile(incomplete)).length;

    await pullHubModel('faster-whisper-base', { env });
    expect(loopback.cdn.requests.at(-1)?.range).toBe(`bytes=${kept}-`);
    await expect(hubModelState('faster-whisper-base', { env })).resolves.toBe('present');
  });

  it('fails a file whose bytes do not match its etag, deleting them and adding nothing to snapshots or refs', async () => {
    const impostor = randomBytes(MODEL_BIN.length);
    const loopback = await serve(fasterWhisperBase({ cdnServes: { 'model.bin': impostor } }));
    const pull = pullHubModel('faster-whisper-base', { env: envFor(loopback) });

    await expect(pull).rejects.toMatchObject({
      code: 'MODEL_CHECKSUM_MISMATCH',
      details: { expected: sha256Hex(MODEL_BIN), actual: sha256Hex(impostor), deleted: true },
      hint: expect.stringContaining('HF_ENDPOINT'),
    });
    const dir = repoDir();
    expect(await readdir(dir)).toEqual(['blobs']);
    expect(await readdir(path.join(dir, 'blobs'))).not.toContain(sha256Hex(MODEL_BIN));
    await expect(hubModelState('faster-whisper-base', { env: envFor(loopback) })).resolves.toBe('partial');
  });

  it('offline: a missing model names the pull command without touching the network; a present one is used as it is', async () => {
    const loopback = await serve(fasterWhisperBase());
    const offline = pullHubModel('faster-whisper-base', { env: envFor(loopback, { HF_HUB_OFFLINE: '1' }) });
    await expect(offline).rejects.toMatchObject({ code: 'MODEL_NOT_PRESENT', hint: expect.stringContaining('`bollyx models pull faster-whisper-base`') });
    expect(loopback.hub.requests).toEqual([]);

    const pulled = await pullHubModel('faster-whisper-base', { env: envFor(loopback) });
    const requestsSoFar = loopback.hub.requests.length;
    await expect(pullHubModel('faster-whisper-base', { env: envFor(loopback), offline: true })).resolves.toMatchObject({
      status: 'present',
      commit: COMMIT,
      snapshotDir: pulled.snapshotDir,
    });
    expect(loopback.hub.requests).toHaveLength(requestsSoFar);
  });

  it('gives Python (stdlib only) the files through the symlinks, resolved offline as huggingface_hub does', async () => {
    const loopback = await serve(fasterWhisperBase());
    const env = envFor(loopback);
    await pullHubModel('faster-whisper-base', { env });
    const stageEnv = await envVarsFor({ family: 'asr-faster-whisper', models: ['faster-whisper-base'] }, { env });

    // try_to_load_from_cache: models--{owner}--{name}, refs/<revision> -> commit, snapshots/<commit>/<file>.
    const script = [
      'import hashlib, json, os, sys',
      'assert os.environ["HF_HUB_OFFLINE"] == "1"',
      'root = os.path.join(os.environ["HF_HUB_CACHE"], "models--" + sys.argv[1].replace("/", "--"))',
      'commit = open(os.path.join(root, "refs", "main")).read()',
      'files = {}',
      'for name in sys.argv[2:]:',
      '    pointer = os.path.join(root, "snapshots", commit, *name.split("/"))',
      '    files[name] = [os.path.islink(pointer), hashlib.sha256(open(pointer, "rb").read()).hexdigest()]',
      'print(json.dumps({"commit": commit, "files": files}))',
    ].join('\n');
    const wanted = ['config.json', 'model.bin', 'tokenizer.json', 'vocabulary.txt'];
    const python = await execa('python3', ['-c', script, 'Systran/faster-whisper-base', ...wanted], { env: stageEnv, extendEnv: false });
    const files = fasterWhisperBase().files;
    expect(JSON.parse(python.stdout)).toEqual({
      commit: COMMIT,
      files: Object.fromEntries(wanted.map((name) => [name, [true, sha256Hex(files[name]!)]])),
    });
  });

  it('fetches every file of the revision, nested paths included, when the entry lists none', async () => {
    const weights = randomBytes(200_000);
    const loopback = await serve({
      repo: 'theainerd/Wav2Vec2-large-xlsr-hindi',
      commit: COMMIT,
      files: { 'config.json': CONFIG, 'pytorch_model.bin': weights, 'tokenizer/vocab.json': Buffer.from('{"<pad>": 0}') },
      lfs: ['pytorch_model.bin'],
    });
    const pulled = await pullHubModel('whisperx-align-hi', { env: envFor(loopback) });

    const nested = path.join(pulled.snapshotDir, 'tokenizer', 'vocab.json');
    expect(await readlink(nested)).toBe(`../../../blobs/${gitBlobSha1(Buffer.from('{"<pad>": 0}'))}`);
    expect(sha256Hex(await readFile(path.join(pulled.snapshotDir, 'pytorch_model.bin')))).toBe(sha256Hex(weights));
    await expect(hubModelState('whisperx-align-hi', { env: envFor(loopback) })).resolves.toBe('present');
  });

  it('names the missing repository when the hub has none', async () => {
    const loopback = await serve();
    await expect(pullHubModel('faster-whisper-base', { env: envFor(loopback) })).rejects.toMatchObject({
      code: 'HUB_NOT_FOUND',
      message: expect.stringContaining('Systran/faster-whisper-base at revision main'),
    });
  });

  it('refuses a file list that would write outside the cache', async () => {
    const loopback = await serve({ repo: 'facebook/nllb-200-distilled-600M', commit: COMMIT, files: { '../../escape.json': CONFIG }, lfs: [] });
    await expect(pullHubModel('nllb-200-distilled-600m', { env: envFor(loopback) })).rejects.toMatchObject({
      code: 'HUB_RESPONSE_INVALID',
      message: expect.stringContaining('unsafe file path "../../escape.json"'),
    });
    expect(loopback.hub.requests.map((request) => request.method)).toEqual(['GET']);
  });
});

describe('pullHubModel of a gated model', () => {
  const TOKEN = `hf_${randomBytes(12).toString('hex')}`;
  const gated = (): HubRepoFixture => ({
    repo: 'pyannote/segmentation-3.0',
    commit: COMMIT,
    files: { 'config.yaml': Buffer.from('task: segmentation\n'), 'pytorch_model.bin': randomBytes(100_000) },
    lfs: ['pytorch_model.bin'],
    token: TOKEN,
  });

  it('is refused without a token, naming the terms to accept and BOLLYX_HF_TOKEN', async () => {
    const loopback = await serve(gated());
    const pull = pullHubModel('pyannote-segmentation-3.0', { env: envFor(loopback) });
    await expect(pull).rejects.toMatchObject({
      code: 'HUB_ACCESS_DENIED',
      details: { status: 401, tokenSent: false },
      hint: expect.stringMatching(new RegExp(`${loopback.endpoint}/pyannote/segmentation-3\\.0.*accept the model's terms.*BOLLYX_HF_TOKEN`)),
    });
    await expect(pullHubModel('pyannote-segmentation-3.0', { env: envFor(loopback, { HF_TOKEN: 'hf_wrong' }) })).rejects.toMatchObject({
      code: 'HUB_ACCESS_DENIED',
      details: { status: 403, tokenSent: true },
    });
  });

  it('sends the token to the hub only, and never puts it in progress, results or errors', async () => {
    const loopback = await serve(gated());
    const seen: unknown[] = [];
    const env = envFor(loopback, { BOLLYX_HF_TOKEN: TOKEN });
    const pulled = await pullHubModel('pyannote-segmentation-3.0', { env, onProgress: (event) => seen.push(event) });
    seen.push(pulled);
    // Only the registry entry's files: pyannote.audio 3 loads the weights, and goes on without config.yaml.
    expect(pulled.files.map((file) => file.path)).toEqual(['pytorch_model.bin']);

    const resolves = loopback.hub.requests.filter((request) => request.path.includes('/resolve/'));
    expect(resolves.length).toBeGreaterThan(0);
    expect(resolves.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(loopback.cdn.requests.map((request) => request.authorization)).toEqual([undefined]);

    // A failure after the token was accepted: the CDN serves other bytes.
    await rm(path.join(cacheDir, 'huggingface'), { recursive: true });
    const corrupt = await startLoopbackHub([{ ...gated(), cdnServes: { 'pytorch_model.bin': randomBytes(100_000) } }]);
    try {
      const failure = await pullHubModel('pyannote-segmentation-3.0', { env: envFor(corrupt, { BOLLYX_HF_TOKEN: TOKEN }) }).catch((error: unknown) => error);
      seen.push(failure, (failure as Error).message, (failure as Error).stack, inspect(failure, { depth: 10 }));
      expect(failure).toMatchObject({ code: 'MODEL_CHECKSUM_MISMATCH' });
    } finally {
      await corrupt.close();
    }
    const refused = await pullHubModel('pyannote-segmentation-3.0', { env: envFor(loopback, { HF_TOKEN: `${TOKEN}x` }) }).catch((error: unknown) => error);
    seen.push(refused, inspect(refused, { depth: 10 }));
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
  });
});
