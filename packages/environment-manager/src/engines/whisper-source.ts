import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EngineSourceMissingError } from './engine-errors';

export interface WhisperSource {
  /** The whisper.cpp source tree (its top-level CMakeLists.txt is here). */
  dir: string;
  /** whisper.cpp's own version, from `project(... VERSION x.y.z)`. */
  version: string;
  /** Where it came from: `nodejs-whisper@<version>` or the folder that was given. */
  origin: string;
}

const PINNED_PACKAGE = 'nodejs-whisper';

/** nodejs-whisper's `cpp/whisper.cpp`, found through module resolution so it works wherever npm put it. */
async function pinnedSource(): Promise<{ dir: string; origin: string }> {
  let manifestPath: string;
  try {
    manifestPath = createRequire(import.meta.url).resolve(`${PINNED_PACKAGE}/package.json`);
  } catch (error) {
    throw new EngineSourceMissingError(`${PINNED_PACKAGE}/cpp/whisper.cpp`, error);
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version?: unknown };
  return {
    dir: path.join(path.dirname(manifestPath), 'cpp', 'whisper.cpp'),
    origin: `${PINNED_PACKAGE}@${String(manifest.version)}`,
  };
}

/**
 * The whisper.cpp source to build: the tree nodejs-whisper ships (pinned by its exact version in
 * package.json), or `sourceDir`. It is only read: builds go to the engines folder.
 */
export async function whisperSource(sourceDir?: string): Promise<WhisperSource> {
  const { dir, origin } =
    sourceDir === undefined ? await pinnedSource() : { dir: path.resolve(sourceDir), origin: path.resolve(sourceDir) };
  let cmakeLists: string;
  try {
    cmakeLists = await readFile(path.join(dir, 'CMakeLists.txt'), 'utf8');
  } catch (error) {
    throw new EngineSourceMissingError(dir, error);
  }
  const version = /project\s*\(\s*"?whisper\.cpp"?\s+VERSION\s+([0-9][0-9.]*)/i.exec(cmakeLists)?.[1];
  if (version === undefined) throw new EngineSourceMissingError(dir);
  return { dir, version, origin };
}
