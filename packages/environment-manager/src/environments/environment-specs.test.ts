import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkEnvironment } from './check-environment';
import { createEnvironment } from './create-environment';
import { environmentForFamily } from './environment-for-family';
import { requirementName, StageFamilySchema } from './environment-spec';
import { environmentSpecsDir, loadEnvironmentSpecs } from './environment-specs';
import { listEnvironments } from './list-environments';
import { removeEnvironment } from './remove-environment';

let work: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'bollyx-env-specs-'));
  env = { ...process.env, BOLLYX_CACHE_DIR: path.join(work, 'cache') };
  delete env.BOLLYX_ENV_SPECS_DIR;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const thisPlatform = `${process.platform}-${process.arch}`;

describe('the shipped specs', () => {
  it('live in the package folder and all parse, pinned', async () => {
    expect(environmentSpecsDir({ env })).toBe(path.resolve(import.meta.dirname, '../../environments'));
    const specs = await loadEnvironmentSpecs({ env });

    expect(specs.map((spec) => spec.name)).toEqual(['common', 'indictrans2', 'mlx', 'pyannote', 'whisperx']);
    for (const spec of specs) {
      const lines = [...spec.requirements, ...(spec.variants?.cpu?.requirements ?? []), ...(spec.variants?.cuda?.requirements ?? [])];
      expect(lines.every((line) => /==/.test(line))).toBe(true);
    }
    // Every stage family has an environment.
    expect(new Set(specs.flatMap((spec) => spec.serves))).toEqual(new Set(StageFamilySchema.options));
  });

  it('keep torch apart: 2.8 for WhisperX and pyannote, 2.5 for IndicTrans2, CUDA builds from the PyTorch index', async () => {
    const specs = Object.fromEntries((await loadEnvironmentSpecs({ env })).map((spec) => [spec.name, spec]));

    expect(specs.whisperx!.variants?.cpu).toEqual({ requirements: ['torch==2.8.0', 'torchaudio==2.8.0'], indexUrl: 'https://download.pytorch.org/whl/cpu' });
    expect(specs.whisperx!.variants?.cuda).toEqual({ requirements: ['torch==2.8.0', 'torchaudio==2.8.0'], indexUrl: 'https://download.pytorch.org/whl/cu128' });
    expect(specs.pyannote!.variants).toEqual(specs.whisperx!.variants);
    expect(specs.indictrans2!.variants?.cuda).toEqual({ requirements: ['torch==2.5.1'], indexUrl: 'https://download.pytorch.org/whl/cu124' });
    expect(specs.mlx!.platforms).toEqual(['darwin-arm64']);
  });

  it('name a source for every pin', async () => {
    for (const spec of await loadEnvironmentSpecs({ env })) {
      const pinned = [...spec.requirements, ...(spec.variants?.cpu?.requirements ?? []), ...(spec.variants?.cuda?.requirements ?? [])].map(requirementName);
      expect(new Set(Object.keys(spec.sources ?? {}).map(requirementName)), spec.name).toEqual(new Set(pinned));
    }
  });

  it('are listed with their state on a fresh cache: missing, or unsupported on another platform', async () => {
    const statuses = await listEnvironments({ env });

    expect(statuses.map((status) => [status.name, status.state])).toEqual(
      ['common', 'indictrans2', 'mlx', 'pyannote', 'whisperx'].map((name) => [name, name === 'mlx' && thisPlatform !== 'darwin-arm64' ? 'unsupported' : 'missing']),
    );
    expect(statuses.find((status) => status.name === 'whisperx')).toMatchObject({ fix: 'bollyx env create whisperx', reason: expect.stringContaining('does not exist') });
  });

  it('map stage families to the environment that serves them on a platform', async () => {
    expect((await environmentForFamily('asr-faster-whisper', { env })).name).toBe('whisperx');
    expect((await environmentForFamily('align-whisperx', { env })).name).toBe('whisperx');
    expect((await environmentForFamily('translate-nllb', { env })).name).toBe('indictrans2');
    expect((await environmentForFamily('diarize-pyannote', { env })).name).toBe('pyannote');
    expect((await environmentForFamily('tools', { env })).name).toBe('common');
    expect((await environmentForFamily('asr-mlx', { env, platform: 'darwin-arm64' })).name).toBe('mlx');
    await expect(environmentForFamily('asr-mlx', { env, platform: 'linux-x64' })).rejects.toMatchObject({
      code: 'ENVIRONMENT_UNSUPPORTED',
      message: 'the Python environment mlx runs on darwin-arm64 only; this machine is linux-x64',
    });
  });
});

