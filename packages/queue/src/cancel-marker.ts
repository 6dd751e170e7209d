import type { Redis } from 'ioredis';

/** The channel cancel requests are published on; every worker listens. */
export const CANCEL_CHANNEL = 'bollyx:queue:cancel';
/** A cancelled job's marker, for a worker that picks it up later (after a stall) or missed the message. */
export const cancelMarkerKey = (id: string) => `bollyx:queue:cancelled:${id}`;
const MARKER_TTL_S = 7 * 24 * 3600;

export async function markCancelled(client: Redis, id: string): Promise<void> {
  await client.set(cancelMarkerKey(id), '1', 'EX', MARKER_TTL_S);
  await client.publish(CANCEL_CHANNEL, id);
}
