import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EnvironmentSpecInvalidError, EnvironmentUnknownError } from './environment-errors';
import type { EnvironmentOptions } from './environment-options';
import { EnvironmentSpecSchema } from './environment-spec';
import type { EnvironmentSpec } from './environment-spec';

const SPEC_EXTENSION = '.yaml';
const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The folder of spec files: `specsDir`, else `BOLLYX_ENV_SPECS_DIR`, else the `environments/` folder this
 * package ships (found through its own package.json, so it works from the sources and from dist).
 */
export function environmentSpecsDir(options: EnvironmentOptions = {}): string {
  const chosen = options.specsDir || (options.env ?? process.env).BOLLYX_ENV_SPECS_DIR;
  if (chosen) return path.resolve(chosen);
  const packageJson = createRequire(import.meta.url).resolve('@bollyx/environment-manager/package.json');
  return path.join(path.dirname(packageJson), 'environments');
}

function parseSpec(file: string, text: string): EnvironmentSpec {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new EnvironmentSpecInvalidError(file, `not valid YAML: ${(error as Error).message.split('\n')[0]}`, error);
  }
  const parsed = EnvironmentSpecSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvironmentSpecInvalidError(file, `${issue.path.join('.') || 'the document'}: ${issue.message}`, parsed.error);
  }
  const expected = path.basename(file, SPEC_EXTENSION);
  if (parsed.data.name !== expected) throw new EnvironmentSpecInvalidError(file, `name is "${parsed.data.name}" but the file is named for "${expected}"`);
  return parsed.data;
}

async function specFileNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((file) => file.endsWith(SPEC_EXTENSION)).sort();
  } catch (error) {
    throw new EnvironmentSpecInvalidError(dir, 'the specs folder cannot be read', error);
  }
}

/** Every spec in the specs folder, validated, sorted by name. */
export async function loadEnvironmentSpecs(options: EnvironmentOptions = {}): Promise<EnvironmentSpec[]> {
  const dir = environmentSpecsDir(options);
  const files = await specFileNames(dir);
  return Promise.all(files.map(async (file) => parseSpec(path.join(dir, file), await readFile(path.join(dir, file), 'utf8'))));
}

/** The spec named `name`, read alone (a check reads one file, not the folder). */
export async function loadEnvironmentSpec(name: string, options: EnvironmentOptions = {}): Promise<EnvironmentSpec> {
  const dir = environmentSpecsDir(options);
  const file = path.join(dir, `${name}${SPEC_EXTENSION}`);
  const text = NAME.test(name)
    ? await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw new EnvironmentSpecInvalidError(file, 'the file cannot be read', error);
      })
    : null;
  if (text === null) {
    const known = (await specFileNames(dir)).map((spec) => path.basename(spec, SPEC_EXTENSION));
    throw new EnvironmentUnknownError(name, known);
  }
  return parseSpec(file, text);
}
