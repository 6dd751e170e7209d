import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../../../tools/test-redis';
import { serveQueueDashboard, submitFilms } from './index';

let root: string;
let redis: PrivateRedis;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-dashboard-'));
  redis = await startPrivateRedis(root);
});

afterAll(async () => {
  await redis?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('serveQueueDashboard', () => {
  it('serves bull-board over every bollyx queue in Redis: the page, its assets and the queues API', async () => {
    await submitFilms([path.join(root, 'waiting.mp4')], { redis: redis.url });
    await submitFilms([path.join(root, 'on-gpu.mp4')], { redis: redis.url, queue: 'gpu' });
    const controller = new AbortController();

    const dashboard = await serveQueueDashboard({ redis: redis.url, port: 0, signal: controller.signal });
    try {
      expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(dashboard.queues).toEqual(['films', 'gpu']);

      const page = await fetch(dashboard.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('bollyx queues');
      // The page's script loads, so the board renders in a browser.
      const script = /src="([^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(new URL(script!, dashboard.url))).status).toBe(200);

      const api = await fetch(new URL('api/queues', dashboard.url));
      expect(api.status).toBe(200);
      const { queues } = (await api.json()) as { queues: { name: string; counts: Record<string, number>; jobs: { id: string }[] }[] };
      expect(queues.map((queue) => queue.name).sort()).toEqual(['films', 'gpu']);
      const films = queues.find((queue) => queue.name === 'films')!;
      expect(films.counts.waiting).toBe(1);
    } finally {
      controller.abort();
      await dashboard.closed;
    }
    // Closed: the port answers no more.
    await expect(fetch(dashboard.url)).rejects.toThrow();
  });

  it('shows the queues it is given, and refuses to start on a Redis that does not answer', async () => {
    const dashboard = await serveQueueDashboard({ redis: redis.url, port: 0, queues: ['films'] });
    expect(dashboard.queues).toEqual(['films']);
    await dashboard.close();

    await expect(serveQueueDashboard({ redis: 'redis://user:secret@127.0.0.1:1', port: 0 })).rejects.toMatchObject({
      code: 'QUEUE_UNREACHABLE',
      message: expect.not.stringContaining('secret'),
    });
  });
});
