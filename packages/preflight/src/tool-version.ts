import { execa } from 'execa';

/**
 * The version a tool's first output line states (`ffmpeg version 5.1.6-0+deb12u1`, `cmake version
 * 3.25.1`, `g++ (Debian 12.2.0-14) 12.2.0`, `Python 3.11.2`, `ffmpeg version n7.0`). ffmpeg built from
 * git says `N-112233-g…` or `git-2024-…`: newer than any release, so it reads as null ("unknown, recent").
 */
export function parseToolVersion(firstLine: string): string | null {
  const stated = /\bversion\s+n?(\d+(?:\.\d+)+)/i.exec(firstLine) ?? /\b(\d+(?:\.\d+)+)/.exec(firstLine);
  return stated?.[1] ?? null;
}

/** A version as its numbers: `5.1.6` → [5, 1, 6]. */
function versionNumbers(version: string): readonly number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/** True when `version` is `minimum` or later, comparing number by number (`4.10` > `4.2`). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const have = versionNumbers(version);
  const need = versionNumbers(minimum);
  for (let index = 0; index < Math.max(have.length, need.length); index += 1) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** Runs `file args` and returns the first line it prints (stdout, else stderr); throws when it does not run. */
export async function toolFirstLine(file: string, args: readonly string[], signal?: AbortSignal): Promise<string> {
  const { stdout, stderr } = await execa(file, args, { timeout: 10_000, stdin: 'ignore', cancelSignal: signal });
  return ((stdout || stderr).split('\n')[0] ?? '').trim();
}
