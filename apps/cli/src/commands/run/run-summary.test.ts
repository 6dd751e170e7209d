import { describe, expect, it } from 'vitest';
import { renderRunSummary } from './run-summary';

describe('the run summary', () => {
  it('says which backend ran each stage on which device, and which devices failed first', () => {
    const text = renderRunSummary({
      ok: true,
      jobId: '20250131-0001',
      jobDir: '/w/jobs/20250131-0001',
      stages: [
        { id: 'asr', status: 'ran', durationMs: 72_000, backend: 'faster-whisper', device: 'cpu', fellBackFrom: ['cuda'] },
        { id: 'vad', status: 'cached', durationMs: 3, backend: 'onnxruntime', device: 'cpu' },
        { id: 'transcript', status: 'ran', durationMs: 40, backend: 'in-process', device: 'cpu' },
        { id: 'translate-en', status: 'ran', durationMs: 9_000, backend: 'llm', device: 'cpu', metrics: { llmRequests: 3, llmPromptTokens: 2410, llmCompletionTokens: 612 } },
      ],
      outputs: { subtitles: {}, video: {} },
      speechFound: true,
    });
    expect(text).toContain('asr ran (1 min 12 s, faster-whisper on cpu after cuda failed), vad cached, transcript ran (40 ms), translate-en ran (9.0 s, llm on cpu, 2410 tokens in, 612 out)');
  });
});
