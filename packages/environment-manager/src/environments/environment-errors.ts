import { BollyxError } from '@bollyx/errors';
import { currentPlatform } from './current-platform';
import type { EnvironmentStatus } from './environment-status';

/** No spec by that name, or no spec serves that stage family. */
export class EnvironmentUnknownError extends BollyxError {
  constructor(nameOrFamily: string, known: readonly string[], kind: 'name' | 'family' = 'name') {
    super(
      'ENVIRONMENT_UNKNOWN',
      kind === 'name'
        ? `unknown environment "${nameOrFamily}"; known environments: ${known.join(', ') || 'none'}`
        : `no environment serves the stage family "${nameOrFamily}"; the specs serve: ${known.join(', ') || 'nothing'}`,
      { hint: 'run `bollyx env list` for the environments bollyx knows', details: { [kind === 'name' ? 'name' : 'family']: nameOrFamily, known } },
    );
  }
}

/** A spec file does not parse or breaks the spec schema. */
export class EnvironmentSpecInvalidError extends BollyxError {
  constructor(file: string, problem: string, cause?: unknown) {
    super('ENVIRONMENT_SPEC_INVALID', `the environment spec ${file} is invalid: ${problem}`, {
      hint: `fix ${file} (or point BOLLYX_ENV_SPECS_DIR at a folder of valid specs), then run the command again`,
      cause,
      details: { file, problem },
    });
  }
}

/** The environment was never created (or its folder has no record). */
export class EnvironmentMissingError extends BollyxError {
  constructor(status: EnvironmentStatus) {
    super('ENVIRONMENT_MISSING', `the Python environment ${status.name} is not created: ${status.reason}`, {
      hint: `run \`${status.fix ?? `bollyx env create ${status.name}`}\` (from code: \`createEnvironment('${status.name}')\`)`,
      details: { name: status.name },
    });
  }
}

/** The environment no longer matches its spec or the Python it was made with. */
export class EnvironmentStaleError extends BollyxError {
  constructor(status: EnvironmentStatus) {
    super('ENVIRONMENT_STALE', `the Python environment ${status.name} is out of date: ${status.reason}`, {
      hint: `run \`${status.fix ?? `bollyx env create ${status.name}`}\` to rebuild it (from code: \`createEnvironment('${status.name}')\`)`,
      details: { name: status.name },
    });
  }
}

/** A file the environment needs is gone, or a probe does not import. */
export class EnvironmentBrokenError extends BollyxError {
  constructor(status: EnvironmentStatus) {
    super('ENVIRONMENT_BROKEN', `the Python environment ${status.name} is broken: ${status.reason}`, {
      hint: `run \`${status.fix ?? `bollyx env create ${status.name} --force`}\` to rebuild it (from code: \`createEnvironment('${status.name}', { force: true })\`)`,
      details: { name: status.name },
    });
  }
}

/** The spec limits the environment to platforms this machine is not. */
export class EnvironmentUnsupportedError extends BollyxError {
  constructor(name: string, platform: string, platforms: readonly string[]) {
    super('ENVIRONMENT_UNSUPPORTED', `the Python environment ${name} runs on ${platforms.join(', ')} only; this machine is ${platform}`, {
      hint: `use a backend that another environment serves on ${platform} (\`bollyx env list\`), or run on ${platforms.join(' or ')}`,
      details: { name, platform, platforms },
    });
  }
}

/** The typed error a status that is not ok stands for: what `resolveInterpreter` throws. */
export function environmentError(status: EnvironmentStatus): BollyxError | undefined {
  switch (status.state) {
    case 'ok':
      return undefined;
    case 'missing':
      return new EnvironmentMissingError(status);
    case 'stale':
      return new EnvironmentStaleError(status);
    case 'broken':
      return new EnvironmentBrokenError(status);
    case 'unsupported':
      return new EnvironmentUnsupportedError(status.name, currentPlatform(), status.spec.platforms ?? []);
  }
}

