import { BollyxError } from '@bollyx/errors';

const REBUILD = 'then run `bollyx engines build`';

function installHint(tools: readonly string[]): string {
  if (process.platform === 'win32') {
    return 'bollyx builds whisper.cpp with CMake and make: run it inside WSL2 (`wsl --install`, then install Node.js and bollyx in Ubuntu)';
  }
  if (process.platform === 'darwin') {
    return `install the Xcode command-line tools and CMake: \`xcode-select --install\` and \`brew install cmake\`, ${REBUILD}`;
  }
  return `install ${tools.join(', ')}: \`sudo apt-get install cmake make g++\` (Debian/Ubuntu) or \`sudo dnf install cmake make gcc-c++\` (Fedora), ${REBUILD}`;
}

/** A tool the whisper.cpp build needs (CMake, make, a C++ compiler) is not installed. */
export class EngineToolMissingError extends BollyxError {
  constructor(tools: readonly string[]) {
    super('ENGINE_TOOL_MISSING', `building whisper.cpp needs ${tools.join(', ')}, which ${tools.length === 1 ? 'is' : 'are'} not on PATH`, {
      hint: installHint(tools),
      details: { tools },
    });
  }
}

export interface EngineBuildFailure {
  step: 'configure' | 'compile';
  exitCode: number | undefined;
  logPath: string;
  /** The last lines of the build output, where the compiler or CMake says what went wrong. */
  lastLines: string[];
}

/** CMake could not configure or compile whisper.cpp; the full output is in the log. */
export class EngineBuildFailedError extends BollyxError {
  constructor(failure: EngineBuildFailure) {
    const firstError = failure.lastLines.find((line) => /error/i.test(line));
    super(
      'ENGINE_BUILD_FAILED',
      `whisper.cpp failed to ${failure.step} (exit code ${failure.exitCode ?? 'none'})${firstError ? `: ${firstError.trim()}` : ''}; the full log is ${failure.logPath}`,
      {
        hint: `read ${failure.logPath}, fix what it reports (a missing package or a compiler too old for C++17), then run \`bollyx engines build --force\` (from code: \`buildWhisperEngine({ force: true })\`)`,
        details: { ...failure },
      },
    );
  }
}

/** The pinned whisper.cpp source tree (from the nodejs-whisper package) is missing or unreadable. */
export class EngineSourceMissingError extends BollyxError {
  constructor(sourceDir: string, cause?: unknown) {
    super('ENGINE_SOURCE_MISSING', `the whisper.cpp source tree is missing or has no readable version: ${sourceDir}`, {
      hint: 'reinstall the dependencies (`npm ci`), which brings the pinned whisper.cpp source with nodejs-whisper, then run `bollyx engines build`',
      cause,
      details: { sourceDir },
    });
  }
}

/** The freshly built whisper-cli does not run or reports another version than the source it came from. */
export class EngineBinaryBrokenError extends BollyxError {
  constructor(binary: string, problem: string, cause?: unknown) {
    super('ENGINE_BINARY_BROKEN', `the built whisper-cli at ${binary} ${problem}`, {
      hint: 'run `bollyx engines build --force` (from code: `buildWhisperEngine({ force: true })`) to rebuild it from scratch; if it fails again, report the output of `bollyx hw`',
      cause,
      details: { binary },
    });
  }
}

/** whisper-cli's JSON output is not what this version of bollyx reads (another whisper.cpp, a cut-off file). */
export class EngineOutputInvalidError extends BollyxError {
  constructor(file: string, problem: string, cause?: unknown) {
    super('ENGINE_OUTPUT_INVALID', `whisper-cli's output ${file} is not readable: ${problem}`, {
      hint: 'run `bollyx engines build --force` (from code: `buildWhisperEngine({ force: true })`) so whisper-cli matches this bollyx, then run the job again',
      cause,
      details: { file },
    });
  }
}

/** The build was cancelled through its AbortSignal; the CMake build folder is kept and resumes next time. */
export class EngineBuildCancelledError extends BollyxError {
  constructor(buildDir: string, cause: unknown) {
    super('CANCELLED', `the whisper.cpp build was cancelled; its build folder ${buildDir} is kept`, {
      hint: 'run `bollyx engines build` (from code: `buildWhisperEngine()`) to finish it (compiled parts are reused)',
      cause,
      details: { buildDir },
    });
  }
}
