import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../package.json';

const cli = path.resolve(import.meta.dirname, '../bin/bollyx.js');
const film = path.resolve(import.meta.dirname, '../../../samples/sample-hi-en.mp4');
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

  describe('unknown flags', () => {
    let scratch: string;
    // Where a job would go: a run that got past the flags would make this folder.
    let workspace: string;
    const inScratch = (...args: string[]) =>
      execa(process.execPath, [cli, ...args], { reject: false, cwd: scratch, env: { BOLLYX_WORKSPACE: workspace } });

    beforeAll(async () => {
      scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-flags-'));
      workspace = path.join(scratch, 'workspace');
    });
    afterAll(() => rm(scratch, { recursive: true, force: true }));

    it('rejects one with the usage code before any work', async () => {
      const result = await inScratch('run', film, '--frobnicate');
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('unknown flag --frobnicate for `bollyx run`');
      expect(result.stderr).toContain('see `bollyx run --help`');
      expect(result.stderr).not.toContain('did you mean');
      expect(existsSync(workspace)).toBe(false);
    });

    it.each([
      [['prepare', film, '--modle', '/etc/passwd'], '--modle', 'bollyx prepare', '--model'],
      [['models', 'pull', 'base', '--ofline'], '--ofline', 'bollyx models pull', '--offline'],
      [['env', 'create', 'whisperx', '--wheelhose', 'x'], '--wheelhose', 'bollyx env create', '--wheelhouse'],
      [['docker', 'build', '--mode', 'native', '--dry-rn'], '--dry-rn', 'bollyx docker build', '--dry-run'],
      [['subtitles', 'lint', 'f.srt', '--presett', 'x'], '--presett', 'bollyx subtitles lint', '--preset'],
      [['run', film, '--no-muz'], '--no-muz', 'bollyx run', '--no-mux'],
      [['jobs', '--jsn'], '--jsn', 'bollyx jobs', '--json'],
    ])('rejects %j, naming the nearest real flag', async (args, flag, command, suggestion) => {
      const result = await inScratch(...args);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`unknown flag ${flag} for \`${command}\``);
      expect(result.stderr).toContain(`fix: did you mean ${suggestion}? See \`${command} --help\``);
      expect(existsSync(workspace)).toBe(false);
    });

    it('rejects one on a verb with sub-verbs and on a sub-verb without a near flag', async () => {
      for (const [args, message] of [
        [['models', '--frob'], 'unknown flag --frob for `bollyx models`'],
        [['models', 'pull', 'base', '--forse'], 'unknown flag --forse for `bollyx models pull`'],
      ] as const) {
        const result = await inScratch(...args);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain(message);
      }
    });

    it('reports one as JSON on stdout with --json', async () => {
      const result = await inScratch('run', film, '--modle', 'x', '--json');
      expect(result.exitCode).toBe(2);
      expect(JSON.parse(result.stdout)).toMatchObject({
        ok: false,
        error: { code: 'USAGE', message: 'unknown flag --modle for `bollyx run`', details: { suggestion: '--model' } },
      });
    });

    it('takes kebab-case, aliases, --no-<flag>, --flag=value and a negative value', async () => {
      // Every flag is real, so the run gets as far as the job config, where the clip's end of -5 fails.
      const result = await inScratch('run', 'missing.mp4', '--output-dir', 'out', '-s', 'hi', '--no-mux', '--start=5', '--end', '-5');
      expect(result.stderr).not.toContain('unknown flag');
      expect(result.stderr).toContain('clip.end');
      expect(result.exitCode).not.toBe(2);
    });

    it('takes the flags of a default sub-verb', async () => {
      const result = await inScratch('jobs', '--workspace', workspace, '--json');
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, jobs: [] });
    });
  });
});
