import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalPythonIndex, resolveWithPip, type LocalPythonIndex } from '../../../../tools/python-index';
import { requirementName, type EnvironmentSpec, type EnvironmentVariant } from './environment-spec';
import { loadEnvironmentSpecs } from './environment-specs';
import { findPython } from './find-python';
import { venvInterpreter } from './python-interpreter';
import { satisfiesPythonRange } from './python-version-range';

// The real pip resolver, offline, over an index of metadata-only wheels that carry the pinned releases'
// recorded Requires-Dist and Requires-Python (tools/python-index): every spec's pins, resolved in one call
// as the installer passes them, must fit together at the oldest Python the spec allows.
let work: string;
let pip: string;
let index: LocalPythonIndex;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'bollyx-spec-resolution-'));
  const python = await findPython('>=3.9');
  await execa(python.path, ['-m', 'venv', path.join(work, 'venv')]);
  pip = venvInterpreter(path.join(work, 'venv'));
  index = await buildLocalPythonIndex(path.join(work, 'index'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const specs = await loadEnvironmentSpecs({ env: { ...process.env, BOLLYX_ENV_SPECS_DIR: '' } });

/** The oldest Python 3 minor the spec's range admits: where Requires-Python bites first. */
const oldestPython = (range: string) => ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13'].find((minor) => satisfiesPythonRange(`${minor}.0`, range))!;

// One case per spec and torch variant, titled `whisperx (cuda)`.
const cases = specs.flatMap((spec): [string, EnvironmentSpec, EnvironmentVariant | undefined][] =>
  spec.variants === undefined
    ? [[spec.name, spec, undefined]]
    : (Object.keys(spec.variants) as EnvironmentVariant[]).map((variant) => [`${spec.name} (${variant})`, spec, variant]),
);

const pinnedVersion = (requirement: string) => /==\s*([^\s;]+)/.exec(requirement)![1]!;

describe.each(cases)('the %s spec', (_title, spec, variant) => {
  it('resolves with pip, offline, at its oldest Python, to every pin', async () => {
    const variantSpec = variant === undefined ? undefined : spec.variants![variant]!;
    const requirements = [...spec.requirements, ...(variantSpec?.requirements ?? [])];

    const resolution = await resolveWithPip({
      python: pip,
      index,
      requirements,
      ...(variantSpec?.indexUrl === undefined ? {} : { indexUrl: variantSpec.indexUrl }),
      pythonVersion: oldestPython(spec.python),
    });

    expect(resolution.output).not.toContain('ERROR');
    expect(resolution.ok).toBe(true);
    const resolved = new Map(resolution.resolved.map((item) => [requirementName(item.name), item.version]));
    for (const requirement of requirements) {
      // PyTorch's index names its builds 2.8.0+cpu, 2.8.0+cu128: == without a local label matches them.
      expect(resolved.get(requirementName(requirement))?.split('+')[0], requirement).toBe(pinnedVersion(requirement));
    }
    // The variant's pins come from its own index (torch 2.8.0+cu128 for cu128), not PyPI's build.
    const localLabel = variantSpec?.indexUrl?.split('/').pop();
    for (const requirement of localLabel === undefined ? [] : variantSpec!.requirements) {
      expect(resolved.get(requirementName(requirement)), requirement).toBe(`${pinnedVersion(requirement)}+${localLabel}`);
    }
  });
});

describe('Requires-Python', () => {
  it('is enforced for the Python asked for, not the one pip runs on', async () => {
    const whisperx = specs.find((spec) => spec.name === 'whisperx')!;
    const resolution = await resolveWithPip({
      python: pip,
      index,
      requirements: [...whisperx.requirements, ...whisperx.variants!.cpu!.requirements],
      indexUrl: whisperx.variants!.cpu!.indexUrl!,
      pythonVersion: '3.9',
    });

    expect(resolution.ok).toBe(false);
    expect(resolution.output).toMatch(/requires a different Python: 3\.9\.0 not in '(<3\.14,>=3\.10|>=3\.10)'/);
  });
});

describe('the pins the whisperx spec had before (whisperX 3.2.0 with faster-whisper 1.1.0)', () => {
  it('fail in pip with its own conflict message', async () => {
    const resolution = await resolveWithPip({
      python: pip,
      index,
      requirements: [
        'whisperx==3.2.0',
        'faster-whisper==1.1.0',
        'ctranslate2==4.4.0',
        'pyannote.audio==3.1.1',
        'transformers==4.39.3',
        'numpy==1.26.4',
        'torch==2.0.1',
        'torchaudio==2.0.2',
      ],
      indexUrl: 'https://download.pytorch.org/whl/cpu',
      pythonVersion: '3.9',
    });

    expect(resolution.ok).toBe(false);
    expect(resolution.output).toContain('The conflict is caused by:');
    expect(resolution.output).toContain('The user requested faster-whisper==1.1.0');
    expect(resolution.output).toContain('whisperx 3.2.0 depends on faster-whisper==1.0.0');
  });
});
