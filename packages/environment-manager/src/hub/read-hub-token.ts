import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';
import { z } from 'zod';
import { HubSecretsInsecureError, HubSecretsInvalidError } from './hub-errors';

export interface HubTokenOptions {
  /** Where BOLLYX_HF_TOKEN, HF_TOKEN and BOLLYX_CONFIG_DIR are read from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The secrets the secrets file may hold, by key; unknown keys are kept, not refused. */
const SecretsFileSchema = z.looseObject({ hfToken: z.string().optional(), tmdbToken: z.string().optional(), llmKey: z.string().optional() });
export type SecretName = 'hfToken' | 'tmdbToken' | 'llmKey';

/**
 * The secrets file: `secrets.json` in `BOLLYX_CONFIG_DIR`, else in the user config folder
 * (~/.config/bollyx, ~/Library/Preferences/bollyx, %APPDATA%\bollyx\Config).
 */
export function hubSecretsFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.BOLLYX_CONFIG_DIR || envPaths('bollyx', { suffix: '' }).config, 'secrets.json');
}

/**
 * The Hugging Face token for gated models: `BOLLYX_HF_TOKEN`, else `HF_TOKEN`, else `hfToken` in the
 * secrets file, else undefined. On POSIX a secrets file that group or others may read or write is refused
 * (HubSecretsInsecureError). The token is never logged nor put in an error.
 */
export async function readHubToken(options: HubTokenOptions = {}): Promise<string | undefined> {
  return readSecret('hfToken', ['BOLLYX_HF_TOKEN', 'HF_TOKEN'], options);
}

/**
 * A secret: the first of `envVars` that is set, else `name` in the secrets file, else undefined, with
 * readHubToken's rules (a secrets file others may read is refused; the value is never logged nor quoted).
 */
export async function readSecret(name: SecretName, envVars: readonly string[], options: HubTokenOptions = {}): Promise<string | undefined> {
  const env = options.env ?? process.env;
  const fromEnv = envVars.map((variable) => env[variable]?.trim()).find(Boolean);
  if (fromEnv) return fromEnv;
  const file = hubSecretsFile(env);
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Windows has no POSIX modes to speak of; its ACLs keep a profile folder private by default.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) throw new HubSecretsInsecureError(file, mode);

  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // JSON.parse quotes the text it failed on, which may be the token: its message is not passed on.
    throw new HubSecretsInvalidError(file, 'it is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new HubSecretsInvalidError(file, 'it is not a JSON object');
  const parsed = SecretsFileSchema.safeParse(json);
  if (!parsed.success) throw new HubSecretsInvalidError(file, `"${parsed.error.issues[0]?.path.join('.') ?? name}" must be a string`);
  return parsed.data[name]?.trim() || undefined;
}
