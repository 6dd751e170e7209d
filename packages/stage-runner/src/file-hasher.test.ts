import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHasher } from './file-hasher';
import { useTempDirs } from '../../../tools/test-temp-dir';

const tempDir = useTempDirs();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const signal = new AbortController().signal;

describe('FileHasher', () => {
  it('hashes a file once per (size, mtime, inode), across runs through its cache file', async () => {
    const dir = await tempDir();
    const movie = join(dir, 'movie.bin');
    const cache = join(dir, 'file-hashes.json');
    await writeFile(movie, 'frames-v1');
    // Whole seconds, so that setting the same mtime again reproduces it exactly.
    const mtime = new Date('2025-01-01T00:00:00Z');
    await utimes(movie, mtime, mtime);
    const first = await FileHasher.load(cache, { rehash: false });
    expect(await first.digest(movie, signal)).toEqual({ size: 9, sha256: sha256('frames-v1') });
    await first.save();

    // Same size, same mtime, same inode, different bytes: a remembered hash is used without reading the file.
    await writeFile(movie, 'frames-v2');
    await utimes(movie, mtime, mtime);
    const second = await FileHasher.load(cache, { rehash: false });
    expect((await second.digest(movie, signal)).sha256).toBe(sha256('frames-v1'));
    expect((await (await FileHasher.load(cache, { rehash: true })).digest(movie, signal)).sha256).toBe(sha256('frames-v2'));

    // A touched file is read again.
    await utimes(movie, new Date(), new Date());
    expect((await second.digest(movie, signal)).sha256).toBe(sha256('frames-v2'));
  });

  it('saves mid-run only once re-hashing would cost more than the write (64 MiB)', async () => {
    const dir = await tempDir();
    const cache = join(dir, 'file-hashes.json');
    const small = join(dir, 'speech.json');
    const movie = join(dir, 'movie.mkv');
    await writeFile(small, '[]');
    await writeFile(movie, '');
    await truncate(movie, 64 * 1024 * 1024);
    const hasher = await FileHasher.load(cache, { rehash: false });

    await hasher.digest(small, signal);
    await hasher.saveIfCostly();
    expect(existsSync(cache)).toBe(false);
    await hasher.digest(movie, signal);
    await hasher.saveIfCostly();
    expect(Object.keys(JSON.parse(await readFile(cache, 'utf8')).files)).toEqual([movie, small]);
  });

  it('survives a corrupt cache file and stops when aborted', async () => {
    const dir = await tempDir();
    const cache = join(dir, 'file-hashes.json');
    await writeFile(cache, '{"version": 1, "files": ');
    const file = join(dir, 'a.txt');
    await writeFile(file, 'a');
    const hasher = await FileHasher.load(cache, { rehash: false });
    expect((await hasher.digest(file, signal)).sha256).toBe(sha256('a'));

    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await writeFile(join(dir, 'b.txt'), 'b');
    await expect(hasher.digest(join(dir, 'b.txt'), controller.signal)).rejects.toThrow('stop');
  });
});