export interface PythonCandidateProblem {
  /** The command tried, e.g. `python3.11` or `py -3`. */
  candidate: string;
  problem: string;
  /** Its version, when it ran. */
  version?: string;
  /** True when it is in range but cannot make a venv (Debian's python3 without python3-venv). */
  venvMissing?: boolean;
}

function pythonInstallHint(range: string, minor: string | undefined, venvMissing: PythonCandidateProblem | undefined): string {
  const override = 'or set BOLLYX_PYTHON to an interpreter that fits';
  if (venvMissing !== undefined) {
    const versioned = venvMissing.version ? ` (or python${venvMissing.version.split('.').slice(0, 2).join('.')}-venv)` : '';
    return `install the venv module: \`sudo apt-get install python3-venv\`${versioned}, ${override}`;
  }
  const version = minor ?? '3.11';
  if (process.platform === 'darwin') return `install Python ${range}: \`brew install python@${version}\`, ${override}`;
  if (process.platform === 'win32') return `install Python ${range}: \`winget install Python.Python.${version}\`, ${override}`;
  return `install Python ${range}: \`sudo apt-get install python3 python3-venv\` (Debian/Ubuntu, if its python3 fits) or \`sudo dnf install python${version}\` (Fedora), or \`brew install python@${version}\`, ${override}`;
}

/** No interpreter on this machine satisfies the spec's Python range with a working venv module. */
export class PythonNotFoundError extends BollyxError {
  constructor(range: string, tried: readonly PythonCandidateProblem[], suggestedMinor: string | undefined) {
    const venvMissing = tried.find((candidate) => candidate.venvMissing);
    super(
      'PYTHON_NOT_FOUND',
      `no Python ${range} with a working venv module found; tried ${tried.map((candidate) => `${candidate.candidate} (${candidate.problem})`).join(', ')}`,
      { hint: pythonInstallHint(range, suggestedMinor, venvMissing), details: { range, tried } },
    );
  }
}

export interface EnvironmentCreateFailure {
  name: string;
  step: 'installer' | 'venv' | 'install' | 'probe' | 'swap';
  problem: string;
  /** The last lines the failing command printed. */
  lastLines?: string[];
  /** True when installing from local wheels only (--no-index). */
  offline?: boolean;
  cause?: unknown;
}

function createFailedHint(failure: EnvironmentCreateFailure): string {
  const retry = `bollyx env create ${failure.name}`;
  if (failure.step === 'installer') return `install uv, or run \`${retry} --installer pip\``;
  if (failure.step === 'install' && failure.offline) {
    return `put every requirement and its dependencies as wheels in the --find-links folder (\`pip download -d DIR REQUIREMENT\` on a machine with network), then run \`${retry} --find-links DIR --no-index\``;
  }
  if (failure.step === 'install') return `check the network (or the index the spec names) and the output above, then run \`${retry}\``;
  if (failure.step === 'swap') return `stop what runs in the environment (a stage, a shell that activated it), then run \`${retry} --force\``;
  return `read the output above, fix the spec or the Python it names, then run \`${retry} --force\``;
}

/** Creating the venv, installing the requirements or the import probes failed; any previous environment is untouched. */
export class EnvironmentCreateFailedError extends BollyxError {
  constructor(failure: EnvironmentCreateFailure) {
    const firstError = failure.lastLines?.find((line) => /^ERROR|error:/i.test(line.trim()));
    super('ENVIRONMENT_CREATE_FAILED', `creating the Python environment ${failure.name} failed at ${failure.step}: ${firstError?.trim() ?? failure.problem}`, {
      hint: createFailedHint(failure),
      cause: failure.cause,
      details: { name: failure.name, step: failure.step, problem: failure.problem, lastLines: failure.lastLines ?? [] },
    });
  }
}

/** Creation was cancelled through its AbortSignal; the partial environment was removed, any previous one is untouched. */
export class EnvironmentCreateCancelledError extends BollyxError {
  constructor(name: string, cause: unknown) {
    super('CANCELLED', `creating the Python environment ${name} was cancelled; nothing was changed`, {
      hint: `run \`bollyx env create ${name}\` again`,
      cause,
      details: { name },
    });
  }
}
