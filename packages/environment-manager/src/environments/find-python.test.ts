import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPython } from './find-python';
import { satisfiesPythonRange } from './python-version-range';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'bollyx-find-python-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('findPython', () => {
  it('finds an interpreter in range and returns its real path and version', async () => {
    const found = await findPython('>=3.9');

    expect(satisfiesPythonRange(found.version, '>=3.9')).toBe(true);
    expect(path.isAbsolute(found.path)).toBe(true);
    expect((await execa(found.path, ['--version'])).stdout).toBe(`Python ${found.version}`);
  });

  it('lists every candidate and why it did not fit when none is in range, BOLLYX_PYTHON first', async () => {
    const error = await findPython('>=4.0', { env: { ...process.env, BOLLYX_PYTHON: path.join(work, 'no-such-python') } }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      code: 'PYTHON_NOT_FOUND',
      message: expect.stringMatching(/^no Python >=4\.0 with a working venv module found; tried BOLLYX_PYTHON=.*no-such-python \(not found\), python3\.12 \(/),
      hint: expect.stringContaining('or set BOLLYX_PYTHON to an interpreter that fits'),
    });
    const { tried } = (error as { details: { tried: Array<{ candidate: string; problem: string }> } }).details;
    expect(tried.map((candidate) => candidate.candidate)).toEqual([
      `BOLLYX_PYTHON=${path.join(work, 'no-such-python')}`,
      'python3.12',
      'python3.11',
      'python3.10',
      'python3.9',
      'python3',
      'python',
      ...(process.platform === 'win32' ? ['py -3'] : []),
    ]);
    expect(tried.some((candidate) => /^Python 3\.\d+\.\d+, outside >=4\.0$/.test(candidate.problem))).toBe(true);
    if (process.platform === 'linux') expect((error as Error & { hint: string }).hint).toContain('sudo apt-get install python3 python3-venv');
  });

  it('passes over a Python without ensurepip and names python3-venv', async () => {
    // Debian ships python3 without ensurepip until python3-venv is installed: a module that fails to
    // import, put ahead of the standard library, stands in for the missing one.
    await writeFile(path.join(work, 'ensurepip.py'), 'raise ImportError("ensurepip is not installed")\n');

    const error = await findPython('>=3.9', { env: { ...process.env, PYTHONPATH: work } }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'PYTHON_NOT_FOUND', hint: expect.stringMatching(/^install the venv module: `sudo apt-get install python3-venv` \(or python3\.\d+-venv\)/) });
    expect((error as { details: { tried: Array<{ venvMissing?: boolean }> } }).details.tried.some((candidate) => candidate.venvMissing)).toBe(true);
  });

  it('stops when cancelled', async () => {
    await expect(findPython('>=4.0', { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });
});
