import { cancelJob, cleanQueue, fetchFilmOutputs, queueStatus, redactRedisUrl, retryJob, serveQueueDashboard, type FilmJobStatus } from '@bollyx/queue';
import path from 'node:path';
import { BollyxError } from '@bollyx/errors';
import { defineCommand } from 'citty';
import { formatTable } from '../../output/format';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { VERBS } from '../verbs';
import { ARTIFACT_ARGS, artifactStoreConfig } from './artifact-args';
import { QUEUES_ARG, queueNames, redisUrl, REDIS_ARGS } from './redis-args';

const ARGS = { ...REDIS_ARGS, ...QUEUES_ARG } as const;
const ID_ARG = { id: { type: 'positional', description: 'The job id `bollyx submit` printed', required: true } } as const;

const print = (json: boolean | undefined, value: object, text: string) =>
  process.stdout.write(json ? `${JSON.stringify({ ok: true, ...value })}\n` : `${text}\n`);

const progressText = (job: FilmJobStatus) => {
  const progress = job.progress as { fraction?: number; stage?: string; worker?: string } | undefined;
  if (typeof progress !== 'object' || progress?.fraction === undefined) return '';
  return `${Math.round(progress.fraction * 100)}%${progress.stage ? ` ${progress.stage}` : ''}${progress.worker ? ` on ${progress.worker}` : ''}`;
};
const failureText = (job: FilmJobStatus) => (typeof job.failure === 'object' ? `${job.failure.code}: ${job.failure.message}` : (job.failure ?? ''));

const status = defineCommand({
  meta: { name: 'status', description: 'Counts by state and every job with its progress or failure (the default)' },
  args: ARGS,
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const result = await queueStatus({ redis: redisUrl(args, 'queue status'), queues: queueNames(args.queues) });
      const text = result.queues.map(({ name, counts, jobs }) => {
        const rows = jobs.map((job) => [job.id, job.state, String(job.film), progressText(job), failureText(job)]);
        const summary = Object.entries(counts).map(([state, count]) => `${count} ${state}`).join(', ');
        return `Queue ${name}: ${summary}${rows.length === 0 ? '' : `\n${formatTable([['ID', 'STATE', 'FILM', 'PROGRESS', 'FAILURE'], ...rows])}`}`;
      });
      print(args.json, result, text.join('\n'));
    }),
});

const cancel = defineCommand({
  meta: { name: 'cancel', description: 'Cancel a job: removed when waiting, aborted by its worker when running' },
  args: { ...ID_ARG, ...ARGS },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const result = await cancelJob(args.id, { redis: redisUrl(args, 'queue cancel'), queues: queueNames(args.queues) });
      print(args.json, result, `${result.id}: ${result.outcome}`);
    }),
});

const retry = defineCommand({
  meta: { name: 'retry', description: 'Put a failed or cancelled job back in its queue with fresh tries' },
  args: { ...ID_ARG, ...ARGS },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const result = await retryJob(args.id, { redis: redisUrl(args, 'queue retry'), queues: queueNames(args.queues) });
      print(args.json, result, `${result.id}: waiting`);
    }),
});

const clean = defineCommand({
  meta: { name: 'clean', description: 'Remove the finished (completed and failed) jobs' },
  args: ARGS,
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const removed = await cleanQueue({ redis: redisUrl(args, 'queue clean'), queues: queueNames(args.queues) });
      print(args.json, { removed }, `removed ${removed.completed.length} completed and ${removed.failed.length} failed jobs`);
    }),
});

const fetch = defineCommand({
  meta: { name: 'fetch', description: 'Download a finished film\'s subtitles and videos from the artifact store it went through' },
  args: {
    ...ID_ARG,
    ...ARGS,
    ...ARTIFACT_ARGS,
    queues: { ...QUEUES_ARG.queues, description: 'Queues to look for the job in, comma-separated (default: films,cpu,gpu)' },
    to: { type: 'string', description: 'Folder to put them in (default: the current folder)' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const artifacts = artifactStoreConfig(args, 'queue fetch');
        if (artifacts === undefined) throw new BollyxError('USAGE', 'queue fetch needs the artifact store', { hint: 'bollyx queue fetch ID --artifacts s3://bucket/prefix, or set BOLLYX_ARTIFACTS' });
        const files = await fetchFilmOutputs(args.id, { redis: redisUrl(args, 'queue fetch'), queues: queueNames(args.queues), artifacts, to: path.resolve(args.to ?? '.'), signal });
        print(args.json, { id: args.id, files }, files.join('\n'));
      }),
    ),
});

const dashboard = defineCommand({
  meta: {
    name: 'dashboard',
    description:
      'A web page of the queues (bull-board) until Ctrl-C. It binds 127.0.0.1 and has no login: to open it to others, put a reverse proxy with authentication in front',
  },
  args: {
    ...ARGS,
    queues: { type: 'string', description: 'Queues, comma-separated (default: every queue in Redis)' },
    port: { type: 'string', description: 'Port to listen on (default 3000; 0 for any free port)' },
    host: { type: 'string', description: 'Address to listen on (default 127.0.0.1)' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const redis = redisUrl(args, 'queue dashboard');
        const board = await serveQueueDashboard({
          redis,
          queues: queueNames(args.queues),
          port: args.port === undefined ? undefined : Number(args.port),
          host: args.host,
          signal,
          onRedisError: (error) => process.stderr.write(`redis: ${error.message} (reconnecting)\n`),
        });
        print(args.json, { url: board.url, queues: board.queues, redis: redactRedisUrl(redis) }, `Dashboard of ${board.queues.join(', ')} at ${board.url} (Ctrl-C to stop)`);
        await board.closed;
      }),
    ),
});

export default defineCommand({
  meta: VERBS.queue,
  // Declared on `queue` too, so `bollyx queue --redis URL` does not read URL as a subcommand.
  args: ARGS,
  subCommands: { status, cancel, retry, clean, fetch, dashboard },
  default: 'status',
});
