import { readFileSync } from 'node:fs';
import { GlossarySchema, type Glossary } from '@bollyx/names';
import type { JobConfig } from '@bollyx/job-config';
import type { StageContext } from '@bollyx/stage-runner';
import { readJson } from './json-file';
import { LAYOUT } from './pipeline-layout';

/** The `names` stage, as a need of the stages that use the glossary (when names are on): its content is then part of their keys. */
export const glossaryNeeds = (config: JobConfig): string[] => (config.names.enabled ? ['names'] : []);

/** The glossary file among the `names` stage's outputs, or undefined when the stage does not run. */
function glossaryFile(ctx: StageContext): string | undefined {
  return ctx.needs.names?.find((file) => file.endsWith(LAYOUT.glossary));
}

/** The job's glossary, read in a stage that needs `names`; undefined when names are off. */
export async function readGlossaryNeed(ctx: StageContext): Promise<Glossary | undefined> {
  const file = glossaryFile(ctx);
  return file === undefined ? undefined : readJson(file, GlossarySchema);
}

/** The same, synchronously, for a binary stage's argument list (which is built synchronously). */
export function readGlossaryNeedSync(ctx: StageContext): Glossary | undefined {
  const file = glossaryFile(ctx);
  return file === undefined ? undefined : GlossarySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
