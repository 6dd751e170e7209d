import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeTable, TABLE_MARKERS } from './exit-code-table';
import { EXIT_CODES, exitCodeFor } from './exit-codes';

const repo = path.resolve(import.meta.dirname, '../../../..');

/** Every file under `dir` whose name passes `keep`, skipping dependencies and build output. */
async function filesUnder(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !/[/\\](node_modules|dist|\.nx)[/\\]/.test(file));
}

describe('exit codes', () => {
  it('the README table is the one the code gives (node apps/cli/scripts/write-exit-code-table.mjs writes it)', async () => {
    const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(TABLE_MARKERS.start) + TABLE_MARKERS.start.length, readme.indexOf(TABLE_MARKERS.end)).trim();
    expect(block).toBe(exitCodeTable());
  });

  it('every exit code a README names for an error code is the one the code gives', async () => {
    const readmes = [...(await filesUnder(path.join(repo, 'packages'), (name) => name === 'README.md')), ...(await filesUnder(path.join(repo, 'apps'), (name) => name === 'README.md')), path.join(repo, 'README.md')];
    const claims: { file: string; code: string; exit: number }[] = [];
    for (const file of readmes) {
      const text = (await readFile(file, 'utf8')).replace(/\s+/g, ' ');
      // "`ENVIRONMENT_MISSING`, exit 61" and "exits 38 as `MODEL_FILE_INVALID`"
      for (const match of text.matchAll(/`([A-Z][A-Z_]{3,})`[^`.;]{0,12}?\bexit (\d+)/g)) claims.push({ file, code: match[1]!, exit: Number(match[2]) });
      for (const match of text.matchAll(/\bexits (\d+) as `([A-Z][A-Z_]{3,})`/g)) claims.push({ file, code: match[2]!, exit: Number(match[1]) });
    }
    expect(claims.length).toBeGreaterThan(3);
    const wrong = claims.filter(({ code, exit }) => exitCodeFor(code) !== exit).map(({ file, code, exit }) => `${path.relative(repo, file)}: ${code} exit ${exit}, the code says ${exitCodeFor(code)}`);
    expect(wrong).toEqual([]);
  });

  it('every error code a package throws has its own exit code, not the generic 1', async () => {
    const sources = await filesUnder(path.join(repo, 'packages'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    const thrown = new Set<string>();
    for (const file of sources) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/(?:super|new BollyxError)\(\s*'([A-Z][A-Z_]+)'/g)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(40);
    expect([...thrown].filter((code) => !(code in EXIT_CODES)).sort()).toEqual([]);
  });
});
