import os from 'node:os';
import { detectHardware } from '@bollyx/hardware-detection';
import { planWorkers, startWorker, type PlannedWorker, type WorkerEvent } from '@bollyx/queue';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { ARTIFACT_ARGS, artifactStoreConfig } from '../queue/artifact-args';
import { QUEUES_ARG, queueNames, redisUrl, REDIS_ARGS } from '../queue/redis-args';
import { VERBS } from '../verbs';
import { runWorkerProcesses } from './worker-processes';

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
      return `${event.id}: done, ${event.summary.jobDir}${event.stored === undefined ? '' : ` (in the store: jobs/${event.stored.jobId}/)`}`;
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

/** What a planned worker runs on, for a person: `gpu0 (NVIDIA H100 80GB HBM3)`, `Metal`, `CPU`. */
const deviceOf = (planned: PlannedWorker) =>
  planned.device === 'cuda' ? `gpu${planned.gpu}${planned.gpuName === undefined ? '' : ` (${planned.gpuName})`}` : planned.device === 'metal' ? 'Metal' : 'CPU';

/** A child's failure line (`runAction`'s JSON), for a person. */
const failureLine = (line: { error?: { message?: string; hint?: string } }) =>
  `bollyx: ${line.error?.message ?? JSON.stringify(line)}${line.error?.hint ? `\n  fix: ${line.error.hint}` : ''}`;

export default defineCommand({
  meta: VERBS.worker,
  args: {
    ...REDIS_ARGS,
    ...ARTIFACT_ARGS,
    queues: { ...QUEUES_ARG.queues, description: 'Queues to take films and film segments from, comma-separated (default: films,cpu; films,gpu,cpu with a GPU)' },
    concurrency: { type: 'string', description: 'Films run at once, per queue (default 1)' },
    gpu: { type: 'string', description: 'Run one worker on this GPU index (default: one process per NVIDIA GPU found, each bound to its GPU)' },
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
      const redis = redisUrl(args, 'worker');
      const queues = queueNames(args.queues);
      const gpu = optionalNumber(args.gpu);
      const artifacts = artifactStoreConfig(args, 'worker');
      // With --gpu this is one worker already: placed by hand, or started by a worker for each GPU.
      const plan =
        gpu === undefined ? planWorkers(await detectHardware({ workspace: args.workspace }), { queues, visibleDevices: process.env.CUDA_VISIBLE_DEVICES }) : undefined;
      if (plan !== undefined) {
        const advertised = plan.map((planned) => ({ device: planned.device, gpu: planned.gpu, gpuName: planned.gpuName, queues: planned.queues }));
        if (args.json) process.stdout.write(`${JSON.stringify({ type: 'worker-plan', host: os.hostname(), workers: advertised })}\n`);
        else for (const planned of plan) process.stderr.write(`${os.hostname()}: ${deviceOf(planned)} takes ${planned.queues.join(', ')}\n`);
      }
      if (plan !== undefined && plan.length > 1) {
        const flags = {
          concurrency: args.concurrency,
          workspace: args.workspace,
          lockDuration: args.lockDuration,
          stalledInterval: args.stalledInterval,
          artifacts: args.artifacts,
          s3Endpoint: args.s3Endpoint,
          s3Region: args.s3Region,
        };
        process.exitCode = await runWorkerProcesses(plan, {
          args: [...Object.entries(flags).flatMap(([flag, value]) => (value === undefined ? [] : [`--${flag}`, value])), ...(args.s3PathStyle === true ? ['--s3PathStyle'] : [])],
          env: { BOLLYX_REDIS_URL: redis },
          onLine: (name, line) => {
            if (args.json) process.stdout.write(`${JSON.stringify(typeof line === 'object' ? { ...line, worker: name } : { worker: name, text: line })}\n`);
            else {
              const text = typeof line !== 'object' || line === null ? String(line) : 'type' in line ? textLine(line as WorkerEvent, lastStage) : failureLine(line);
              if (text !== undefined) process.stderr.write(`${name}: ${text}\n`);
            }
          },
        });
        return;
      }
      // One worker: this process, bound to its GPU if it has one.
      Object.assign(process.env, plan?.[0]?.env);
      const worker = await startWorker({
        redis,
        queues: plan?.[0]?.queues ?? queues,
        concurrency: optionalNumber(args.concurrency),
        gpu: gpu ?? plan?.[0]?.gpu,
        workspace: args.workspace,
        artifacts,
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
