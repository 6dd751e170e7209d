import type { PipelineEvent } from '@bollyx/stage-runner';
import { MultiBar, type SingleBar } from 'cli-progress';
import { describeEvent } from './describe-event';
import type { PipelineProgress } from './pipeline-progress';

/** A terminal: one live bar per stage, with the events worth keeping printed above the bars. */
export function multibarProgress(stream: NodeJS.WritableStream): PipelineProgress {
  const multibar = new MultiBar({
    stream,
    format: '{stage} {bar} {percentage}% {status}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: false,
    // Bars are redrawn on a timer; only the final state matters once a run is over.
    fps: 10,
  });
  const bars = new Map<string, SingleBar>();
  let nameWidth = 0;
  let stopped = false;

  const bar = (stageId: string) => {
    let existing = bars.get(stageId);
    if (existing === undefined) {
      existing = multibar.create(100, 0, { stage: stageId.padEnd(nameWidth), status: '' });
      bars.set(stageId, existing);
    }
    return existing;
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // stop() draws the bars but not the lines still waiting in multibar.log's buffer: redraw once first.
    multibar.update();
    multibar.stop();
  };

  return {
    onEvent(event: PipelineEvent) {
      if (stopped) return;
      switch (event.type) {
        case 'pipeline-start':
          nameWidth = Math.max(...event.stages.map((id) => id.length));
          return;
        case 'stage-start':
          bar(event.stageId).update(0, { status: `on ${event.device}` });
          return;
        case 'stage-progress':
          bar(event.stageId).update(Math.round(event.fraction * 100), { status: event.message ?? '' });
          return;
        case 'stage-done':
          bar(event.stageId).update(100, { status: describeEvent(event)?.replace(`[${event.stageId}] `, '') });
          return;
        case 'stage-skipped':
        case 'stage-failed':
        case 'stage-retry': {
          const line = describeEvent(event)!;
          bar(event.stageId).update({ status: line.replace(`[${event.stageId}] `, '').split('\n')[0] });
          if (event.type !== 'stage-skipped') multibar.log(`${line}\n`);
          return;
        }
        case 'pipeline-done':
          stop();
          stream.write(`${describeEvent(event)}\n`);
          return;
        case 'stage-log':
          return;
      }
    },
    stop,
  };
}
