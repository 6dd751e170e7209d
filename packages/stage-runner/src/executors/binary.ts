import type { BinaryExecutor } from './executor';

/** A stage that runs an executable with an argument array (never a shell string). */
export function binary(options: Omit<BinaryExecutor, 'kind'>): BinaryExecutor {
  return { kind: 'binary', ...options };
}
