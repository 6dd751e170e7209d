import type { PipelineEvent } from '@bollyx/stage-runner';
import { jsonLinesProgress } from './json-lines-progress';
import { multibarProgress } from './multibar-progress';
import { plainLinesProgress } from './plain-lines-progress';

/** Shows a pipeline run as its events arrive; pass `onEvent` to runPipeline, call `stop` if the run throws. */
export interface PipelineProgress {
  onEvent(event: PipelineEvent): void;
  /** Ends live output (restores the cursor); safe to call more than once. */
  stop(): void;
}

export interface PipelineProgressOptions {
  /** JSON lines on stdout instead of human output on stderr. */
  json?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WriteStream | NodeJS.WritableStream;
}

/** JSON lines under `--json`, progress bars in a terminal, plain lines anywhere else. */
export function createPipelineProgress(options: PipelineProgressOptions = {}): PipelineProgress {
  const { stdout = process.stdout, stderr = process.stderr } = options;
  if (options.json) return jsonLinesProgress(stdout);
  return 'isTTY' in stderr && stderr.isTTY ? multibarProgress(stderr) : plainLinesProgress(stderr);
}
