/**
 * Settles with `work` or rejects after `ms`, whichever comes first. A probe stuck in the kernel (an
 * nvidia-smi waiting on a wedged driver ignores SIGKILL) must not hold up detection, so this does not
 * wait for the work to end.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
