const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `action` with a signal that Ctrl-C (SIGINT) or SIGTERM aborts, so long work (a pipeline stage, a
 * download, a build) stops cleanly and the next run resumes, instead of the process dying mid-write.
 * Only the first stop is caught: a second Ctrl-C ends the process at once, should a step hang.
 */
export async function withStopSignals<T>(action: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const release = () => {
    for (const name of STOP_SIGNALS) process.off(name, abort);
  };
  const abort = () => {
    release();
    controller.abort();
  };
  for (const name of STOP_SIGNALS) process.on(name, abort);
  try {
    return await action(controller.signal);
  } finally {
    release();
  }
}
