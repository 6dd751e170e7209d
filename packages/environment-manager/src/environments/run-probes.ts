import { execa } from 'execa';
import { subprocessOptions } from './subprocess-options';

export interface ProbeResult {
  /** The environment's sys.prefix as Python saw it. */
  prefix: string;
  /** Module → the file its import resolved to ('' for a built-in module, which has none). */
  files: Record<string, string>;
  /** Module → `ErrorType: message` for each that does not import. */
  failures: Record<string, string>;
}

// Imports each module named on the command line and says where it came from (a package's __init__.py,
// a namespace package's folder). Isolated (-I): PYTHONPATH and user site-packages cannot make a probe pass.
const PROBE = `
import importlib, importlib.util, json, sys
result = {"prefix": sys.prefix, "files": {}, "failures": {}}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec.origin not in (None, "built-in", "frozen") else None
        if origin is None and spec.submodule_search_locations:
            origin = list(spec.submodule_search_locations)[0]
        result["files"][name] = origin or ""
    except BaseException as error:
        result["failures"][name] = (type(error).__name__ + ": " + str(error)).strip()
sys.stdout.write("\\n" + json.dumps(result) + "\\n")
`;

// Importing torch or transformers cold takes seconds on a slow disk; a probe that hangs this long is broken.
const PROBE_TIMEOUT_MS = 300_000;

/** Imports `modules` with `interpreter`, isolated from the caller's PYTHONPATH. Throws when Python itself fails. */
export async function runProbes(
  interpreter: string,
  modules: readonly string[],
  options: { env: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<ProbeResult> {
  const result = await execa(interpreter, ['-I', '-c', PROBE, ...modules], {
    ...subprocessOptions(options.env),
    timeout: PROBE_TIMEOUT_MS,
    cancelSignal: options.signal,
  });
  // A module may print on import: the result is the last line.
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ProbeResult;
}

/** `import <module> fails: <error>` for each probe that did not import; empty when all did. */
export function probeFailureMessages(result: Pick<ProbeResult, 'failures'>): string[] {
  return Object.entries(result.failures).map(([probe, message]) => `import ${probe} fails: ${message}`);
}
