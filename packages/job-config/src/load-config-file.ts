import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { ConfigFileInvalidError, ConfigFileNotFoundError } from './errors';
import type { ConfigFileLayer } from './resolve-config';
import { yamlErrorReason } from './yaml-error-reason';

/** The config file `prepareJob` reads from the workspace when no other file is named. */
const CONFIG_FILE_NAME = 'bollyx.config.yaml';

const describeKind = (value: unknown) => (Array.isArray(value) ? 'a list' : `a ${typeof value}`);

async function readConfigText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new ConfigFileInvalidError(file, 'it is a directory', error);
    throw new ConfigFileInvalidError(file, `it cannot be read (${code ?? String(error)})`, error);
  }
}

function parseConfigText(file: string, text: string): ConfigFileLayer {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) throw new ConfigFileInvalidError(file, yamlErrorReason(error), error);
    throw error;
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ConfigFileInvalidError(file, `its top level is ${describeKind(data)}, not a mapping of fields`);
  }
  // An empty file parses to null: no settings.
  return { path: file, data: data ?? {} };
}

/** Reads and parses a YAML config file for `resolveConfig`; the fields are validated there. */
export async function loadConfigFile(file: string): Promise<ConfigFileLayer> {
  const absolute = path.resolve(file);
  const text = await readConfigText(absolute);
  if (text === undefined) throw new ConfigFileNotFoundError(absolute);
  return parseConfigText(absolute, text);
}

/** The workspace's `bollyx.config.yaml`, parsed; undefined when the workspace has none. */
export async function findConfigFile(workspace: string): Promise<ConfigFileLayer | undefined> {
  const file = path.resolve(workspace, CONFIG_FILE_NAME);
  const text = await readConfigText(file);
  return text === undefined ? undefined : parseConfigText(file, text);
}

/** The config file a job uses: the one given (`--config`), else the workspace's `bollyx.config.yaml` if it has one. */
export async function jobConfigFile(workspace: string, configFile: string | ConfigFileLayer | undefined): Promise<ConfigFileLayer | undefined> {
  if (configFile === undefined) return findConfigFile(workspace);
  return typeof configFile === 'string' ? loadConfigFile(configFile) : configFile;
}
