import { describe, expect, it } from 'vitest';
import { guardedExeca, type ChildGuard } from './guarded-execa';

const guards: ChildGuard[] = process.platform === 'linux' ? ['pdeathsig', 'watchdog'] : ['watchdog'];

// That the child dies with a SIGKILLed runner is tested in crash-resume.test.ts, which kills a runner.
describe.each(guards)('a child guarded by %s', (guard) => {
  const node = (script: string, options: Parameters<typeof guardedExeca>[2] = {}) =>
    guardedExeca(process.execPath, ['-e', script], { reject: false, ...options }, guard);

  it('keeps its own pid, output and exit code', async () => {
    const subprocess = node('process.stdout.write(String(process.pid)); process.exitCode = 3');
    const result = await subprocess;
    expect(result.stdout).toBe(String(subprocess.pid));
    expect(result.exitCode).toBe(3);
  });

  it('reports the signal that ended it', async () => {
    const result = await node('process.kill(process.pid, "SIGTERM")');
    expect(result.signal).toBe('SIGTERM');
  });

  it('is SIGKILLed after the grace when it ignores the SIGTERM of a cancellation', async () => {
    const controller = new AbortController();
    const subprocess = node('process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)', {
      cancelSignal: controller.signal,
      forceKillAfterDelay: 300,
    });
    subprocess.stdout?.once('data', () => controller.abort());
    const result = await subprocess;
    expect(result.isCanceled).toBe(true);
    expect(result.signal).toBe('SIGKILL');
  });
});
