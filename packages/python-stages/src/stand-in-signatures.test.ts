import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvironmentSpecs } from '../../environment-manager/src/environments/environment-specs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pythonStandInsDir } from '../../../tools/python-stand-ins';
import { useTempDirs } from '../../../tools/test-temp-dir';

// The stand-ins against the signature table recorded from the real libraries at their pins
// (tools/python-signatures/record.py), and the table's versions against the environment specs' pins.

const compareScript = fileURLToPath(new URL('../../../tools/python-signatures/compare.py', import.meta.url));
const tablePath = join(pythonStandInsDir, 'signatures.json');
const tempDir = useTempDirs();

const SignatureTableSchema = z.object({
  libraries: z.record(z.string(), z.object({ version: z.string(), environment: z.string(), entries: z.array(z.object({ qualname: z.string() })).min(1) })),
});

const compare = (args: string[]) =>
  execa('python3', [compareScript, ...args], { reject: false, extendEnv: false, env: { PATH: process.env.PATH, PYTHONDONTWRITEBYTECODE: '1' } });

// pip's name normalisation (PEP 503): case and runs of -_. do not matter.
const normalised = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

describe('stand-in signatures', () => {
  it('match the table recorded from the pinned libraries', async () => {
    const run = await compare([]);

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^\d+ entries of 6 libraries match the stand-ins$/);
  });

  it("record each library at its environment spec's pin", async () => {
    const table = SignatureTableSchema.parse(JSON.parse(await readFile(tablePath, 'utf8')));
    const specs = new Map((await loadEnvironmentSpecs()).map((spec) => [spec.name, spec]));

    const pinned = Object.entries(table.libraries).map(([library, recorded]) => ({
      library,
      environment: recorded.environment,
      pins: (specs.get(recorded.environment)?.requirements ?? [])
        .map((requirement) => requirement.split(';')[0]!.split('=='))
        .filter(([name]) => normalised(name!.replace(/\[.*\]/, '').trim()) === normalised(library))
        .map(([, version]) => version!.trim()),
    }));

    expect(pinned).toEqual(Object.entries(table.libraries).map(([library, recorded]) => ({ library, environment: recorded.environment, pins: [recorded.version] })));
  });

  it('fail, naming it, when a stand-in parameter is renamed', async () => {
    const standIns = join(await tempDir(), 'stand-ins');
    await cp(pythonStandInsDir, standIns, { recursive: true });
    const alignment = join(standIns, 'whisperx', 'alignment.py');
    const source = await readFile(alignment, 'utf8');
    expect(source).toContain('    interpolate_method: str = "nearest",\n');
    await writeFile(alignment, source.replace('    interpolate_method: str = "nearest",\n', '    interpolation_method: str = "nearest",\n'));

    const run = await compare(['--stand-ins', standIns, '--table', tablePath]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      'whisperx 3.7.9: whisperx.alignment.align: parameter 6: the library has interpolate_method (positional_or_keyword, optional), ' +
        'the stand-in has interpolation_method (positional_or_keyword, optional)',
    );
  });

  it('fail when the table moves to another version and the stand-in does not', async () => {
    const table = JSON.parse(await readFile(tablePath, 'utf8')) as z.infer<typeof SignatureTableSchema>;
    table.libraries['faster-whisper']!.version = '1.2.2';
    const movedTable = join(await tempDir(), 'signatures.json');
    await writeFile(movedTable, JSON.stringify(table));

    const run = await compare(['--table', movedTable]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("faster-whisper 1.2.2: faster_whisper.__version__ is '1.2.1', the table's version '1.2.2'");
  });
});
