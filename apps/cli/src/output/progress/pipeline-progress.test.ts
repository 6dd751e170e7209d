import { PassThrough } from 'node:stream';
import { pipelineEventSchema, type PipelineEvent } from '@bollyx/stage-runner';
import { describe, expect, it } from 'vitest';
import { createPipelineProgress } from './pipeline-progress';

const at = '2025-01-01T00:00:00.000Z';

// A run as the engine reports it: demux ran, vad was cached, asr fell back to the CPU, mux failed, lint was skipped.
const events: PipelineEvent[] = [
  { type: 'pipeline-start', at, runId: 'r1', jobDir: '/jobs/j1', stages: ['demux', 'vad', 'asr', 'mux', 'lint'], concurrency: 2 },
  { type: 'stage-start', at, stageId: 'demux', device: 'cpu', attempt: 1 },
  { type: 'stage-log', at, stageId: 'demux', line: 'ffmpeg version 5.1' },
  ...[0.05, 0.15, 0.17, 0.4995, 0.5, 0.9995, 1].map((fraction): PipelineEvent => ({ type: 'stage-progress', at, stageId: 'demux', fraction, message: 'extracting audio' })),
  { type: 'stage-done', at, stageId: 'demux', status: 'ran', durationMs: 1520, device: 'cpu' },
  { type: 'stage-done', at, stageId: 'vad', status: 'cached', durationMs: 2, device: 'cpu' },
  { type: 'stage-start', at, stageId: 'asr', device: 'cuda', attempt: 1 },
  { type: 'stage-retry', at, stageId: 'asr', fromDevice: 'cuda', toDevice: 'cpu', reason: 'CUDA error: out of memory' },
  { type: 'stage-start', at, stageId: 'asr', device: 'cpu', attempt: 2 },
  { type: 'stage-done', at, stageId: 'asr', status: 'ran', durationMs: 65_000, device: 'cpu' },
  { type: 'stage-start', at, stageId: 'mux', device: 'cpu', attempt: 1 },
  {
    type: 'stage-failed',
    at,
    stageId: 'mux',
    durationMs: 300,
    error: { code: 'STAGE_COMMAND_FAILED', message: 'Stage mux: ffmpeg exited with code 1', hint: 'Read /jobs/j1/logs/mux.log' },
  },
  { type: 'stage-skipped', at, stageId: 'lint', reason: 'dependency-failed', dependency: 'mux' },
  {
    type: 'pipeline-done',
    at,
    summary: {
      runId: 'r1',
      jobDir: '/jobs/j1',
      status: 'failed',
      durationMs: 67_000,
      stages: [
        { id: 'demux', status: 'ran', durationMs: 1520, device: 'cpu' },
        { id: 'vad', status: 'cached', durationMs: 2 },
        { id: 'asr', status: 'ran', durationMs: 65_000, device: 'cpu' },
        { id: 'mux', status: 'failed', durationMs: 300, device: 'cpu' },
        { id: 'lint', status: 'skipped', durationMs: 0, reason: 'dependency-failed', dependency: 'mux' },
      ],
    },
  },
].map((event) => pipelineEventSchema.parse(event));

function capture(isTTY = false): { stream: PassThrough & { isTTY?: boolean; columns?: number }; text: () => string } {
  const stream: PassThrough & { isTTY?: boolean; columns?: number } = new PassThrough();
  if (isTTY) Object.assign(stream, { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('createPipelineProgress', () => {
  it('writes every event but stage output as one JSON line on stdout under --json', () => {
    const stdout = capture();
    const stderr = capture();
    const progress = createPipelineProgress({ json: true, stdout: stdout.stream, stderr: stderr.stream });
    for (const event of events) progress.onEvent(event);
    progress.stop();

    const lines = stdout.text().trimEnd().split('\n');
    expect(lines.map((line) => pipelineEventSchema.parse(JSON.parse(line)))).toEqual(events.filter((event) => event.type !== 'stage-log'));
    expect(stderr.text()).toBe('');
  });

  it('writes plain lines, progress in 10 % steps, when stderr is not a terminal', () => {
    const stdout = capture();
    const stderr = capture();
    const progress = createPipelineProgress({ stdout: stdout.stream, stderr: stderr.stream });
    for (const event of events) progress.onEvent(event);

    expect(stderr.text().split('\n')).toEqual([
      'pipeline r1: 5 stages in /jobs/j1',
      '[demux] started on cpu',
      '[demux] 15% extracting audio',
      '[demux] 50% extracting audio',
      '[demux] 100% extracting audio',
      '[demux] done in 1.5 s on cpu',
      '[vad] cached',
      '[asr] started on cuda',
      '[asr] device error on cuda, retrying on cpu: CUDA error: out of memory',
      '[asr] started on cpu (attempt 2)',
      '[asr] done in 1 min 5 s on cpu',
      '[mux] started on cpu',
      '[mux] failed: Stage mux: ffmpeg exited with code 1',
      '  fix: Read /jobs/j1/logs/mux.log',
      '[lint] skipped: mux failed',
      'pipeline failed: 2 ran, 1 cached, 1 failed, 1 skipped in 1 min 7 s',
      '',
    ]);
    expect(stdout.text()).toBe('');
  });

  it('draws a bar per stage in a terminal and keeps failures and retries above the bars', () => {
    const stderr = capture(true);
    const progress = createPipelineProgress({ stdout: capture().stream, stderr: stderr.stream });
    for (const event of events) progress.onEvent(event);
    progress.stop();

    // eslint-disable-next-line no-control-regex -- the terminal's escape codes are what is stripped here
    const screen = stderr.text().replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(screen).toMatch(/demux .* 100% done in 1\.5 s on cpu/);
    expect(screen).toMatch(/vad {3}.* 100% cached/);
    expect(screen).toMatch(/lint .* 0% skipped: mux failed/);
    expect(screen).toContain('[asr] device error on cuda, retrying on cpu: CUDA error: out of memory\n');
    expect(screen).toContain('[mux] failed: Stage mux: ffmpeg exited with code 1\n  fix: Read /jobs/j1/logs/mux.log\n');
    expect(screen.trimEnd().split('\n').at(-1)).toBe('pipeline failed: 2 ran, 1 cached, 1 failed, 1 skipped in 1 min 7 s');
  });
});
