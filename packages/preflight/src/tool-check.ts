import { stat } from 'node:fs/promises';
import type { CheckDefinition } from './check-definition';
import { installCommand } from './install-command';
import { findExecutable } from '@bollyx/environment-manager';
import type { SystemTool } from './install-command';
import type { PackageManager } from './package-manager';
import { parseToolVersion, toolFirstLine, versionAtLeast } from './tool-version';

/** A program bollyx runs, how to ask its version, the oldest that works and why. */
export interface ToolRequirement {
  /** The check id is `tool:<id>`. */
  id: string;
  /** How messages name it: `ffmpeg`, `a C++ compiler`. */
  label: string;
  /** Program names to look for on PATH, the first found wins (`c++`, `g++`, `clang++`). */
  names: readonly string[];
  versionArgs: readonly string[];
  minimum?: { version: string; reason: string };
  why: string;
  install: SystemTool;
}

export interface ToolCheckContext {
  env: Readonly<Record<string, string | undefined>>;
  packageManager: PackageManager | null;
  signal?: AbortSignal;
}

async function locateFirst(names: readonly string[], env: ToolCheckContext['env']): Promise<string | null> {
  for (const name of names) {
    const found = await findExecutable(name, env);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The check that `requirement`'s program is on PATH, runs, and is recent enough. Its fingerprint is the
 * program's path, size and mtime, so an upgrade or a changed PATH checks again.
 */
export function toolCheck(requirement: ToolRequirement, context: ToolCheckContext): CheckDefinition {
  let located: Promise<string | null> | undefined;
  const locate = () => (located ??= locateFirst(requirement.names, context.env));
  const fix = installCommand(requirement.install, context.packageManager);
  return {
    id: `tool:${requirement.id}`,
    why: requirement.why,
    fingerprint: async () => {
      const file = await locate();
      if (file === null) return undefined;
      // stat follows links: replacing the program behind /usr/bin/ffmpeg changes this.
      const info = await stat(file);
      return { file, size: info.size, mtimeMs: info.mtimeMs };
    },
    check: async () => {
      const file = await locate();
      if (file === null) return { ok: false, what: `${requirement.label} is not on PATH`, fix };
      let firstLine: string;
      try {
        firstLine = await toolFirstLine(file, requirement.versionArgs, context.signal);
      } catch (error) {
        context.signal?.throwIfAborted();
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return { ok: false, what: `${file} does not run (${reason})`, fix };
      }
      const version = parseToolVersion(firstLine);
      const minimum = requirement.minimum;
      if (minimum && version !== null && !versionAtLeast(version, minimum.version)) {
        return {
          ok: false,
          what: `${requirement.names[0]} ${version} at ${file} is older than ${minimum.version}: ${minimum.reason}`,
          fix,
        };
      }
      // A version the first line does not state (ffmpeg built from git) is taken as recent.
      return { ok: true, what: `${requirement.names[0]} ${version ?? `(${firstLine})`} at ${file}` };
    },
  };
}
