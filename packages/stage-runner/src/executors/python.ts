import type { PythonExecutor } from './executor';

/**
 * A stage that runs a Python script with the interpreter of the stage's `environment`, found through the
 * runner's `resolveInterpreter` option.
 */
export function python(options: Omit<PythonExecutor, 'kind'>): PythonExecutor {
  return { kind: 'python', ...options };
}
