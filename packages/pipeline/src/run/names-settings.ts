import { stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheRoot, readSecret } from '@bollyx/environment-manager';
import type { NamesStageOptions } from '../graph/names-stage-options';

/** The workspace-wide glossary's possible names, the first found wins. */
const WORKSPACE_GLOSSARIES = ['glossary.yaml', 'glossary.yml', 'glossary.csv'];

// BOLLYX_OFFLINE as the model pulls read it.
const isOn = (value: string | undefined) => /^(1|true|yes|on)$/i.test(value?.trim() ?? '');

/**
 * What the names stage needs from outside the job: the film's file name, the workspace glossary, TMDB's
 * token (BOLLYX_TMDB_TOKEN, else `tmdbToken` in the secrets file; never logged), BOLLYX_TMDB_URL, the
 * cache folder for TMDB's answers, and offline (the option, else BOLLYX_OFFLINE).
 */
export async function namesSettings(options: { sourcePath: string; workspace: string; env: NodeJS.ProcessEnv; offline: boolean | undefined }): Promise<NamesStageOptions> {
  const { env } = options;
  let workspaceGlossary: string | undefined;
  for (const name of WORKSPACE_GLOSSARIES) {
    const file = path.join(options.workspace, name);
    if ((await stat(file).catch(() => undefined))?.isFile()) {
      workspaceGlossary = file;
      break;
    }
  }
  const tmdbToken = await readSecret('tmdbToken', ['BOLLYX_TMDB_TOKEN'], { env });
  const tmdbUrl = env.BOLLYX_TMDB_URL?.trim() || undefined;
  return {
    sourceName: path.basename(options.sourcePath),
    ...(workspaceGlossary === undefined ? {} : { workspaceGlossary }),
    ...(tmdbToken === undefined ? {} : { tmdbToken }),
    ...(tmdbUrl === undefined ? {} : { tmdbUrl }),
    tmdbCacheDir: path.join(cacheRoot(env), 'tmdb'),
    offline: options.offline ?? isOn(env.BOLLYX_OFFLINE),
  };
}
