import type { PipelineEvent } from '@bollyx/stage-runner';
import { formatDuration } from '../format';

const SKIP_REASONS = { 'not-selected': 'not selected', cancelled: 'cancelled' } as const;

/** One human line for an event; undefined for those people need not read (stage output, progress ticks). */
export function describeEvent(event: PipelineEvent): string | undefined {
  switch (event.type) {
    case 'pipeline-start':
      return `pipeline ${event.runId}: ${event.stages.length} stages in ${event.jobDir}`;
    case 'stage-start':
      return `[${event.stageId}] started on ${event.device}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'stage-progress':
      return `[${event.stageId}] ${Math.round(event.fraction * 100)}%${event.message ? ` ${event.message}` : ''}`;
    case 'stage-retry':
      return `[${event.stageId}] device error on ${event.fromDevice}, retrying on ${event.toDevice}: ${event.reason}`;
    case 'stage-done':
      return event.status === 'cached' ? `[${event.stageId}] cached` : `[${event.stageId}] done in ${formatDuration(event.durationMs)} on ${event.device}`;
    case 'stage-skipped':
      return `[${event.stageId}] skipped: ${event.reason === 'dependency-failed' ? `${event.dependency} failed` : SKIP_REASONS[event.reason]}`;
    case 'stage-failed':
      return `[${event.stageId}] failed: ${event.error.message}${event.error.hint ? `\n  fix: ${event.error.hint}` : ''}`;
    case 'pipeline-done': {
      const { summary } = event;
      const counts = (['ran', 'cached', 'failed', 'skipped'] as const)
        .map((status) => [status, summary.stages.filter((stage) => stage.status === status).length] as const)
        .filter(([, count]) => count > 0)
        .map(([status, count]) => `${count} ${status}`);
      return `pipeline ${summary.status}: ${counts.join(', ') || 'no stages'} in ${formatDuration(summary.durationMs)}`;
    }
    case 'stage-log':
      return undefined;
  }
}
