import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { version } from '../package.json';

const cli = path.resolve(import.meta.dirname, '../bin/bollyx.js');
const bollyx = (...args: string[]) => execa(process.execPath, [cli, ...args], { reject: false });

describe('bollyx', () => {
  it('prints its usage with every verb when run bare', async () => {
    const result = await bollyx();
    expect(result.exitCode).toBe(0);
    for (const verb of ['run', 'hw', 'prepare', 'jobs', 'engines', 'models', 'subtitles']) expect(result.stdout).toContain(verb);
  });

  it('prints its version', async () => {
    expect((await bollyx('--version')).stdout.trim()).toBe(version);
  });

  it('exits with the usage code on an unknown verb, naming it', async () => {
    const result = await bollyx('transmogrify');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('transmogrify');
    expect(result.stderr).toContain('bollyx --help');
  });

  it('exits with the usage code when a required argument is missing', async () => {
    const result = await bollyx('subtitles', 'lint');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Missing required positional argument: FILE/);
  });
});
