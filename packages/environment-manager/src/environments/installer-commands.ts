import { execa } from 'execa';
import { EnvironmentCreateFailedError } from './environment-errors';
import { subprocessOptions } from './subprocess-options';

export type Installer = 'uv' | 'pip';

/** Where packages come from: local wheel folders, PyPI (unless noIndex) and the variant's extra index. */
export interface PackageSources {
  findLinks: readonly string[];
  noIndex: boolean;
  indexUrl?: string;
}

export interface Command {
  command: string;
  args: string[];
}

/**
 * uv when asked for, or when it is on PATH and pip was not asked for; pip otherwise. Asking for uv
 * without it on PATH is an error rather than a silent fallback.
 */
export async function chooseInstaller(requested: Installer | undefined, name: string, env: NodeJS.ProcessEnv): Promise<Installer> {
  if (requested === 'pip') return 'pip';
  const uv = await execa('uv', ['--version'], { ...subprocessOptions(env), reject: false, timeout: 15_000 });
  if (!uv.failed) return 'uv';
  if (requested === 'uv') throw new EnvironmentCreateFailedError({ name, step: 'installer', problem: 'uv is not on PATH (or does not run)' });
  return 'pip';
}

export function venvCommand(installer: Installer, python: string, dir: string): Command {
  return installer === 'uv'
    ? { command: 'uv', args: ['venv', '--no-progress', '--python', python, dir] }
    : { command: python, args: ['-m', 'venv', dir] };
}

function sourceArgs(sources: PackageSources): string[] {
  return [
    ...(sources.noIndex ? ['--no-index'] : []),
    ...sources.findLinks.flatMap((dir) => ['--find-links', dir]),
    // Added to PyPI, not replacing it: the variant's index has torch builds, PyPI has everything else.
    ...(sources.indexUrl !== undefined && !sources.noIndex ? ['--extra-index-url', sources.indexUrl] : []),
  ];
}

export function installCommand(installer: Installer, venvPython: string, requirements: readonly string[], sources: PackageSources): Command {
  if (installer === 'uv') {
    // uv takes a package only from the first index that has it; PyTorch's index also carries numpy and
    // friends in other versions, so the pins need pip's behaviour: the best match across indexes.
    const strategy = sources.indexUrl !== undefined && !sources.noIndex ? ['--index-strategy', 'unsafe-best-match'] : [];
    return { command: 'uv', args: ['pip', 'install', '--no-progress', '--python', venvPython, ...sourceArgs(sources), ...strategy, ...requirements] };
  }
  return {
    command: venvPython,
    args: ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', ...sourceArgs(sources), ...requirements],
  };
}
