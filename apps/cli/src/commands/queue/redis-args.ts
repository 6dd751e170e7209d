import { BollyxError } from '@bollyx/errors';
import type { ArgsDef } from 'citty';

/** The Redis every queue verb talks to, and the queues it works on. */
export const REDIS_ARGS = {
  redis: { type: 'string', description: 'Redis URL, redis://[user:password@]host:port[/db] (default: BOLLYX_REDIS_URL)' },
  json: { type: 'boolean', description: 'Print JSON instead of text' },
} as const satisfies ArgsDef;

export const QUEUES_ARG = {
  queues: { type: 'string', description: 'Queues, comma-separated (default: films)' },
} as const satisfies ArgsDef;

/** --redis, else BOLLYX_REDIS_URL: a usage error when neither is set. */
export function redisUrl(args: { redis?: string }, verb: string): string {
  const url = args.redis ?? process.env.BOLLYX_REDIS_URL;
  if (url === undefined || url === '') {
    throw new BollyxError('USAGE', `${verb} needs a Redis URL`, { hint: `bollyx ${verb} --redis redis://host:6379, or set BOLLYX_REDIS_URL` });
  }
  return url;
}

/** --queues as a list, undefined for the library's default. */
export const queueNames = (queues: string | undefined): string[] | undefined =>
  queues === undefined ? undefined : queues.split(',').map((name) => name.trim()).filter((name) => name !== '');
