import { ETAG_PATTERN } from './hub-digest';
import { HubResponseInvalidError } from './hub-errors';
import { failForStatus, hubRequest, type HubSession } from './hub-session';

/** What the hub says about one file of a commit, and where its bytes are. */
export interface HubFileMetadata {
  path: string;
  /** sha256 for an LFS file, git blob sha1 otherwise: the blob's name in the cache and its digest. */
  etag: string;
  size: number;
  /** The CDN location an LFS file redirects to, else the resolve URL itself. */
  downloadUrl: string;
}

const MAX_RELATIVE_REDIRECTS = 5;

/** The URL of a file of a commit on the hub; each path segment is escaped, the slashes kept. */
function resolveUrl(session: HubSession, commit: string, file: string): string {
  return `${session.endpoint}/${session.entry.repo}/resolve/${commit}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * `HEAD {endpoint}/{repo}/resolve/{commit}/{path}` as huggingface_hub's get_hf_file_metadata sends it:
 * uncompressed (so Content-Length is the real size), following relative redirects (a renamed repository)
 * but not the absolute one to the CDN, whose Location is where the bytes are. The etag is X-Linked-Etag
 * (an LFS file's sha256) or ETag, the size X-Linked-Size or Content-Length, and X-Repo-Commit must be the
 * commit asked for.
 */
export async function fetchFileMetadata(session: HubSession, commit: string, file: string): Promise<HubFileMetadata> {
  const model = session.entry.name;
  let url = resolveUrl(session, commit, file);
  for (let redirects = 0; ; redirects += 1) {
    const response = await hubRequest(session, url, { method: 'HEAD', redirect: 'manual', headers: { 'accept-encoding': 'identity' } });
    await response.body?.cancel();
    const location = response.headers.get('location');
    const redirected = response.status >= 300 && response.status < 400 && location !== null;
    if (redirected && !URL.canParse(location)) {
      if (redirects >= MAX_RELATIVE_REDIRECTS) throw new HubResponseInvalidError(model, url, 'too many redirects');
      url = new URL(location, url).href;
      continue;
    }
    if (!redirected && !response.ok) await failForStatus(session, response, url, file);

    const headers = response.headers;
    const etag = (headers.get('x-linked-etag') ?? headers.get('etag'))?.replace(/^W\//, '').replace(/"/g, '');
    const size = Number(headers.get('x-linked-size') ?? headers.get('content-length') ?? Number.NaN);
    const repoCommit = headers.get('x-repo-commit');
    if (repoCommit !== commit) {
      throw new HubResponseInvalidError(model, url, repoCommit === null ? 'no X-Repo-Commit header' : `X-Repo-Commit is ${repoCommit}, not ${commit}`);
    }
    if (etag === undefined || !ETAG_PATTERN.test(etag)) throw new HubResponseInvalidError(model, url, `the ETag "${etag ?? ''}" is neither a sha256 nor a git sha1`);
    if (!Number.isSafeInteger(size) || size < 0) throw new HubResponseInvalidError(model, url, 'no file size (X-Linked-Size or Content-Length)');
    return { path: file, etag, size, downloadUrl: redirected ? location : url };
  }
}
