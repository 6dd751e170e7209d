import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { CheckDefinition, CheckOutcome } from './check-definition';
import { nearestExisting } from './nearest-existing';

/** Whether jobs can be written in `workspace`: it is a writable folder, or one can be created there. */
export async function assessWorkspace(workspace: string): Promise<CheckOutcome> {
  const folder = path.resolve(workspace);
  const existing = await nearestExisting(folder);
  const fix = `run with --workspace DIR (or set BOLLYX_WORKSPACE) to a folder you can write, or fix the permissions of ${existing.path}`;
  if (!existing.stats?.isDirectory()) return { ok: false, what: `${existing.path} is in the way of the workspace ${folder}: it is not a folder`, fix };
  const writable = await access(existing.path, constants.W_OK).then(() => true, () => false);
  if (!writable) return { ok: false, what: `${existing.path} is not writable, so the workspace ${folder} cannot hold jobs`, fix };
  return { ok: true, what: existing.path === folder ? `workspace ${folder}` : `workspace ${folder} (created on first use)` };
}

/** The workspace can hold jobs. Cheap (a few stats), so never cached. */
export function workspaceCheck(workspace: string): CheckDefinition {
  return {
    id: 'workspace',
    why: 'every job is a folder in the workspace',
    check: () => assessWorkspace(workspace),
  };
}
