import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  body: Buffer;
  /** On the first request for this file, send the headers and this many bytes, then cut the connection. */
  cutFirstResponseAfter?: number;
  /** Answer every request with the whole file (200), as servers without range support do. */
  ignoreRange?: boolean;
}

export interface LoopbackFileServer {
  /** Base URL, ending in a slash. */
  url: string;
  /** Every request seen, in order. */
  requests: { path: string; range: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) serving `files` by path, with `Range: bytes=<n>-` support,
 * 404 for anything else, and an optional connection cut: what model downloads meet in the wild. For tests.
 */
export async function startLoopbackFileServer(files: Record<string, ServedFile>): Promise<LoopbackFileServer> {
  const requests: LoopbackFileServer['requests'] = [];
  const cutDone = new Set<string>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://loopback').pathname);
    requests.push({ path, range: request.headers.range });
    const file = files[path];
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const total = file.body.length;
    const rangeStart = file.ignoreRange ? undefined : /^bytes=(\d+)-$/.exec(request.headers.range ?? '')?.[1];
    let start = 0;
    if (rangeStart !== undefined) {
      start = Number(rangeStart);
      if (start >= total) {
        response.writeHead(416, { 'content-range': `bytes */${total}` }).end();
        return;
      }
      response.writeHead(206, { 'content-length': total - start, 'content-range': `bytes ${start}-${total - 1}/${total}` });
    } else {
      response.writeHead(200, { 'content-length': total, 'accept-ranges': file.ignoreRange ? 'none' : 'bytes' });
    }
    const rest = file.body.subarray(start);
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
