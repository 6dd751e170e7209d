import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { WorkspaceInvalidError } from './errors';

/** The workspace when neither `--workspace` nor `BOLLYX_WORKSPACE` names one, relative to the current folder. */
export const DEFAULT_WORKSPACE = 'bollyx-work';

export interface WorkspaceOptions {
  /** An explicit folder (`--workspace DIR`); wins over the environment. */
  workspace?: string;
  /** An environment (usually `process.env`) whose `BOLLYX_WORKSPACE` is read. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The workspace folder, absolute: the explicit one, else `BOLLYX_WORKSPACE`, else `./bollyx-work`. */
export function resolveWorkspace(options: WorkspaceOptions = {}): string {
  return path.resolve(options.workspace || options.env?.BOLLYX_WORKSPACE || DEFAULT_WORKSPACE);
}

/** The folder that holds a workspace's job folders. */
export const jobsDirOf = (workspace: string) => path.join(workspace, 'jobs');

/** Creates the workspace's jobs folder if needed, turning file-system refusals into one clear error. */
export async function ensureJobsDir(workspace: string): Promise<string> {
  const dir = jobsDirOf(workspace);
  try {
    await mkdir(dir, { recursive: true });
    return dir;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new WorkspaceInvalidError(workspace, 'a file is in the way of its jobs folder', error);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new WorkspaceInvalidError(workspace, 'it is not writable', error);
    throw error;
  }
}
