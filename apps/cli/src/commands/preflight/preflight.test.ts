import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import type { PreflightReport } from '@bollyx/preflight';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../../../../../tools/test-media';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let env: NodeJS.ProcessEnv;
let film: string;

/** A workspace of its own with this config file. */
async function workspaceWith(name: string, config: string): Promise<string> {
  const workspace = path.join(root, name);
  await mkdir(workspace, { recursive: true });
  await writeFile(path.join(workspace, 'bollyx.config.yaml'), config);
  return workspace;
}

const bollyx = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  execa(process.execPath, [cli, ...args], { env: { ...env, ...extraEnv }, extendEnv: false, reject: false, cwd: root });
const report = (stdout: string) => JSON.parse(stdout) as PreflightReport & { error?: { code: string } };
const check = (parsed: PreflightReport, id: string) => parsed.checks.find((candidate) => candidate.id === id);

beforeAll(async () => {
  await ensureWhisperEngine();
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-preflight-'));
  const { BOLLYX_HF_TOKEN: _bollyxToken, HF_TOKEN: _hfToken, ...inherited } = process.env;
  env = { ...inherited, BOLLYX_CACHE_DIR: path.join(root, 'cache'), BOLLYX_CONFIG_DIR: path.join(root, 'config'), BOLLYX_ENGINES_DIR: enginesDir() };
  film = await makeMedia(path.join(root, 'film.mp4'), { duration: 2, audioLanguage: 'hin' });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('bollyx preflight', () => {
  it('on a job whose Python backend has no environment, names `bollyx env create` and exits with PREFLIGHT_FAILED', async () => {
    const workspace = await workspaceWith('python', 'asr:\n  backend: faster-whisper\n');
    const prepared = await bollyx(['prepare', film, '-s', 'hi', '--json', '--workspace', workspace]);
    expect(prepared.exitCode).toBe(0);
    const { id } = JSON.parse(prepared.stdout) as { id: string };

    const result = await bollyx(['preflight', id, '--workspace', workspace]);
    expect(result.exitCode).toBe(70);
    expect(result.stdout).toMatch(/✗ environment:whisperx +environment whisperx is missing: .*\n {4}why: .*\n {4}fix: bollyx env create whisperx\n/);
    expect(result.stdout).toContain('fix: bollyx models pull faster-whisper-base');
    expect(result.stderr).toContain('bollyx: preflight found');
    expect(result.stderr).toMatch(/ {2}fix: .*bollyx env create whisperx/);
  });

  it('answers from the cache the second time, re-checks with --refresh, and checks the media given', async () => {
    const workspace = await workspaceWith('cached', 'vad:\n  enabled: false\nasr:\n  model: tiny\n');
    const first = report((await bollyx(['preflight', film, '--json', '--workspace', workspace])).stdout);
    expect(check(first, 'media')).toMatchObject({ ok: true, cached: false });
    expect(check(first, 'model:tiny')).toMatchObject({ ok: false, fix: 'bollyx models pull tiny' });

    const second = await bollyx(['preflight', film, '--json', '--workspace', workspace]);
    // The one failure is a model not in the cache: preflight fails with that failure's own code.
    expect(second.exitCode).toBe(36);
    const cached = report(second.stdout);
    expect(cached.error?.code).toBe('MODEL_NOT_PRESENT');
    expect(['tool:ffmpeg', 'tool:ffprobe', 'engine', 'media'].map((id) => check(cached, id)?.cached)).toEqual([true, true, true, true]);
    expect(check(cached, 'model:tiny')?.cached).toBe(false);

    const refreshed = report((await bollyx(['preflight', film, '--json', '--refresh', '--workspace', workspace])).stdout);
    expect(refreshed.checks.filter((candidate) => candidate.cached)).toEqual([]);
  });

  it('says the Hugging Face token is present without ever printing or caching it', async () => {
    const workspace = await workspaceWith('secret', 'diarization:\n  enabled: true\n');
    const token = 'hf_cliPreflightTokenNeverShown';
    const result = await bollyx(['preflight', '--json', '--workspace', workspace], { BOLLYX_HF_TOKEN: token });
    expect(check(report(result.stdout), 'secret:hf-token')).toMatchObject({ ok: true, what: 'Hugging Face token: present' });
    const human = await bollyx(['preflight', '--workspace', workspace], { BOLLYX_HF_TOKEN: token });
    expect(human.stdout).toContain('secret:hf-token');
    for (const output of [result.stdout, result.stderr, human.stdout, human.stderr]) expect(output).not.toContain(token);
    const cacheDir = path.join(root, 'cache', 'preflight');
    for (const file of await readdir(cacheDir)) expect(await readFile(path.join(cacheDir, file), 'utf8')).not.toContain(token);
  });
});