describe('spec errors', () => {
  const specsDir = () => path.join(work, 'bad-specs');
  const write = async (name: string, content: string) => {
    await rm(specsDir(), { recursive: true, force: true });
    await mkdir(specsDir(), { recursive: true });
    await writeFile(path.join(specsDir(), `${name}.yaml`), content);
  };
  const valid = { name: 'tiny', description: 'x', python: '>=3.9', serves: ['tools'], requirements: ['numpy==2.0.2'], probes: ['numpy'] };

  it.each([
    ['an unpinned requirement', { ...valid, requirements: ['numpy>=1'] }, 'requirements.0: "numpy>=1" is not pinned: write it as name==version'],
    ['a bad Python range', { ...valid, python: '3.9+' }, 'python: the Python range "3.9+" is not a version specifier such as >=3.9 or <3.13'],
    ['an unknown stage family', { ...valid, serves: ['asr-vosk'] }, 'serves.0:'],
    ['an unknown field', { ...valid, extras: [] }, 'the document: Unrecognized key: "extras"'],
    ['no probes', { ...valid, probes: [] }, 'probes:'],
    ['a probe that is not a module name', { ...valid, probes: ['numpy-core'] }, 'probes.0: a probe is an importable module name'],
    ['a pin without a source', { ...valid, sources: {} }, 'sources: numpy is pinned but has no source'],
    ['a source for nothing pinned', { ...valid, sources: { numpy: 'numpy v2.0.2 pyproject.toml', scipy: 'scipy' } }, 'sources: scipy has a source but is not pinned'],
    ['a name that is not its file name', { ...valid, name: 'other' }, 'name is "other" but the file is named for "tiny"'],
  ])('%s is refused, naming the file and the field', async (_case, spec, problem) => {
    await write('tiny', stringify(spec));
    const file = path.join(specsDir(), 'tiny.yaml');

    await expect(loadEnvironmentSpecs({ env, specsDir: specsDir() })).rejects.toMatchObject({
      code: 'ENVIRONMENT_SPEC_INVALID',
      message: expect.stringContaining(`the environment spec ${file} is invalid: ${problem}`),
      hint: expect.stringContaining(`fix ${file}`),
    });
    await expect(checkEnvironment('tiny', { env, specsDir: specsDir() })).rejects.toMatchObject({ code: 'ENVIRONMENT_SPEC_INVALID' });
  });

  it('refuses YAML that does not parse', async () => {
    await write('tiny', 'name: [tiny\n');
    await expect(checkEnvironment('tiny', { env, specsDir: specsDir() })).rejects.toMatchObject({
      code: 'ENVIRONMENT_SPEC_INVALID',
      message: expect.stringContaining('is invalid: not valid YAML'),
    });
  });

  it('names the known environments for an unknown name', async () => {
    await write('tiny', stringify(valid));
    for (const name of ['whisprx', '../tiny', 'Tiny']) {
      await expect(checkEnvironment(name, { env, specsDir: specsDir() })).rejects.toMatchObject({
        code: 'ENVIRONMENT_UNKNOWN',
        message: `unknown environment "${name}"; known environments: tiny`,
        hint: 'run `bollyx env list` for the environments bollyx knows',
      });
    }
    await expect(createEnvironment('whisprx', { env, specsDir: specsDir() })).rejects.toMatchObject({ code: 'ENVIRONMENT_UNKNOWN' });
    await expect(removeEnvironment('whisprx', { env, specsDir: specsDir() })).rejects.toMatchObject({ code: 'ENVIRONMENT_UNKNOWN' });
    await expect(environmentForFamily('asr-mlx', { env, specsDir: specsDir() })).rejects.toMatchObject({
      code: 'ENVIRONMENT_UNKNOWN',
      message: 'no environment serves the stage family "asr-mlx"; the specs serve: tools',
    });
  });

  it('says when the specs folder is missing', async () => {
    await expect(listEnvironments({ env, specsDir: path.join(work, 'nowhere') })).rejects.toMatchObject({
      code: 'ENVIRONMENT_SPEC_INVALID',
      message: expect.stringContaining('the specs folder cannot be read'),
    });
  });
});
