import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

/** The absolute path of the first executable `name` in `searchPath`'s folders, or null. */
export async function findExecutable(name: string, searchPath: string | undefined): Promise<string | null> {
  if (path.isAbsolute(name)) return (await isExecutable(name)) ? name : null;
  for (const folder of (searchPath ?? '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    // A folder is "executable" too (searchable); only a file is a program.
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
