// Model cache: download throughput over loopback HTTP (fresh and resumed after a cut connection), the
// first verify of a large file (a full hash) against a repeat verify (answered from the size+mtime record).
// Run by hand after `npm run build`:
//   node bench/models.mjs [MiB]
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pullModel, verifyModel } from '@bollyx/environment-manager';

const mebibytes = Number(process.argv[2] ?? 256);
const size = mebibytes * 1024 * 1024;
const work = await mkdtemp(path.join(os.tmpdir(), 'bollyx-bench-models-'));
const source = path.join(work, 'source.bin');

// A file of random 1 MiB blocks, hashed as it is written, served with Range support.
const hash = createHash('sha256');
const block = randomBytes(1024 * 1024);
const blocks = [];
for (let i = 0; i < mebibytes; i += 1) {
  block[0] = i & 0xff;
  hash.update(block);
  blocks.push(Buffer.from(block));
}
await writeFile(source, Buffer.concat(blocks));
blocks.length = 0;
const sha256 = hash.digest('hex');

let cutNext = false;
const server = createServer((request, response) => {
  const start = Number(/^bytes=(\d+)-$/.exec(request.headers.range ?? '')?.[1] ?? 0);
  const headers = { 'content-length': size - start };
  if (start > 0) response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${size - 1}/${size}` });
  else response.writeHead(200, headers);
  const stream = createReadStream(source, { start });
  if (cutNext) {
    cutNext = false;
    let sent = 0;
    stream.on('data', (chunk) => {
      sent += chunk.length;
      if (sent >= size / 2) response.socket.destroy();
    });
  }
  stream.pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/ggml-bench.bin`;
const registry = [
  { name: 'bench', kind: 'whisper-ggml', file: 'ggml-bench.bin', size, sha256, checksumSource: 'bench', license: 'MIT', origin: { type: 'url', url } },
];

async function timed(label, fn) {
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  const rate = ms > 0 ? (mebibytes / (ms / 1000)).toFixed(0) : '∞';
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  ${String(rate).padStart(6)} MiB/s`);
  return result;
}

try {
  console.log(`model cache, ${mebibytes} MiB file over 127.0.0.1 (node ${process.version}, ${os.cpus().length} cores)`);
  const fresh = path.join(work, 'fresh');
  await timed('pull: download + sha256 + rename', () => pullModel('bench', { dir: fresh, registry, env: {} }));
  await timed('verify: cached (size+mtime record)', () => verifyModel('bench', { dir: fresh, registry }));
  await rm(path.join(fresh, 'ggml-bench.bin.verified.json'));
  await timed('verify: full sha256', () => verifyModel('bench', { dir: fresh, registry }));

  const resumed = path.join(work, 'resumed');
  cutNext = true;
  await timed('pull: cut at 50 %, resumed (incl. 0.5 s backoff)', () => pullModel('bench', { dir: resumed, registry, env: {} }));
} finally {
  server.close();
  await rm(work, { recursive: true, force: true });
}
