import type { AddressInfo } from 'node:net';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Queue } from 'bullmq';
import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { DEFAULT_QUEUE } from './film-job';
import { connectForWorker } from './redis-connection';

export interface QueueDashboardOptions {
  redis: string;
  /** The queues to show; default: every queue in Redis (`bull:<name>:meta`), else `films`. */
  queues?: readonly string[];
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the dashboard can retry and remove jobs and has no login of its own. */
  host?: string;
  /** Closes the dashboard when aborted. */
  signal?: AbortSignal;
  /** Redis errors after the start (it reconnects meanwhile). */
  onRedisError?: (error: Error) => void;
}

export interface QueueDashboard {
  /** Where the dashboard answers, e.g. http://127.0.0.1:3000/. */
  url: string;
  queues: string[];
  close(): Promise<void>;
  /** Settles once closed, by close() or the signal. */
  closed: Promise<void>;
}

/** The queues BullMQ keeps in this Redis (default prefix `bull`), by their meta keys. */
async function queuesInRedis(client: Redis): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', 'bull:*:meta', 'COUNT', 1000);
    cursor = next;
    for (const key of keys) names.add(key.slice('bull:'.length, -':meta'.length));
  } while (cursor !== '0');
  return [...names].sort();
}

/**
 * bull-board (a web page of every job, its progress, logs and failure, with retry and remove) for the
 * film queues, served by Hono on Node's http server. Queues that appear after the start are not shown.
 */
export async function serveQueueDashboard(options: QueueDashboardOptions): Promise<QueueDashboard> {
  options.signal?.throwIfAborted();
  const client = await connectForWorker(options.redis, options.onRedisError ?? (() => undefined));
  let names: string[];
  try {
    names = options.queues === undefined ? await queuesInRedis(client) : [...options.queues];
  } catch (error) {
    client.disconnect();
    throw error;
  }
  if (names.length === 0) names = [DEFAULT_QUEUE];
  const queues = names.map((name) => new Queue(name, { connection: client }));

  const board = new HonoAdapter(serveStatic);
  board.setBasePath('/');
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: board, options: { uiConfig: { boardTitle: 'bollyx queues' } } });
  const app = new Hono();
  app.route('/', board.registerPlugin());

  const host = options.host ?? '127.0.0.1';
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname: host }, () => resolve(started));
      started.once('error', reject);
    });
  } catch (error) {
    await Promise.all(queues.map((queue) => queue.close()));
    client.disconnect();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      options.signal?.removeEventListener('abort', onAbort);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // An open page polls on keep-alive connections, which would hold close() up.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await stopped;
      await Promise.all(queues.map((queue) => queue.close()));
      client.disconnect();
    })());
  const onAbort = () => void close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) void close();
  const closed = new Promise<void>((resolve) => server.once('close', resolve)).then(() => close());

  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`, queues: names, close, closed };
}
