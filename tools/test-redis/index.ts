import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';

// A private redis-server (Debian's redis-server): its own port and folder, nothing saved to disk.
const REDIS_SERVER = '/usr/bin/redis-server';

/** Why a private redis-server cannot run here, or undefined when it can. */
export function privateRedisSkipReason(): string | undefined {
  return existsSync(REDIS_SERVER) ? undefined : `${REDIS_SERVER} is not installed (apt-get install redis-server)`;
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** Stops the server (by its pid) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function launch(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  // Ready once it answers PING.
  for (;;) {
    if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode} on port ${port}`);
    const ping = await execa('redis-cli', ['-p', String(port), 'ping'], { reject: false });
    if (ping.stdout.trim() === 'PONG') return server;
    await sleep(50);
  }
}

/** Starts redis-server on a free port with its files in `dir` (ready in well under a second). */
export async function startPrivateRedis(dir: string): Promise<PrivateRedis> {
  const port = await freePort();
  let server = await launch(dir, port);
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(server.pid!, 'SIGTERM');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    restart: async () => {
      await stop();
      server = await launch(dir, port);
    },
  };
}
