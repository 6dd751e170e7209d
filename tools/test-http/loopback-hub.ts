import { createHash } from 'node:crypto';
import { startLoopbackFileServer, type LoopbackFileServer, type ServedFile } from './loopback-file-server';

export interface HubRepoFixture {
  /** owner/name */
  repo: string;
  /** The branch the API resolves; default main. */
  revision?: string;
  /** 40 hex digits. */
  commit: string;
  /** The files of the commit by path. */
  files: Record<string, Buffer>;
  /** Paths kept in Git LFS: their resolve URL redirects to the CDN, with X-Linked-Etag (sha256) and X-Linked-Size. */
  lfs: string[];
  /** A gated repository: resolve URLs answer 401 without `Authorization: Bearer <token>`, 403 with another. */
  token?: string;
  /** Bytes the CDN serves instead of an LFS file's own (a corrupt or mismatched mirror), by path. */
  cdnServes?: Record<string, Buffer>;
  /** Cut the CDN's first response for these LFS paths after this many bytes. */
  cutFirstResponseAfter?: Record<string, number>;
}

export interface LoopbackHub {
  /** The hub's base URL without a trailing slash: what HF_ENDPOINT is set to. */
  endpoint: string;
  hub: LoopbackFileServer;
  /** A second server (another origin), as huggingface.co's CDN is. */
  cdn: LoopbackFileServer;
  close(): Promise<void>;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** git's blob id: sha1 over `blob <size>\0` and the bytes, what the hub gives as a small file's ETag. */
export function gitBlobSha1(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Real HTTP servers on 127.0.0.1 that answer like the Hugging Face hub for the given repositories:
 * `GET /api/models/{repo}/revision/{revision|commit}` (commit and siblings, with `?blobs=true` metadata),
 * and `/{repo}/resolve/{revision|commit}/{path}` for GET and HEAD: a small file directly with its git blob
 * sha1 as ETag, an LFS file as a 302 to the CDN server; every answer carries X-Repo-Commit. Range requests
 * are honoured. For tests.
 */
export async function startLoopbackHub(repos: HubRepoFixture[]): Promise<LoopbackHub> {
  const cdnFiles: Record<string, ServedFile> = {};
  for (const repo of repos) {
    for (const file of repo.lfs) {
      const body = repo.files[file];
      if (body === undefined) throw new Error(`LFS path ${file} is not among the files of ${repo.repo}`);
      cdnFiles[`/cdn/${sha256Hex(body)}`] = {
        body: repo.cdnServes?.[file] ?? body,
        ...(repo.cutFirstResponseAfter?.[file] === undefined ? {} : { cutFirstResponseAfter: repo.cutFirstResponseAfter[file] }),
      };
    }
  }
  const cdn = await startLoopbackFileServer(cdnFiles);

  const hubFiles: Record<string, ServedFile> = {};
  for (const repo of repos) {
    const commitHeader = { 'x-repo-commit': repo.commit };
    const siblings = Object.entries(repo.files).map(([path, body]) =>
      repo.lfs.includes(path)
        ? { rfilename: path, size: body.length, blobId: gitBlobSha1(body), lfs: { sha256: sha256Hex(body), size: body.length, pointerSize: 134 } }
        : { rfilename: path, size: body.length, blobId: gitBlobSha1(body) },
    );
    const info = Buffer.from(JSON.stringify({ id: repo.repo, sha: repo.commit, siblings }));
    for (const revision of [repo.revision ?? 'main', repo.commit]) {
      hubFiles[`/api/models/${repo.repo}/revision/${revision}`] = { body: info, headers: { 'content-type': 'application/json' } };
      for (const [path, body] of Object.entries(repo.files)) {
        const auth = repo.token === undefined ? {} : { authorization: `Bearer ${repo.token}` };
        hubFiles[`/${repo.repo}/resolve/${revision}/${path}`] = repo.lfs.includes(path)
          ? {
              redirect: `${cdn.url}cdn/${sha256Hex(body)}`,
              headers: { ...commitHeader, 'x-linked-etag': `"${sha256Hex(body)}"`, 'x-linked-size': String(body.length), etag: `"${gitBlobSha1(body)}"` },
              ...auth,
            }
          : { body, headers: { ...commitHeader, etag: `"${gitBlobSha1(body)}"` }, ...auth };
      }
    }
  }
  const hub = await startLoopbackFileServer(hubFiles);
  return {
    endpoint: hub.url.replace(/\/$/, ''),
    hub,
    cdn,
    close: async () => {
      await Promise.all([hub.close(), cdn.close()]);
    },
  };
}
