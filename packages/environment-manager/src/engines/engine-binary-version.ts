import { execa } from 'execa';

/** The version a whisper-cli binary reports (`whisper.cpp version: 1.9.1`); throws when it does not run. */
export async function engineBinaryVersion(binary: string): Promise<string> {
  const { stdout } = await execa(binary, ['--version'], { timeout: 10_000, stdin: 'ignore' });
  const version = /whisper\.cpp version:\s*(\S+)/.exec(stdout)?.[1];
  if (version === undefined) throw new Error(`unexpected --version output: ${stdout.slice(0, 200)}`);
  return version;
}
