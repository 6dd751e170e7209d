import type { PackageManager } from './package-manager';

/** The system tools preflight can name an install line for. */
export type SystemTool = 'ffmpeg' | 'cmake' | 'make' | 'c++' | 'python3';

// One line each, ready to paste. ffprobe ships in every ffmpeg package. whisper.cpp builds with CMake and
// make, which on Windows means WSL2 (as `bollyx engines build` says), so winget has no line for them.
const INSTALL_LINES: Readonly<Record<SystemTool, Readonly<Partial<Record<PackageManager, string>>>>> = {
  ffmpeg: {
    apt: 'sudo apt-get install -y ffmpeg',
    dnf: 'sudo dnf install -y ffmpeg',
    brew: 'brew install ffmpeg',
    winget: 'winget install --id Gyan.FFmpeg -e',
  },
  cmake: {
    apt: 'sudo apt-get install -y cmake',
    dnf: 'sudo dnf install -y cmake',
    brew: 'brew install cmake',
  },
  make: {
    apt: 'sudo apt-get install -y make',
    dnf: 'sudo dnf install -y make',
    brew: 'xcode-select --install',
  },
  'c++': {
    apt: 'sudo apt-get install -y g++',
    dnf: 'sudo dnf install -y gcc-c++',
    brew: 'xcode-select --install',
  },
  python3: {
    apt: 'sudo apt-get install -y python3 python3-venv',
    dnf: 'sudo dnf install -y python3',
    brew: 'brew install python@3.12',
    winget: 'winget install --id Python.Python.3.12 -e',
  },
};

const WSL_HINT = 'build whisper.cpp inside WSL2 (`wsl --install`, then install Node.js and bollyx in Ubuntu)';

/** The command that installs `tool` with `manager`, or what to do where bollyx knows no such line. */
export function installCommand(tool: SystemTool, manager: PackageManager | null): string {
  const line = manager === null ? undefined : INSTALL_LINES[tool][manager];
  if (line !== undefined) return line;
  if (manager === 'winget') return WSL_HINT;
  return `install ${tool === 'c++' ? 'a C++ compiler (g++ or clang++)' : tool} with your system's package manager`;
}
