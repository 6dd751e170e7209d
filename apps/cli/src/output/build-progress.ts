import cliProgress from 'cli-progress';

/** A step of a long build: whisper.cpp's (EngineBuildProgress) or a Python environment's. */
export interface BuildProgressEvent {
  phase: string;
  percent: number;
  message: string;
}

export interface BuildProgressView {
  onProgress(event: BuildProgressEvent): void;
  /** Ends the bar, so what the command prints next does not tear it. */
  stop(): void;
}

/**
 * Build progress in the form the output goes to: a live bar on a terminal, a line per phase and 10 % in
 * a log or a pipe, and a JSON line per change on stdout under --json. `label` names what is built.
 */
export function buildProgressView(options: { json: boolean; label?: string }): BuildProgressView {
  const stream = process.stderr;
  const label = options.label ?? 'whisper.cpp';
  if (options.json) return jsonLines();
  return stream.isTTY ? terminalBar(stream, label) : plainLines(stream, label);
}

function jsonLines(): BuildProgressView {
  let last = '';
  return {
    onProgress({ phase, percent, message }) {
      if (`${phase}:${percent}` === last) return;
      last = `${phase}:${percent}`;
      process.stdout.write(`${JSON.stringify({ event: 'progress', phase, percent, message })}\n`);
    },
    stop() {},
  };
}

function plainLines(stream: NodeJS.WriteStream, label: string): BuildProgressView {
  let last = '';
  return {
    onProgress({ phase, percent, message }) {
      const step = `${phase} ${Math.floor(percent / 10) * 10}%`;
      if (step === last) return;
      last = step;
      stream.write(`${label} ${step}: ${message}\n`);
    },
    stop() {},
  };
}

function terminalBar(stream: NodeJS.WriteStream, label: string): BuildProgressView {
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} {phase} [{bar}] {percentage}% {message}`, hideCursor: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress({ phase, percent, message }) {
      // Long compiler lines would wrap and break the redraw.
      const payload = { phase: phase.padEnd(9), message: message.slice(0, Math.max(20, (stream.columns ?? 80) - 60)) };
      if (!started) bar.start(100, percent, payload);
      else bar.update(percent, payload);
      started = true;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
