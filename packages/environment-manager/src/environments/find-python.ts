import { PythonNotFoundError } from './environment-errors';
import type { PythonCandidateProblem } from './environment-errors';
import { inspectPython } from './python-interpreter';
import { satisfiesPythonRange, suggestedPythonMinor } from './python-version-range';

interface Candidate {
  label: string;
  command: string;
  args: string[];
}

function candidates(env: NodeJS.ProcessEnv): Candidate[] {
  const plain = (command: string): Candidate => ({ label: command, command, args: [] });
  return [
    ...(env.BOLLYX_PYTHON ? [{ label: `BOLLYX_PYTHON=${env.BOLLYX_PYTHON}`, command: env.BOLLYX_PYTHON, args: [] }] : []),
    ...['python3.12', 'python3.11', 'python3.10', 'python3.9', 'python3', 'python'].map(plain),
    ...(process.platform === 'win32' ? [{ label: 'py -3', command: 'py', args: ['-3'] }] : []),
  ];
}

/** Why `facts` do not fit, or null when they do. */
function unfit(facts: { version: string; venv: boolean }, range: string): Omit<PythonCandidateProblem, 'candidate'> | null {
  if (!satisfiesPythonRange(facts.version, range)) return { problem: `Python ${facts.version}, outside ${range}`, version: facts.version };
  if (!facts.venv) return { problem: `Python ${facts.version} without the venv module`, version: facts.version, venvMissing: true };
  return null;
}

/**
 * The first interpreter that satisfies `range` and can make a venv, trying in order `BOLLYX_PYTHON`,
 * python3.12 … python3.9, python3, python (and `py -3` on Windows). Returns its real path (not a shim) and
 * version; throws PythonNotFoundError listing every candidate and why it did not fit.
 */
export async function findPython(range: string, options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {}): Promise<{ path: string; version: string }> {
  const env = options.env ?? process.env;
  const tried: PythonCandidateProblem[] = [];
  for (const candidate of candidates(env)) {
    options.signal?.throwIfAborted();
    try {
      const facts = await inspectPython(candidate.command, candidate.args, { env, signal: options.signal });
      const problem = unfit(facts, range);
      if (problem === null) return { path: facts.executable, version: facts.version };
      tried.push({ candidate: candidate.label, ...problem });
    } catch (error) {
      options.signal?.throwIfAborted();
      tried.push({ candidate: candidate.label, problem: (error as Error).message });
    }
  }
  throw new PythonNotFoundError(range, tried, suggestedPythonMinor(range));
}

/** The facts of the interpreter the caller chose, or PythonNotFoundError saying why it does not fit. */
export async function checkChosenPython(
  python: string,
  range: string,
  options: { env: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<{ path: string; version: string }> {
  let problem: Omit<PythonCandidateProblem, 'candidate'> | null;
  try {
    const facts = await inspectPython(python, [], options);
    problem = unfit(facts, range);
    if (problem === null) return { path: facts.executable, version: facts.version };
  } catch (error) {
    options.signal?.throwIfAborted();
    problem = { problem: (error as Error).message };
  }
  throw new PythonNotFoundError(range, [{ candidate: python, ...problem }], suggestedPythonMinor(range));
}
