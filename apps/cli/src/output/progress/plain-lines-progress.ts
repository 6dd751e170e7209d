import type { PipelineEvent } from '@bollyx/stage-runner';
import { describeEvent } from './describe-event';
import type { PipelineProgress } from './pipeline-progress';

/** How far apart the progress lines of one stage are, in percent, so a log file gets a handful, not thousands. */
const PROGRESS_STEP_PERCENT = 10;

/** Not a terminal (CI, a log file): one line per event, progress in 10 % steps. */
export function plainLinesProgress(stream: NodeJS.WritableStream): PipelineProgress {
  const lastStep = new Map<string, number>();
  return {
    onEvent(event: PipelineEvent) {
      if (event.type === 'stage-start') lastStep.set(event.stageId, 0);
      if (event.type === 'stage-progress') {
        // Stepped on the percent the line shows, so 49.95 % and 50 % (shown alike) make one line, not two.
        const step = Math.floor(Math.round(event.fraction * 100) / PROGRESS_STEP_PERCENT);
        if (step <= (lastStep.get(event.stageId) ?? 0)) return;
        lastStep.set(event.stageId, step);
      }
      const line = describeEvent(event);
      if (line !== undefined) stream.write(`${line}\n`);
    },
    stop() {},
  };
}
