import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { burnInCheck } from './burn-in-check';

const tempDir = useTempDirs();
const env = { PATH: process.env.PATH };

describe('burnInCheck', () => {
  it('passes with libass in ffmpeg and a Devanagari font (fonts-noto-core here)', async () => {
    const outcome = await burnInCheck('hi', { env, packageManager: 'apt' }).check();
    expect(outcome).toMatchObject({ ok: true, what: expect.stringContaining('Noto Sans Devanagari') });
    expect(await burnInCheck('en', { env, packageManager: 'apt' }).check()).toMatchObject({ ok: true });
    expect(await burnInCheck('hi-Latn', { env, packageManager: 'apt' }).check()).toMatchObject({ ok: true });
  });

  it('names the font package when fontconfig knows no Devanagari font', async () => {
    // A fontconfig that reads no font folder: what a machine without fonts-noto-core sees.
    const config = path.join(await tempDir(), 'fonts.conf');
    await writeFile(config, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n');
    const outcome = await burnInCheck('hi', { env: { ...env, FONTCONFIG_FILE: config }, packageManager: 'apt' }).check();
    expect(outcome).toEqual({ ok: false, what: 'no installed font covers Devanagari', fix: 'sudo apt-get install -y fonts-noto-core' });
    expect(await burnInCheck('hi', { env, packageManager: 'brew', platform: 'darwin' }).check()).toMatchObject({ ok: true });
  });
});
