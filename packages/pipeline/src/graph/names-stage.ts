import path from 'node:path';
import { buildGlossary, filmFromFileName, glossaryEdits, GlossaryStateSchema, readJobGlossaryFile } from '@bollyx/names';
import { inProcess } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { readJson, writeJson } from './json-file';
import { LAYOUT } from './pipeline-layout';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** How many billed cast members (and their characters) TMDB gives the glossary. */
const TMDB_CAST_LIMIT = 30;

/**
 * names: the job's glossary (`names/glossary.json`) from the user's glossary files, the workspace
 * glossary and TMDB (@bollyx/names' `buildGlossary`), before ASR. Its key covers the glossary files'
 * content, the TMDB id or the title and year, whether a token is there (never the token), the TMDB URL
 * and offline. A user may edit the glossary: the edited file no longer matches this stage's manifest, so
 * the stage runs again, finds the edit against `names/glossary.state.json` (what it wrote last) and keeps
 * it over every source; what reads the glossary runs again, demux and vad do not.
 */
export function namesStage(options: ResolvedSubtitlePipelineOptions): StageDefinition {
  const { config, names } = options;
  const glossaryFiles = config.names.glossary.map((file) => path.resolve(file));
  const film = config.names.tmdbId === undefined ? filmFromFileName(names?.sourceName ?? options.mediaPath) : undefined;
  const workspaceGlossary = names?.workspaceGlossary;
  return {
    id: 'names',
    version: '1',
    inputs: [...glossaryFiles, ...(workspaceGlossary === undefined ? [] : [workspaceGlossary])],
    params: {
      tmdb:
        names === undefined
          ? null
          : {
              id: config.names.tmdbId ?? null,
              title: film?.title ?? null,
              year: film?.year ?? null,
              token: names.tmdbToken !== undefined,
              url: names.tmdbUrl ?? null,
              offline: names.offline,
              castLimit: TMDB_CAST_LIMIT,
            },
      workspaceGlossary: workspaceGlossary !== undefined,
    },
    outputs: [LAYOUT.glossary, LAYOUT.glossaryState],
    run: inProcess(async (ctx) => {
      const current = await readJobGlossaryFile(path.join(ctx.jobDir, LAYOUT.glossary));
      const state = await readJson(path.join(ctx.jobDir, LAYOUT.glossaryState), GlossaryStateSchema).catch(() => undefined);
      const { edits, removed } = glossaryEdits(current, state);
      const glossary = await buildGlossary({
        files: glossaryFiles,
        ...(workspaceGlossary === undefined ? {} : { workspaceFile: workspaceGlossary }),
        ...(names === undefined
          ? {}
          : {
              tmdb: {
                ...(config.names.tmdbId === undefined ? {} : { tmdbId: config.names.tmdbId }),
                ...(film === undefined ? {} : { title: film.title, ...(film.year === undefined ? {} : { year: film.year }) }),
                ...(names.tmdbToken === undefined ? {} : { token: names.tmdbToken }),
                ...(names.tmdbUrl === undefined ? {} : { baseUrl: names.tmdbUrl }),
                cacheDir: names.tmdbCacheDir,
                offline: names.offline,
                castLimit: TMDB_CAST_LIMIT,
                signal: ctx.signal,
              },
            }),
        edits,
        removed,
      });
      ctx.log(`${glossary.entries.length} names (${edits.length} edited by hand, ${removed.length} deleted by hand)`);
      for (const note of glossary.notes) ctx.log(note);
      await writeJson(ctx.output(LAYOUT.glossary), glossary);
      await writeJson(ctx.output(LAYOUT.glossaryState), { written: glossary, removed });
    }),
  };
}
