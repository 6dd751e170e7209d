import { describe, expect, it } from 'vitest';
import { withStopSignals } from './stop-signals';

const listeners = () => process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');

describe('withStopSignals', () => {
  it('aborts on the first stop signal and leaves the second to end the process', async () => {
    const before = listeners();
    const result = await withStopSignals(async (signal) => {
      expect(listeners()).toBe(before + 2);
      process.emit('SIGINT');
      expect(signal.aborted).toBe(true);
      // Nothing of ours listens any more: a second Ctrl-C gets Node's default, which exits.
      expect(listeners()).toBe(before);
      return 'stopped';
    });
    expect(result).toBe('stopped');
  });

  it('removes its listeners when the action ends', async () => {
    const before = listeners();
    await withStopSignals(async (signal) => expect(signal.aborted).toBe(false));
    expect(listeners()).toBe(before);
  });
});
