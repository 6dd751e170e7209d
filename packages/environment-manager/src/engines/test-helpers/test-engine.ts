import { ensureWhisperEngine } from '../ensure-whisper-engine';
import type { EngineRecord } from '../engine-record';

/**
 * This machine's whisper.cpp engine in the default engines folder (BOLLYX_ENGINES_DIR, else the user
 * cache, which CI keeps between runs): built on first use, with progress every 10% on stderr.
 */
export async function testEngine(): Promise<EngineRecord> {
  let lastReported = '';
  return ensureWhisperEngine({
    onProgress: ({ phase, percent, message }) => {
      const step = `${phase} ${Math.floor(percent / 10) * 10}%`;
      if (step === lastReported) return;
      lastReported = step;
      process.stderr.write(`whisper.cpp engine: ${step} ${message}\n`);
    },
  });
}
