import path from 'node:path';
import { execa } from 'execa';
import { subprocessOptions } from './subprocess-options';

/** Where a venv keeps its interpreter. */
export function venvInterpreter(envDir: string): string {
  return process.platform === 'win32' ? path.join(envDir, 'Scripts', 'python.exe') : path.join(envDir, 'bin', 'python');
}

export interface PythonFacts {
  version: string;
  /** The interpreter's own absolute path (a pyenv shim or a `py` launcher resolves to the real one). */
  executable: string;
  /** `python -m venv` can work: the venv and ensurepip modules import (Debian splits them into python3-venv). */
  venv: boolean;
}

const INSPECT = `
import json, platform, sys
try:
    import venv, ensurepip
    usable = True
except ImportError:
    usable = False
print(json.dumps({"version": platform.python_version(), "executable": sys.executable, "venv": usable}))
`;

// Long enough for a pyenv shim or a cold start on a busy machine; short enough that a hung candidate is skipped.
const INSPECT_TIMEOUT_MS = 15_000;

/** Runs `command args -c …` and reads what Python it is; throws an Error saying why it is not a usable Python. */
export async function inspectPython(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<PythonFacts> {
  const result = await execa(command, [...args, '-c', INSPECT], {
    ...subprocessOptions(options.env),
    reject: false,
    timeout: INSPECT_TIMEOUT_MS,
    cancelSignal: options.signal,
  });
  if (result.isCanceled) throw options.signal?.reason ?? new Error('cancelled');
  if (result.code === 'ENOENT') throw new Error('not found');
  if (result.timedOut) throw new Error(`no answer in ${INSPECT_TIMEOUT_MS / 1000} s`);
  if (result.failed) {
    const lastLine = result.stderr.trim().split('\n').at(-1);
    throw new Error(`exits ${result.exitCode ?? result.signal}${lastLine ? `: ${lastLine}` : ''}`);
  }
  try {
    const facts = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as PythonFacts;
    if (typeof facts.version !== 'string' || typeof facts.executable !== 'string' || facts.executable === '') throw new Error();
    return facts;
  } catch {
    throw new Error('does not say which Python it is');
  }
}
