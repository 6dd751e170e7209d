import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { BollyxError, didYouMean } from '@bollyx/errors';
import { STAGE_IDS, textTranslationStageId } from '../graph/pipeline-layout';

/** `from`, `only` or `outputDir` cannot be honoured; found before any job folder is made. */
export class RunOptionsInvalidError extends BollyxError {
  constructor(message: string, hint: string, details: Record<string, unknown>) {
    super('RUN_OPTIONS_INVALID', message, { hint, details });
  }
}

const TEXT_TRANSLATION_STAGE = new RegExp(`^${textTranslationStageId('[a-z]{2,3}')}$`);

function checkStage(option: 'from' | 'only', stage: string): void {
  if ((STAGE_IDS as readonly string[]).includes(stage) || TEXT_TRANSLATION_STAGE.test(stage)) return;
  const nearest = didYouMean(stage, STAGE_IDS);
  throw new RunOptionsInvalidError(
    `No stage ${stage} (--${option}): the stages are ${STAGE_IDS.join(', ')}, and translate-<language> for NLLB and IndicTrans2`,
    `${nearest === undefined ? '' : `Did you mean ${nearest}? `}Pass a stage id as ${option} (--${option} in the CLI)`,
    { option, stage },
  );
}

/** The output folder exists as a folder or can be made, and this user can write there. */
async function checkOutputDir(outputDir: string): Promise<void> {
  const dir = path.resolve(outputDir);
  let existing = dir;
  for (;;) {
    const found = await stat(existing).catch(() => undefined);
    if (found?.isDirectory()) break;
    if (found !== undefined) {
      throw new RunOptionsInvalidError(
        existing === dir ? `The output folder ${dir} is a file` : `Cannot make the output folder ${dir}: ${existing} is a file`,
        'Pass a folder (new or existing) as outputDir (--output-dir in the CLI)',
        { outputDir: dir, blockedBy: existing },
      );
    }
    existing = path.dirname(existing);
  }
  await access(existing, constants.W_OK).catch(() => {
    throw new RunOptionsInvalidError(`Cannot write the output folder ${dir}: ${existing} is not writable`, 'Pass a folder you can write to as outputDir (--output-dir in the CLI)', {
      outputDir: dir,
      notWritable: existing,
    });
  });
}

/** Checks a run's `from`, `only`, `segment` and `outputDir`, so a typo fails at once instead of after a job is made or the stages ran. */
export async function checkRunOptions(options: {
  from?: string | undefined;
  only?: string | undefined;
  segment?: readonly string[] | undefined;
  outputDir?: string | undefined;
}): Promise<void> {
  const { from, only, segment, outputDir } = options;
  if (from !== undefined && only !== undefined) {
    throw new RunOptionsInvalidError(`Both from (${from}) and only (${only}) were given`, 'Pass one of them: from re-runs a stage and all after it, only re-runs one stage', { from, only });
  }
  if (segment !== undefined && (from !== undefined || only !== undefined)) {
    throw new RunOptionsInvalidError('A segment was given with from or only', 'Pass segment alone: it runs just its stages, trusting the ones before', { segment, from, only });
  }
  if (from !== undefined) checkStage('from', from);
  if (only !== undefined) checkStage('only', only);
  if (outputDir !== undefined) await checkOutputDir(outputDir);
}
