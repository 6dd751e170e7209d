import type { DeviceErrorClassifier, InProcessExecutor, StageContext } from './executor';

/** A stage that runs as a TypeScript function in this process; it must honour `ctx.signal`. */
export function inProcess(
  run: (ctx: StageContext) => Promise<void>,
  options: { isDeviceError?: DeviceErrorClassifier } = {},
): InProcessExecutor {
  return { kind: 'in-process', run, ...options };
}
