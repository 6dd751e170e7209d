import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { findMedia } from './find-media';

const tempDir = useTempDirs();

describe('findMedia', () => {
  it('finds the media of a folder by extension, skipping hidden files, other files and excluded folders', async () => {
    const root = await tempDir();
    for (const name of ['b.MKV', 'a.mp4', 'song.flac', 'notes.txt', '.a.partial-1.mp4', 'sub/c.mov', 'work/jobs/1/a.mp4', '.hidden/d.mp4']) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), '');
    }
    const at = (...names: string[]) => names.map((name) => path.join(root, name));
    expect(await findMedia([root])).toEqual(at('a.mp4', 'b.MKV', 'song.flac'));
    expect(await findMedia([root], { recursive: true, exclude: [path.join(root, 'work')] })).toEqual(at('a.mp4', 'b.MKV', 'song.flac', 'sub/c.mov'));
    // A named file is taken whatever its name (ffprobe judges it), once; a missing one is kept to be reported.
    expect(await findMedia([path.join(root, 'notes.txt'), root, path.join(root, 'a.mp4'), path.join(root, 'gone.mp4')])).toEqual(
      at('a.mp4', 'b.MKV', 'gone.mp4', 'notes.txt', 'song.flac'),
    );
  });
});
