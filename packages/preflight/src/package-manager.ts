import { readFile } from 'node:fs/promises';

/** The package managers bollyx names in its install lines. */
export type PackageManager = 'apt' | 'dnf' | 'brew' | 'winget';

export interface HostOptions {
  platform?: NodeJS.Platform;
  /** Where Linux describes its distribution; default /etc/os-release. */
  osReleaseFile?: string;
}

/** `ID` and `ID_LIKE` of an os-release file, lower-cased: `debian`, `ubuntu debian`, `rhel centos fedora`. */
function distributionIds(osRelease: string): string[] {
  const ids: string[] = [];
  for (const line of osRelease.split('\n')) {
    const match = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
    if (match) ids.push(...match[2]!.replace(/^["']|["']$/g, '').toLowerCase().split(/\s+/));
  }
  return ids;
}

/**
 * The package manager this machine installs system tools with: Homebrew on macOS, winget on Windows, and
 * on Linux apt or dnf by the distribution family in /etc/os-release; null where none of these fits.
 */
export async function hostPackageManager(options: HostOptions = {}): Promise<PackageManager | null> {
  const platform = options.platform ?? process.platform;
  if (platform === 'darwin') return 'brew';
  if (platform === 'win32') return 'winget';
  if (platform !== 'linux') return null;
  const osRelease = await readFile(options.osReleaseFile ?? '/etc/os-release', 'utf8').catch(() => '');
  const ids = distributionIds(osRelease);
  if (ids.some((id) => id === 'debian' || id === 'ubuntu')) return 'apt';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'dnf';
  return null;
}
