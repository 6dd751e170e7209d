import { startWorker, type WorkerEvent } from '@bollyx/queue';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { QUEUES_ARG, queueNames, redisUrl, REDIS_ARGS } from '../queue/redis-args';
import { VERBS } from '../verbs';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** The exit status of a worker stopped by a second signal (128 + SIGINT), its films left to other workers. */
const EXIT_FORCED = 130;

const optionalNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** One line per event a person wants to see: a stage's own progress only when the stage changes. */
function textLine(event: WorkerEvent, lastStage: Map<string, string | undefined>): string | undefined {
  switch (event.type) {
    case 'worker-ready':
      return `worker ${event.worker} takes films from ${event.queues.join(', ')} at ${event.redis}`;
    case 'job-start':
      return `${event.id}: ${event.film}${event.stages === undefined ? '' : ` [${event.stages.join(', ')}]`} (attempt ${event.attempt})`;
    case 'job-progress':
      if (lastStage.get(event.id) === event.progress.stage) return undefined;
      lastStage.set(event.id, event.progress.stage);
      return `${event.id}: ${Math.round(event.progress.fraction * 100)}% ${event.progress.stage ?? ''}`;
    case 'job-done':
      lastStage.delete(event.id);
      return `${event.id}: done, ${event.summary.jobDir}`;
    case 'job-released':
      lastStage.delete(event.id);
      return `${event.id}: stopped, back in the queue for another worker`;
    case 'job-failed':
      lastStage.delete(event.id);
      return `${event.id}: ${event.failure.code} ${event.failure.message}${event.failure.hint ? `\n  fix: ${event.failure.hint}` : ''}`;
    case 'redis-error':
      return `redis: ${event.message} (reconnecting)`;
    case 'worker-closing':
      return event.force ? 'stopping now: running films go back to the queue' : 'stopping after the running films (again to stop now)';
    case 'worker-closed':
      return 'stopped';
  }
}

export default defineCommand({
  meta: VERBS.worker,
  args: {
    ...REDIS_ARGS,
    queues: { ...QUEUES_ARG.queues, description: 'Queues to take films and film segments from, comma-separated (default: films,cpu; films,gpu,cpu with a GPU)' },
    concurrency: { type: 'string', description: 'Films run at once, per queue (default 1)' },
    gpu: { type: 'string', description: 'The GPU index this worker runs on, for its name (default: CUDA_VISIBLE_DEVICES)' },
    workspace: { type: 'string', description: 'Folder for jobs, shared by the workers (default: BOLLYX_WORKSPACE or ./bollyx-work)' },
    lockDuration: { type: 'string', description: 'Milliseconds a film stays claimed without a sign of life from its worker (default 30000)' },
    stalledInterval: { type: 'string', description: 'Milliseconds between looks for films whose worker died (default 30000)' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const lastStage = new Map<string, string | undefined>();
      const onEvent = (event: WorkerEvent) => {
        if (args.json) {
          process.stdout.write(`${JSON.stringify(event)}\n`);
          return;
        }
        const line = textLine(event, lastStage);
        if (line !== undefined) process.stderr.write(`${line}\n`);
      };
      const worker = await startWorker({
        redis: redisUrl(args, 'worker'),
        queues: queueNames(args.queues),
        concurrency: optionalNumber(args.concurrency),
        gpu: optionalNumber(args.gpu),
        workspace: args.workspace,
        lockDurationMs: optionalNumber(args.lockDuration),
        stalledIntervalMs: optionalNumber(args.stalledInterval),
        onEvent,
      });
      // The first signal lets the running films finish; a second stops them, and they go to another worker.
      let signals = 0;
      const onStop = () => {
        signals += 1;
        if (signals > 1) process.exitCode = EXIT_FORCED;
        void worker.close({ force: signals > 1 });
      };
      for (const name of STOP_SIGNALS) process.on(name, onStop);
      try {
        await worker.closed;
      } finally {
        for (const name of STOP_SIGNALS) process.off(name, onStop);
      }
    }),
});
