import type { MovieRunEvent } from '@bollyx/pipeline';

export interface FilmProgress {
  fraction: number;
  stage?: string;
  stageFraction?: number;
}

/**
 * Folds a run's events into the film's progress: each stage counts the same, finished (run, cached or
 * skipped) ones whole, the running one by its own fraction; a segment's run counts its own stages only.
 * Also remembers the stage that failed.
 */
export function trackFilmProgress(segment?: readonly string[]) {
  let stages: readonly string[] = [];
  const fractions = new Map<string, number>();
  let current: string | undefined;
  let failedStage: string | undefined;
  const progress = (): FilmProgress => {
    const done = stages.reduce((sum, stage) => sum + (fractions.get(stage) ?? 0), 0);
    const fraction = stages.length === 0 ? 0 : Math.min(1, done / stages.length);
    return { fraction, ...(current === undefined ? {} : { stage: current, stageFraction: fractions.get(current) ?? 0 }) };
  };
  return {
    /** The progress after `event`, or undefined when the event does not move it. */
    onEvent(event: MovieRunEvent): FilmProgress | undefined {
      switch (event.type) {
        case 'pipeline-start':
          stages = segment ?? event.stages;
          return progress();
        case 'stage-start':
          current = event.stageId;
          fractions.set(event.stageId, 0);
          return progress();
        case 'stage-progress':
          fractions.set(event.stageId, event.fraction);
          current = event.stageId;
          return progress();
        case 'stage-done':
        case 'stage-skipped':
          fractions.set(event.stageId, 1);
          return progress();
        case 'stage-failed':
          failedStage = event.stageId;
          return undefined;
        default:
          return undefined;
      }
    },
    failedStage: () => failedStage,
    currentStage: () => current,
  };
}
