import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import { detectHardware } from '@bollyx/hardware-detection';
import type { HardwareProfile } from '@bollyx/hardware-detection';

/** A fresh machine for a test: its own cache, workspace, config folder and spec folder; the engine is shared. */
export interface TestMachine {
  root: string;
  cacheDir: string;
  workspace: string;
  /** Environment specs written by the test (BOLLYX_ENV_SPECS_DIR when used). */
  specsDir: string;
  /** process.env with BOLLYX_CACHE_DIR and BOLLYX_CONFIG_DIR inside `root`, no Hugging Face token. */
  env: NodeJS.ProcessEnv;
  profile: HardwareProfile;
}

/**
 * A machine with nothing set up but the whisper.cpp engine, which is built once per machine (minutes) in
 * the default engines folder and shared through BOLLYX_ENGINES_DIR, as the `bollyx run` tests share it.
 */
export async function makeTestMachine(): Promise<TestMachine> {
  await ensureWhisperEngine();
  const root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-preflight-'));
  const cacheDir = path.join(root, 'cache');
  const workspace = path.join(root, 'work');
  const specsDir = path.join(root, 'specs');
  await mkdir(specsDir, { recursive: true });
  const { BOLLYX_HF_TOKEN: _bollyxToken, HF_TOKEN: _hfToken, ...inherited } = process.env;
  const env = {
    ...inherited,
    BOLLYX_CACHE_DIR: cacheDir,
    BOLLYX_ENGINES_DIR: enginesDir(),
    BOLLYX_CONFIG_DIR: path.join(root, 'config'),
  };
  // Not cached: the machine's first bootstrap detects the hardware itself.
  const profile = await detectHardware({ workspace, noCache: true });
  return { root, cacheDir, workspace, specsDir, env, profile };
}

export async function removeTestMachine(machine: TestMachine | undefined): Promise<void> {
  if (machine) await rm(machine.root, { recursive: true, force: true });
}

/** An environment spec with no requirements (a real venv in seconds, offline) serving `serves`. */
export async function writeLightSpec(machine: TestMachine, name: string, serves: readonly string[]): Promise<void> {
  const spec = [
    `name: ${name}`,
    'description: a test environment with nothing to install',
    'python: ">=3.8"',
    `serves: [${serves.join(', ')}]`,
    'requirements: []',
    'probes: [json]',
    '',
  ].join('\n');
  await writeFile(path.join(machine.specsDir, `${name}.yaml`), spec);
}

/** A PATH of links to every program on this PATH except `left out` (ffmpeg, ffprobe): a machine without them. */
export async function pathWithout(root: string, leftOut: readonly string[]): Promise<string> {
  const bin = await mkdtemp(path.join(root, 'bin-'));
  const linked = new Set<string>();
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const names = await readdir(folder).catch(() => []);
    for (const name of names) {
      if (leftOut.includes(name) || linked.has(name)) continue;
      linked.add(name);
      await symlink(path.join(folder, name), path.join(bin, name));
    }
  }
  return bin;
}
