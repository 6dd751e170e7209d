import type { PipelineEvent } from '@bollyx/stage-runner';
import type { PipelineProgress } from './pipeline-progress';

/** `--json`: every event as one JSON line, for scripts; stage output stays in the stage log files. */
export function jsonLinesProgress(stream: NodeJS.WritableStream): PipelineProgress {
  return {
    onEvent(event: PipelineEvent) {
      if (event.type !== 'stage-log') stream.write(`${JSON.stringify(event)}\n`);
    },
    stop() {},
  };
}
