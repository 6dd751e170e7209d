import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCommand } from './install-command';
import { hostPackageManager } from './package-manager';

let dir: string;
const osRelease = async (name: string, text: string) => {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-os-release-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('hostPackageManager', () => {
  it('picks apt or dnf by the distribution family in os-release', async () => {
    const linux = async (text: string) => hostPackageManager({ platform: 'linux', osReleaseFile: await osRelease(`r${text.length}`, text) });
    expect(await linux('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe('apt');
    expect(await linux('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n')).toBe('apt');
    expect(await linux('NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('apt');
    expect(await linux('NAME="Fedora Linux"\nID=fedora\n')).toBe('dnf');
    expect(await linux('NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\n')).toBe('dnf');
    expect(await linux('NAME="Alpine Linux"\nID=alpine\n')).toBeNull();
    expect(await hostPackageManager({ platform: 'linux', osReleaseFile: path.join(dir, 'absent') })).toBeNull();
  });

  it('is Homebrew on macOS and winget on Windows', async () => {
    expect(await hostPackageManager({ platform: 'darwin' })).toBe('brew');
    expect(await hostPackageManager({ platform: 'win32' })).toBe('winget');
  });
});

describe('installCommand', () => {
  it('gives the exact line for each package manager', () => {
    expect(installCommand('ffmpeg', 'apt')).toBe('sudo apt-get install -y ffmpeg');
    expect(installCommand('ffmpeg', 'dnf')).toBe('sudo dnf install -y ffmpeg');
    expect(installCommand('ffmpeg', 'brew')).toBe('brew install ffmpeg');
    expect(installCommand('ffmpeg', 'winget')).toBe('winget install --id Gyan.FFmpeg -e');
    expect(installCommand('c++', 'dnf')).toBe('sudo dnf install -y gcc-c++');
    expect(installCommand('c++', 'brew')).toBe('xcode-select --install');
    expect(installCommand('python3', 'apt')).toBe('sudo apt-get install -y python3 python3-venv');
  });

  it('sends Windows builds to WSL2 and says what to install where no manager is known', () => {
    expect(installCommand('cmake', 'winget')).toContain('WSL2');
    expect(installCommand('ffmpeg', null)).toBe("install ffmpeg with your system's package manager");
    expect(installCommand('c++', null)).toBe("install a C++ compiler (g++ or clang++) with your system's package manager");
  });
});
