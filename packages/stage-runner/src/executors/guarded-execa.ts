import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { execa, execaSync, type Options } from 'execa';

/**
 * How a child is made to die with this process: `pdeathsig` through util-linux's setpriv (Linux), or a
 * `watchdog` process beside it (anywhere; also for setuid programs, whose exec clears the death signal).
 */
export type ChildGuard = 'pdeathsig' | 'watchdog';

/**
 * `execa(file, args, options)` for a child that dies with this process, however this process dies: a
 * runner killed with SIGKILL (which it cannot catch) must not leave whisper-cli or ffmpeg running to
 * compete with the next run. The child keeps its own pid, stdio, exit code and signals.
 *
 * `pdeathsig` (the default where setpriv has `--pdeathsig`) execs the child with the kernel's parent-death
 * signal, SIGKILL; it fires when the thread that spawned the child ends, and Node spawns from its
 * event-loop thread. `watchdog` (the default elsewhere: macOS, Windows, Alpine without util-linux) kills
 * the child when the pipe from this process to a small Node watchdog reaches EOF.
 */
export function guardedExeca<OptionsType extends Options>(
  file: string,
  args: readonly string[],
  options: OptionsType,
  guard: ChildGuard = defaultGuard(),
): ReturnType<typeof execa<OptionsType>> {
  if (guard === 'pdeathsig') return execa('setpriv', ['--pdeathsig', 'KILL', '--', file, ...args], options);
  const subprocess = execa(file, args, options);
  if (subprocess.pid !== undefined) watch(subprocess as unknown as ChildProcess);
  return subprocess;
}

let cachedGuard: ChildGuard | undefined;

/** Looked up once per process: `--pdeathsig` came with util-linux 2.33 (2018). */
function defaultGuard(): ChildGuard {
  cachedGuard ??=
    process.platform === 'linux' &&
    String(execaSync('setpriv', ['--help'], { stdin: 'ignore', reject: false }).stdout).includes('--pdeathsig')
      ? 'pdeathsig'
      : 'watchdog';
  return cachedGuard;
}

// Its stdin is a pipe from this process, at EOF once this process is gone. Ctrl-C and a closed terminal
// are ignored: they are meant for the runner, which may still be stopping the child gracefully.
const WATCHDOG = `
const kill = () => {
  try { process.kill(Number(process.argv[1]), 'SIGKILL'); } catch {}
  process.exit();
};
process.stdin.on('end', kill).on('error', kill).resume();
process.on('SIGINT', () => {}).on('SIGHUP', () => {});
`;

/**
 * Starts the watchdog beside the child rather than around it, so the child's pid, exit status and signals
 * stay its own and a cancelled attempt's SIGKILL reaches it. (execa's generic type drops ChildProcess's
 * event methods, hence the cast by the caller.)
 */
function watch(child: ChildProcess): void {
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(child.pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    windowsHide: true,
  });
  // Neither keeps this process alive; a watchdog that cannot start leaves the child as plain execa would.
  watchdog.unref();
  (watchdog.stdin as Socket).unref();
  watchdog.on('error', () => undefined);
  // Killed, not sent EOF, once the child is reaped: its pid may be reused after that.
  child.once('exit', () => watchdog.kill('SIGKILL'));
}
