import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../../../../../tools/test-redis';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let redis: PrivateRedis;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-dashboard-'));
  redis = await startPrivateRedis(root);
});

afterAll(async () => {
  await redis?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('bollyx queue dashboard', () => {
  it('prints its URL, serves the board until SIGTERM, then exits 0', async () => {
    const child = execa(process.execPath, [cli, 'queue', 'dashboard', '--redis', redis.url, '--port', '0', '--json'], { reject: false });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const printed = JSON.parse(line) as { ok: boolean; url: string; queues: string[] };
    expect(printed).toMatchObject({ ok: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/), queues: ['films'] });

    const page = await fetch(printed.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('bollyx queues');
    // The board's script comes from @bull-board/ui, which the bundled CLI resolves from its own dependencies.
    const script = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(new URL(script!, printed.url))).status).toBe(200);

    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode, result.stderr).toBe(0);
  });

  it('--help says it binds 127.0.0.1 and needs a reverse proxy with authentication to be exposed', async () => {
    const result = await execa(process.execPath, [cli, 'queue', 'dashboard', '--help'], { reject: false });
    expect(result.stdout).toMatch(/127\.0\.0\.1[\s\S]*reverse proxy with authentication/);
  });
});
