import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  /** Default: empty (a redirect needs none). */
  body?: Buffer;
  /** On the first request for this file, send the headers and this many bytes, then cut the connection. */
  cutFirstResponseAfter?: number;
  /** Answer every request with the whole file (200), as servers without range support do. */
  ignoreRange?: boolean;
  /** Extra response headers (ETag, X-Repo-Commit, …), sent with every answer for this path. */
  headers?: Record<string, string>;
  /** Answer 302 with this Location instead of the body (a hub redirecting a large file to its CDN). */
  redirect?: string;
  /** The exact Authorization header required: 401 without one, 403 with another (a gated repository). */
  authorization?: string;
}

export interface LoopbackFileServer {
  /** Base URL, ending in a slash. */
  url: string;
  /** Every request seen, in order. */
  requests: { method: string; path: string; range: string | undefined; authorization: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) serving `files` by path (GET and HEAD), with `Range: bytes=<n>-`
 * support, 404 for anything else, and optional connection cuts, redirects, extra headers and required
 * authorization: what model downloads meet in the wild. For tests.
 */
export async function startLoopbackFileServer(files: Record<string, ServedFile>): Promise<LoopbackFileServer> {
  const requests: LoopbackFileServer['requests'] = [];
  const cutDone = new Set<string>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://loopback').pathname);
    const method = request.method ?? 'GET';
    requests.push({ method, path, range: request.headers.range, authorization: request.headers.authorization });
    const file = files[path];
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (file.authorization !== undefined && request.headers.authorization !== file.authorization) {
      response.writeHead(request.headers.authorization === undefined ? 401 : 403, { 'content-type': 'text/plain' }).end('access denied');
      return;
    }
    if (file.redirect !== undefined) {
      response.writeHead(302, { ...file.headers, location: file.redirect }).end();
      return;
    }
    const body = file.body ?? Buffer.alloc(0);
    const total = body.length;
    const rangeStart = file.ignoreRange ? undefined : /^bytes=(\d+)-$/.exec(request.headers.range ?? '')?.[1];
    let start = 0;
    if (rangeStart !== undefined) {
      start = Number(rangeStart);
      if (start >= total) {
        response.writeHead(416, { 'content-range': `bytes */${total}` }).end();
        return;
      }
      response.writeHead(206, { ...file.headers, 'content-length': total - start, 'content-range': `bytes ${start}-${total - 1}/${total}` });
    } else {
      response.writeHead(200, { ...file.headers, 'content-length': total, 'accept-ranges': file.ignoreRange ? 'none' : 'bytes' });
    }
    if (method === 'HEAD') {
      response.end();
      return;
    }
    const rest = body.subarray(start);
    if (file.cutFirstResponseAfter !== undefined && !cutDone.has(path)) {
      cutDone.add(path);
      response.write(rest.subarray(0, file.cutFirstResponseAfter), () => response.socket?.destroy());
      return;
    }
    response.end(rest);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
