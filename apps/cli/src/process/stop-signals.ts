/**
 * Runs `action` with a signal that Ctrl-C (SIGINT) or SIGTERM aborts, so long work (a pipeline stage, a
 * download, a build) stops cleanly and the next run resumes, instead of the process dying mid-write.
 */
export async function withStopSignals<T>(action: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  try {
    return await action(controller.signal);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
