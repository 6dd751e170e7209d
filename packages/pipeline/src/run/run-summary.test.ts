import type { Manifest } from '@bollyx/stage-runner';
import { describe, expect, it } from 'vitest';
import { runSummaryStage } from './run-summary';

const manifest = (backend: string, attempts: Manifest['attempts']): Manifest => ({
  schemaVersion: 1,
  stageId: 'asr',
  stageVersion: '1',
  key: '0'.repeat(64),
  runId: 'r1',
  params: {},
  inputs: [],
  needs: [],
  outputs: [],
  startedAt: '2025-01-31T10:00:00.000Z',
  endedAt: '2025-01-31T10:01:12.000Z',
  durationMs: 72_000,
  device: attempts.at(-1)!.device,
  executor: 'python',
  backend,
  toolVersions: {},
  attempts,
  exitCode: 0,
});

describe('the run summary', () => {
  it('takes each stage\'s backend and device from its manifest, and the devices that failed first', () => {
    const asr = runSummaryStage({
      id: 'asr',
      status: 'ran',
      durationMs: 72_000,
      device: 'cpu',
      manifest: manifest('faster-whisper', [
        { device: 'cuda', status: 'failed', durationMs: 900, error: { code: 'STAGE_COMMAND_FAILED', message: 'CUDA error' } },
        { device: 'cpu', status: 'succeeded', durationMs: 71_000 },
      ]),
    });
    expect(asr).toEqual({ id: 'asr', status: 'ran', durationMs: 72_000, backend: 'faster-whisper', device: 'cpu', fellBackFrom: ['cuda'] });
    const cached = runSummaryStage({ id: 'vad', status: 'cached', durationMs: 3, manifest: manifest('onnxruntime', [{ device: 'cpu', status: 'succeeded', durationMs: 5 }]) });
    expect(cached).toEqual({ id: 'vad', status: 'cached', durationMs: 3, backend: 'onnxruntime', device: 'cpu' });
    const skipped = runSummaryStage({ id: 'mux', status: 'skipped', durationMs: 0, reason: 'dependency-failed' });
    expect(skipped).toEqual({ id: 'mux', status: 'skipped', durationMs: 0 });

  });
});
