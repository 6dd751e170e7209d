import { stat } from 'node:fs/promises';
import { findExecutable, findPython } from '@bollyx/environment-manager';
import type { CheckDefinition } from './check-definition';
import { installCommand } from './install-command';
import type { PackageManager } from './package-manager';

export interface PythonCheckOptions {
  /** The Python version ranges of the environments the job needs (`>=3.9,<3.13`). */
  ranges: readonly string[];
  env: NodeJS.ProcessEnv;
  packageManager: PackageManager | null;
  signal?: AbortSignal;
}

/**
 * A Python that suits every needed environment's range is installed: environments are created from it.
 * The fingerprint is PATH and the python3 it finds, so installing another Python re-checks.
 */
export function pythonCheck(options: PythonCheckOptions): CheckDefinition {
  const { ranges, env } = options;
  return {
    id: 'tool:python',
    why: 'the Python backends run in environments created from a Python of a suitable version',
    fingerprint: async () => {
      const python3 = await findExecutable('python3', env);
      const info = python3 === null ? undefined : await stat(python3);
      return { path: env.PATH, python3, size: info?.size, mtimeMs: info?.mtimeMs, ranges };
    },
    check: async () => {
      const found: string[] = [];
      for (const range of new Set(ranges)) {
        try {
          const python = await findPython(range, { env, signal: options.signal });
          found.push(`Python ${python.version} at ${python.path}`);
        } catch (error) {
          options.signal?.throwIfAborted();
          const reason = error instanceof Error ? error.message : String(error);
          return { ok: false, what: `no Python ${range}: ${reason}`, fix: installCommand('python3', options.packageManager) };
        }
      }
      return { ok: true, what: [...new Set(found)].join('; ') };
    },
  };
}
