import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';

// A private Docker daemon (Debian's docker.io): its own data root, exec root and socket in a temp
// folder, no bridge and no iptables, so it needs no network setup and leaves the machine as it was.
const DOCKERD = '/usr/sbin/dockerd';
/** Debian's busybox-static: one static binary, enough for a whole image FROM scratch. */
export const BUSYBOX = '/bin/busybox';

/** Why a private dockerd cannot run here, or undefined when it can; with `busybox`, also when busybox-static is missing. */
export function privateDockerdSkipReason(options: { busybox?: boolean } = {}): string | undefined {
  if (!existsSync(DOCKERD)) return `${DOCKERD} is not installed (apt-get install docker.io)`;
  if (process.getuid?.() !== 0) return 'dockerd needs root';
  if (options.busybox && !existsSync(BUSYBOX)) return `${BUSYBOX} is not installed (apt-get install busybox-static)`;
  return undefined;
}

export interface DockerResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

export interface PrivateDockerd {
  /** This process's environment with DOCKER_HOST set to the daemon's socket. */
  env: NodeJS.ProcessEnv;
  /** The docker client against this daemon; never rejects. */
  docker(args: readonly string[]): Promise<DockerResult>;
  /** Stops the daemon and gives process.env its DOCKER_HOST back. */
  stop(): Promise<void>;
}

/**
 * Starts dockerd with everything under `root` (ready in about 2 s here) and points this process's
 * DOCKER_HOST at it until `stop()`: libraries that run `docker` with the process's own environment (the
 * stage-runner's container executor) reach it too.
 */
export async function startPrivateDockerd(root: string): Promise<PrivateDockerd> {
  const socket = join(root, 'docker.sock');
  const logPath = join(root, 'dockerd.log');
  const log = await open(logPath, 'w');
  const daemon = spawn(
    DOCKERD,
    ['--data-root', join(root, 'data'), '--exec-root', join(root, 'exec'), '--pidfile', join(root, 'dockerd.pid'), '-H', `unix://${socket}`, '--bridge=none', '--iptables=false', '--ip6tables=false'],
    { stdio: ['ignore', log.fd, log.fd] },
  );
  await log.close();
  const env = { ...process.env, DOCKER_HOST: `unix://${socket}` };
  const savedDockerHost = process.env.DOCKER_HOST;
  process.env.DOCKER_HOST = env.DOCKER_HOST;
  const docker = async (args: readonly string[]): Promise<DockerResult> => {
    const { exitCode, stdout, stderr } = await execa('docker', args, { env, extendEnv: false, reject: false });
    return { exitCode, stdout, stderr };
  };

  const stop = async () => {
    if (daemon.exitCode === null && daemon.signalCode === null) {
      const exited = new Promise((resolve) => daemon.once('exit', resolve));
      daemon.kill('SIGTERM');
      await exited;
    }
    if (savedDockerHost === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = savedDockerHost;
  };
  // A daemon that exits early says why in its log.
  while ((await docker(['version'])).exitCode !== 0) {
    if (daemon.exitCode !== null) {
      await stop();
      throw new Error(`dockerd exited: ${await readFile(logPath, 'utf8')}`);
    }
    await sleep(200);
  }
  return { env, docker, stop };
}
