import type { ModelProgress } from '@bollyx/environment-manager';
import type { ProgressTick } from './progress-reporter';

/** A model operation's progress as the reporter shows it: one bar per model and phase. */
export function modelProgressTick(progress: ModelProgress): ProgressTick {
  return {
    key: `${progress.model}:${progress.phase}`,
    label: `${progress.model} ${progress.phase}`,
    done: progress.bytesDone,
    total: progress.bytesTotal,
    fields: { model: progress.model, phase: progress.phase, source: progress.source },
  };
}
