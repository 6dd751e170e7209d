import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

export interface LineLog {
  /** Ignored once the log is closed (a stage abandoned after a timeout may still try to log). */
  write(line: string): void;
  /** Flushes and closes; rejects with the first write error, if any. */
  close(): Promise<void>;
}

/** A text file written line by line. */
export function openLineLog(path: string, flags: 'a' | 'w'): LineLog {
  const stream = createWriteStream(path, { flags });
  // Kept on the stream (stream.errored) and raised by close(), instead of crashing the process here.
  stream.on('error', () => undefined);
  let closed = false;
  return {
    write(line) {
      if (!closed && !stream.destroyed) stream.write(`${line}\n`);
    },
    async close() {
      closed = true;
      stream.end();
      await finished(stream);
    },
  };
}
