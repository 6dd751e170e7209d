const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** The exit status of a process ended by the user (128 + SIGINT). */
const EXIT_STOPPED = 130;

/**
 * Runs `action` with a signal that Ctrl-C (SIGINT) or SIGTERM aborts, so long work (a pipeline stage, a
 * download, a build) stops cleanly and the next run resumes, instead of the process dying mid-write.
 * A second Ctrl-C ends the process at once, should a step hang. The handler stays installed until the
 * action settles: with no handler left, execa's exit hook would re-raise the signal and kill the process
 * before the cancelled work has cleaned up.
 */
export async function withStopSignals<T>(action: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onStop = () => {
    if (controller.signal.aborted) process.exit(EXIT_STOPPED);
    controller.abort();
  };
  for (const name of STOP_SIGNALS) process.on(name, onStop);
  try {
    return await action(controller.signal);
  } finally {
    for (const name of STOP_SIGNALS) process.off(name, onStop);
  }
}
