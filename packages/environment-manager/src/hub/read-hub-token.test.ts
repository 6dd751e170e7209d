import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hubSecretsFile, readHubToken, readSecret } from './read-hub-token';

let configDir: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  configDir = await mkdtemp(path.join(tmpdir(), 'bollyx-secrets-'));
  env = { BOLLYX_CONFIG_DIR: configDir };
});
afterEach(async () => {
  await rm(configDir, { recursive: true, force: true });
});

async function writeSecrets(text: string, mode: number): Promise<string> {
  const file = hubSecretsFile(env);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  await chmod(file, mode);
  return file;
}

it('reads BOLLYX_HF_TOKEN, then HF_TOKEN, then the secrets file, and has none when none is set', async () => {
  await expect(readHubToken({ env })).resolves.toBeUndefined();
  await writeSecrets(JSON.stringify({ hfToken: 'hf_from_file' }), 0o600);
  expect(hubSecretsFile(env)).toBe(path.join(configDir, 'secrets.json'));
  await expect(readHubToken({ env })).resolves.toBe('hf_from_file');
  await expect(readHubToken({ env: { ...env, HF_TOKEN: 'hf_from_hf' } })).resolves.toBe('hf_from_hf');
  await expect(readHubToken({ env: { ...env, HF_TOKEN: 'hf_from_hf', BOLLYX_HF_TOKEN: ' hf_from_bollyx\n' } })).resolves.toBe('hf_from_bollyx');
});

it.skipIf(process.platform === 'win32')('refuses a secrets file other users may read, naming the chmod that fixes it', async () => {
  const file = await writeSecrets(JSON.stringify({ hfToken: 'hf_secret_value' }), 0o644);
  const read = readHubToken({ env });
  await expect(read).rejects.toMatchObject({ code: 'HUB_SECRETS_INSECURE', hint: `chmod 600 ${file}`, details: { mode: '644' } });
  await expect(read).rejects.not.toThrow('hf_secret_value');
  await chmod(file, 0o600);
  await expect(readHubToken({ env })).resolves.toBe('hf_secret_value');
});

it('rejects a secrets file that is not a JSON object with a string hfToken, never quoting it', async () => {
  await writeSecrets('hfToken: hf_secret_value', 0o600);
  const invalid = await readHubToken({ env }).catch((error: unknown) => error);
  expect(invalid).toMatchObject({ code: 'HUB_SECRETS_INVALID', message: expect.stringContaining('not valid JSON') });
  expect(JSON.stringify(invalid)).not.toContain('hf_secret_value');
  expect((invalid as Error).cause).toBeUndefined();

  await writeSecrets(JSON.stringify({ hfToken: 42 }), 0o600);
  await expect(readHubToken({ env })).rejects.toMatchObject({ code: 'HUB_SECRETS_INVALID', message: expect.stringContaining('"hfToken" must be a string') });
});

it('reads another secret (the TMDB token) from its variable, else from the same secrets file', async () => {
  await writeSecrets(JSON.stringify({ hfToken: 'hf_from_file', tmdbToken: 'tmdb_from_file' }), 0o600);
  await expect(readSecret('tmdbToken', ['BOLLYX_TMDB_TOKEN'], { env })).resolves.toBe('tmdb_from_file');
  await expect(readSecret('tmdbToken', ['BOLLYX_TMDB_TOKEN'], { env: { ...env, BOLLYX_TMDB_TOKEN: 'tmdb_from_env' } })).resolves.toBe('tmdb_from_env');
  await writeSecrets(JSON.stringify({ tmdbToken: 42 }), 0o600);
  await expect(readSecret('tmdbToken', ['BOLLYX_TMDB_TOKEN'], { env })).rejects.toMatchObject({ code: 'HUB_SECRETS_INVALID', message: expect.stringContaining('"tmdbToken" must be a string') });
});
