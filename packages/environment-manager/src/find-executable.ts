import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The absolute path of the first executable `name` on `env`'s PATH (or `name` itself when absolute), or
 * null. On Windows each PATHEXT extension is tried too (`ffmpeg` finds `ffmpeg.exe`), as the shell would.
 */
export async function findExecutable(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  // CXX=/usr/bin/clang++ names the program itself.
  if (path.isAbsolute(name)) return (await isExecutableFile(name)) ? name : null;
  const searchPath = platform === 'win32' ? (env.Path ?? env.PATH) : env.PATH;
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').toLowerCase().split(';')] : [''];
  for (const folder of (searchPath ?? '').split(path.delimiter)) {
    if (!folder) continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension);
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    // A folder is "executable" too (searchable); only a file is a program.
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
