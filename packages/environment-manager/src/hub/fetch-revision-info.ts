import { z } from 'zod';
import { HubResponseInvalidError } from './hub-errors';
import { failForStatus, hubRequest, type HubSession } from './hub-session';
import { isSafeRepoPath } from './repo-path';

/** A file of a revision as the listing gives it; size and etag are there when the hub honours `?blobs=true`. */
export interface HubListedFile {
  path: string;
  size?: number;
  /** The LFS sha256, or the git blob sha1 of a file kept in git: what the file's ETag will be. */
  etag?: string;
}

export interface HubRevisionInfo {
  /** The request, named in errors about the listing. */
  url: string;
  commit: string;
  files: HubListedFile[];
}

const RevisionInfoSchema = z.object({
  sha: z.string().regex(/^[0-9a-f]{40}$/),
  siblings: z.array(
    z.object({
      rfilename: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      blobId: z.string().optional(),
      lfs: z.object({ sha256: z.string(), size: z.number().int().nonnegative() }).optional(),
    }),
  ),
});

/**
 * The commit a revision points to and its files: `GET {endpoint}/api/models/{repo}/revision/{revision}?blobs=true`,
 * as huggingface_hub's `model_info(files_metadata=True)` asks it.
 */
export async function fetchRevisionInfo(session: HubSession): Promise<HubRevisionInfo> {
  const { entry } = session;
  const url = `${session.endpoint}/api/models/${entry.repo}/revision/${encodeURIComponent(entry.revision)}?blobs=true`;
  // Followed like huggingface_hub's requests session does: the API redirects a renamed repository.
  const response = await hubRequest(session, url, { method: 'GET', redirect: 'follow', headers: { accept: 'application/json' } });
  if (!response.ok) await failForStatus(session, response, url);

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new HubResponseInvalidError(entry.name, url, 'the revision info is not JSON');
  }
  const parsed = RevisionInfoSchema.safeParse(json);
  if (!parsed.success) {
    throw new HubResponseInvalidError(entry.name, url, `the revision info lacks ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  }
  const files = parsed.data.siblings.map((sibling): HubListedFile => {
    if (!isSafeRepoPath(sibling.rfilename)) throw new HubResponseInvalidError(entry.name, url, `unsafe file path "${sibling.rfilename}"`);
    const size = sibling.lfs?.size ?? sibling.size;
    const etag = sibling.lfs?.sha256 ?? sibling.blobId;
    return { path: sibling.rfilename, ...(size === undefined ? {} : { size }), ...(etag === undefined ? {} : { etag }) };
  });
  return { url, commit: parsed.data.sha, files };
}
