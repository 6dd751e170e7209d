import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { sha256OfFile } from './sha256-meter';
import { STORE_KINDS, useStoresUnderTest, type StoreUnderTest } from './test-helpers/stores-under-test';

const MIB = 1024 * 1024;
const tempDir = useTempDirs();

const storeUnderTest = useStoresUnderTest();

async function fileOf(bytes: Buffer): Promise<string> {
  const path = join(await tempDir(), 'source.bin');
  await writeFile(path, bytes);
  return path;
}

describe.each(STORE_KINDS)('%s artifact store', (kind) => {
  let fixture: StoreUnderTest;
  beforeAll(() => {
    fixture = storeUnderTest(kind);
  });

  it('puts and gets a file with its sha256, and lists, stats and removes it', async () => {
    const bytes = randomBytes(100_000);
    const source = await fileOf(bytes);
    const { store } = fixture;
    const put = await store.put('round/trip/a.bin', source);
    expect(put).toEqual(await sha256OfFile(source));
    expect(await store.stat('round/trip/a.bin')).toEqual(put);
    expect(await store.has('round/trip/a.bin')).toBe(true);
    expect(await store.list('round/')).toEqual(['round/trip/a.bin']);
    expect(await store.list('round/tr')).toEqual(['round/trip/a.bin']);

    const target = join(await tempDir(), 'deep', 'copy.bin');
    const progress: number[] = [];
    const got = await store.get('round/trip/a.bin', target, { expectedSha256: put.sha256, onProgress: ({ bytes: moved }) => progress.push(moved) });
    expect(got).toEqual(put);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(progress.at(-1)).toBe(bytes.length);

    await store.remove('round/trip/a.bin');
    expect(await store.has('round/trip/a.bin')).toBe(false);
    expect(await store.list('round/')).toEqual([]);
    await store.remove('round/trip/a.bin');
  });

  it('moves a 12 MiB file (three 5 MiB parts on S3) intact', async () => {
    const bytes = randomBytes(12 * MIB);
    const put = await fixture.store.put('big/film.wav', await fileOf(bytes));
    expect(put.size).toBe(12 * MIB);
    const target = join(await tempDir(), 'film.wav');
    expect(await fixture.store.get('big/film.wav', target)).toEqual(put);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(fixture.multipartKeys().includes('big/film.wav')).toBe(kind === 's3');
  });

  it('refuses a corrupt object with ARTIFACT_CORRUPT and leaves no file at the target', async () => {
    const bytes = randomBytes(50_000);
    await fixture.store.put('corrupt/a.bin', await fileOf(bytes));
    const other = Buffer.from(bytes);
    other[0] = other[0]! ^ 0xff;
    await fixture.corrupt('corrupt/a.bin', other);
    const folder = await tempDir();
    await expect(fixture.store.get('corrupt/a.bin', join(folder, 'a.bin'))).rejects.toMatchObject({ code: 'ARTIFACT_CORRUPT' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses a download that differs from the sha256 the caller expects', async () => {
    await fixture.store.put('expected/a.bin', await fileOf(randomBytes(1000)));
    const folder = await tempDir();
    await expect(fixture.store.get('expected/a.bin', join(folder, 'a.bin'), { expectedSha256: '0'.repeat(64) })).rejects.toMatchObject({ code: 'ARTIFACT_CORRUPT' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a missing key as ARTIFACT_NOT_FOUND', async () => {
    const folder = await tempDir();
    await expect(fixture.store.get('missing/a.bin', join(folder, 'a.bin'))).rejects.toMatchObject({ code: 'ARTIFACT_NOT_FOUND' });
    expect(await fixture.store.stat('missing/a.bin')).toBeUndefined();
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a store that does not answer as ARTIFACT_STORE_UNREACHABLE at once', async () => {
    const store = await fixture.unreachable();
    const started = Date.now();
    await expect(store.has('any/key')).rejects.toMatchObject({ code: 'ARTIFACT_STORE_UNREACHABLE' });
    await expect(store.put('any/key', await fileOf(randomBytes(10)))).rejects.toMatchObject({ code: 'ARTIFACT_STORE_UNREACHABLE' });
    // It gives up instead of retrying for ever (a generous bound: machines under load are slow).
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('stops a transfer when its signal aborts, leaving nothing under the final names', async () => {
    const bytes = randomBytes(12 * MIB);
    const controller = new AbortController();
    const put = fixture.store.put('aborted/a.bin', await fileOf(bytes), {
      signal: controller.signal,
      onProgress: ({ bytes: moved }) => moved > MIB && controller.abort(),
    });
    await expect(put).rejects.toMatchObject({ name: 'AbortError' });
    expect(await fixture.store.has('aborted/a.bin')).toBe(false);

    await fixture.store.put('aborted/b.bin', await fileOf(bytes));
    const download = new AbortController();
    const folder = await tempDir();
    const get = fixture.store.get('aborted/b.bin', join(folder, 'b.bin'), {
      signal: download.signal,
      onProgress: ({ bytes: moved }) => moved > MIB && download.abort(),
    });
    await expect(get).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses keys that are not relative paths', async () => {
    await expect(fixture.store.has('../escape')).rejects.toThrow(RangeError);
    await expect(fixture.store.has('/absolute')).rejects.toThrow(RangeError);
    await expect(fixture.store.list('jobs/../../')).rejects.toThrow(RangeError);
  });
});
