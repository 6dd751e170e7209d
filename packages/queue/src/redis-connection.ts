import { Redis } from 'ioredis';
import { QueueUnreachableError } from './errors';
import { redactRedisUrl } from './redis-url';

/** How long a one-shot command (submit, status, cancel) waits for Redis before it says it is unreachable. */
const COMMAND_CONNECT_TIMEOUT_MS = 3_000;

/**
 * A connection for one-shot commands: no reconnecting and no queueing of commands while down, so an
 * unreachable Redis fails in seconds.
 */
export async function connectForCommand(url: string): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: COMMAND_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // Failures surface through connect() and the commands; without a listener ioredis would print them.
  client.on('error', () => undefined);
  await connectOrThrow(client, url);
  return client;
}

/**
 * A connection for a worker: it never gives up (ioredis reconnects, backing off to 2 s, and BullMQ's
 * blocking commands need `maxRetriesPerRequest: null`), so a worker outlives a Redis restart. Reachable
 * at start, or the worker is refused at once.
 */
export async function connectForWorker(url: string, onError: (error: Error) => void): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, connectTimeout: COMMAND_CONNECT_TIMEOUT_MS });
  await connectOrThrow(client, url);
  client.on('error', onError);
  return client;
}

/** Connects, or throws QueueUnreachableError with the socket's own error (ECONNREFUSED, ENOTFOUND), not ioredis's "Connection is closed". */
async function connectOrThrow(client: Redis, url: string): Promise<void> {
  let first: Error | undefined;
  const remember = (error: Error) => (first ??= error);
  client.on('error', remember);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new QueueUnreachableError(redactRedisUrl(url), first ?? error);
  } finally {
    client.off('error', remember);
  }
}
