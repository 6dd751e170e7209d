/**
 * Runs `action` with a signal that Ctrl-C aborts, so a pull stops cleanly and keeps its partial download
 * for the next run to resume instead of dying mid-write.
 */
export async function withInterruptSignal<T>(action: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  try {
    return await action(controller.signal);
  } finally {
    process.off('SIGINT', abort);
  }
}
