import { describe, expect, it, vi } from 'vitest';
import { withStopSignals } from './stop-signals';

const listeners = () => process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');

describe('withStopSignals', () => {
  it('aborts on the first stop signal and ends the process on the second', async () => {
    const before = listeners();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const result = await withStopSignals(async (signal) => {
        expect(listeners()).toBe(before + 2);
        process.emit('SIGINT');
        expect(signal.aborted).toBe(true);
        expect(exit).not.toHaveBeenCalled();
        // Still listening while the cancelled work cleans up: with no handler, execa's exit hook would re-raise the signal.
        expect(listeners()).toBe(before + 2);
        process.emit('SIGTERM');
        expect(exit).toHaveBeenCalledWith(130);
        return 'stopped';
      });
      expect(result).toBe('stopped');
    } finally {
      exit.mockRestore();
    }
  });

  it('removes its listeners when the action ends', async () => {
    const before = listeners();
    await withStopSignals(async (signal) => expect(signal.aborted).toBe(false));
    expect(listeners()).toBe(before);
  });
});
