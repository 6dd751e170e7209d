import { Queue } from 'bullmq';
import { connectForCommand } from './redis-connection';
import type { Redis } from 'ioredis';

/** Runs `action` with one BullMQ Queue per name over one fail-fast connection, closed after. */
export async function withQueues<T>(url: string, names: readonly string[], action: (queues: Queue[], client: Redis) => Promise<T>): Promise<T> {
  const client = await connectForCommand(url);
  const queues = names.map((name) => new Queue(name, { connection: client }));
  try {
    return await action(queues, client);
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    client.disconnect();
  }
}
