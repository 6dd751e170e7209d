import cliProgress from 'cli-progress';
import { formatBytes } from './format';

export interface ProgressTick {
  /** One bar per key; a new key ends the previous bar. */
  key: string;
  label: string;
  done: number;
  total: number;
  /** What a --json progress line carries besides `done` and `total`. */
  fields?: Record<string, unknown>;
}

export interface ProgressReporter {
  update(tick: ProgressTick): void;
  /** Ends the current bar, so what the command prints next does not tear it. */
  stop(): void;
}

/**
 * Byte progress in the form the output goes to: a live bar on a terminal, a line per 10 % in a log or a
 * pipe, and a JSON line per whole percent on stdout under --json (for the tools that drive bollyx).
 */
export function createProgressReporter(options: { json: boolean }): ProgressReporter {
  const stream = process.stderr;
  if (options.json) return jsonLines();
  return stream.isTTY ? terminalBars(stream) : plainLines(stream);
}

function jsonLines(): ProgressReporter {
  const lastPercent = new Map<string, number>();
  return {
    update({ key, done, total, fields }) {
      const percent = Math.floor((done / total) * 100);
      if (lastPercent.get(key) === percent) return;
      lastPercent.set(key, percent);
      process.stdout.write(`${JSON.stringify({ event: 'progress', ...fields, done, total })}\n`);
    },
    stop() {},
  };
}

function plainLines(stream: NodeJS.WriteStream): ProgressReporter {
  const lastStep = new Map<string, number>();
  return {
    update({ key, label, done, total }) {
      const step = Math.floor((done / total) * 10);
      if ((lastStep.get(key) ?? -1) >= step) return;
      lastStep.set(key, step);
      stream.write(`${label}: ${step * 10}% (${formatBytes(done)} of ${formatBytes(total)})\n`);
    },
    stop() {},
  };
}

function terminalBars(stream: NodeJS.WriteStream): ProgressReporter {
  let current: { key: string; bar: cliProgress.SingleBar } | undefined;
  const stop = () => {
    current?.bar.stop();
    current = undefined;
  };
  return {
    update({ key, label, done, total }) {
      if (current?.key !== key) {
        stop();
        const bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${label} [{bar}] {percentage}% | {doneText} of {totalText} | ETA {eta_formatted}`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { doneText: formatBytes(done), totalText: formatBytes(total) });
        current = { key, bar };
      }
      current.bar.update(done, { doneText: formatBytes(done) });
    },
    stop,
  };
}
