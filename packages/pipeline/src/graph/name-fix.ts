import { correctNames, scriptOfLanguage } from '@bollyx/names';
import type { JobConfig } from '@bollyx/job-config';
import type { StageContext } from '@bollyx/stage-runner';
import type { TranscriptSegment } from '../stages/asr/transcript';
import { correctSegments } from '../stages/names/correct-segments';
import { readGlossaryNeed } from './glossary-need';
import { writeJson } from './json-file';
import { LAYOUT } from './pipeline-layout';

/** Whether the transcript and translations get their names corrected: names on and `names.fix` (`--no-name-fix` turns it off). */
export const fixesNames = (config: JobConfig): boolean => config.names.enabled && config.names.fix;

/** The needs and outputs a stage that writes these languages' transcripts adds for name correction. */
export function nameFixShape(config: JobConfig, labels: readonly string[]): { needs: string[]; outputs: string[] } {
  return fixesNames(config) ? { needs: ['names'], outputs: labels.map(LAYOUT.nameCorrections) } : { needs: [], outputs: [] };
}

/**
 * One language's segments with the glossary's names corrected (`correctNames`, in the script the language
 * is written in: the Latin forms for English), and `names/corrections.<label>.json` written with every
 * change, its time and rule. The segments as they were when name correction is off.
 */
export async function fixNames(
  ctx: StageContext,
  config: JobConfig,
  segments: TranscriptSegment[],
  where: { language: string; label: string },
): Promise<TranscriptSegment[]> {
  if (!fixesNames(config)) return segments;
  const glossary = await readGlossaryNeed(ctx);
  const script = scriptOfLanguage(where.language);
  const fixed = glossary === undefined ? { segments, changes: [] } : correctSegments(segments, (text) => correctNames(text, glossary, { script }));
  ctx.log(`${where.label}: ${fixed.changes.length} names corrected`);
  await writeJson(ctx.output(LAYOUT.nameCorrections(where.label)), { language: where.language, changes: fixed.changes });
  return fixed.segments;
}
