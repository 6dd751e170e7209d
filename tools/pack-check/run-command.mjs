// Child processes for the pack checks: argument arrays, never a shell string.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs `command` and resolves with its stdout; a non-zero exit rejects with its stdout and stderr in the message. */
export async function capture(command, args, options = {}) {
  try {
    return (await execFileAsync(command, args, { ...options, maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}

/** Runs `command` with its output streamed to ours (a program whose output is the point); a non-zero exit rejects. */
export function stream(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}
