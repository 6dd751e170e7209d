import { execa } from 'execa';
import { EngineBinaryBrokenError } from './engine-errors';

/** The version a whisper-cli binary reports (`whisper.cpp version: 1.9.1`); throws when it does not run. */
export async function engineBinaryVersion(binary: string): Promise<string> {
  const { stdout } = await execa(binary, ['--version'], { timeout: 10_000, stdin: 'ignore' });
  const version = /whisper\.cpp version:\s*(\S+)/.exec(stdout)?.[1];
  if (version === undefined) throw new Error(`unexpected --version output: ${stdout.slice(0, 200)}`);
  return version;
}

/** Checks a freshly built binary runs and reports `expected`, the version of the source it came from. */
export async function expectEngineBinaryVersion(binary: string, expected: string): Promise<void> {
  const version = await engineBinaryVersion(binary).catch((error: unknown) => {
    throw new EngineBinaryBrokenError(binary, 'does not run', error);
  });
  if (version !== expected) throw new EngineBinaryBrokenError(binary, `reports version ${version}, expected ${expected}`);
}
