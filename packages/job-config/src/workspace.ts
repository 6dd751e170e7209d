import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { fileSystemError } from '@bollyx/errors';
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

/**
 * Creates the workspace's jobs folder if needed and checks that jobs can be written there (a read-only
 * mount lets mkdir of an existing folder pass), turning file-system refusals into one clear error.
 */
export async function ensureJobsDir(workspace: string): Promise<string> {
  const dir = jobsDirOf(workspace);
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return dir;
  } catch (error) {
    const refused = fileSystemError(error, { path: dir });
    if (refused === undefined) throw error;
    // A full disk is its own error; anything else makes the folder unusable as a workspace.
    throw refused.code === 'DISK_FULL' ? refused : new WorkspaceInvalidError(workspace, refused.reason, error);
  }
}
