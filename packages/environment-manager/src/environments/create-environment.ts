import { mkdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isBollyxError } from '@bollyx/errors';
import writeFileAtomic from 'write-file-atomic';
import { withLockFolder } from '../lock-folder';
import { checkSpecEnvironment } from './check-environment';
import { currentPlatform, supportsPlatform } from './current-platform';
import { EnvironmentCreateCancelledError, EnvironmentCreateFailedError, EnvironmentUnsupportedError } from './environment-errors';
import { environmentFingerprint, environmentInputs, inputsHash } from './environment-inputs';
import type { EnvironmentOptions } from './environment-options';
import type { EnvironmentProgress } from './environment-progress';
import { environmentRecordPath, EnvironmentRecordSchema } from './environment-record';
import type { EnvironmentRecord } from './environment-record';
import type { EnvironmentSpec, EnvironmentVariant } from './environment-spec';
import { environmentLockDir, environmentScratchDir, removeLeftovers } from './environment-scratch';
import { loadEnvironmentSpec } from './environment-specs';
import { environmentsDir } from './environments-dir';
import { checkChosenPython, findPython } from './find-python';
import { chooseInstaller, installCommand, venvCommand } from './installer-commands';
import type { Installer, PackageSources } from './installer-commands';
import { parseInstallerLine } from './installer-output';
import { venvInterpreter } from './python-interpreter';
import { runInstallStep } from './run-install-step';
import { probeFailureMessages, runProbes } from './run-probes';

export interface CreateEnvironmentOptions extends EnvironmentOptions {
  /** The torch build for specs with variants. Default 'cpu' (the CLI picks 'cuda' when an NVIDIA GPU is present). */
  variant?: EnvironmentVariant;
  /** The interpreter to build from. Default: the first suitable one `findPython` finds. */
  python?: string;
  /** Folders of wheels to install from (pip's and uv's --find-links). */
  findLinks?: string[];
  /** Install from the findLinks folders only, never an index: air-gapped machines. */
  noIndex?: boolean;
  /** A folder holding every wheel needed: the same as `findLinks: [dir], noIndex: true`. */
  wheelhouse?: string;
  /** Rebuild even when the environment is ok. */
  force?: boolean;
  /** Default: uv when it is on PATH, else pip. */
  installer?: Installer;
  signal?: AbortSignal;
  onProgress?: (event: EnvironmentProgress) => void;
}

type Report = (phase: EnvironmentProgress['phase'], fraction: number, message: string) => void;

function progressReporter(onProgress: CreateEnvironmentOptions['onProgress']): Report {
  let last = 0;
  return (phase, fraction, message) => {
    last = Math.max(last, fraction);
    onProgress?.({ phase, fraction: last, message });
  };
}

/** Module files found inside the temp folder, moved to where they will be once it is renamed into place. */
function relocate(files: Record<string, string>, from: readonly string[], to: string): Record<string, string> {
  const moved = (file: string) => {
    for (const prefix of from) {
      const relative = path.relative(prefix, file);
      if (file !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return path.join(to, relative);
    }
    return file;
  };
  return Object.fromEntries(Object.entries(files).map(([module, file]) => [module, moved(file)]));
}

/** Puts `temp` at `target`: the old environment goes to a trash name first and comes back if the swap fails. */
async function swapIntoPlace(temp: string, target: string, root: string, name: string): Promise<void> {
  const trash = environmentScratchDir(root, name, 'trash');
  let old = false;
  try {
    await rename(target, trash);
    old = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new EnvironmentCreateFailedError({ name, step: 'swap', problem: `the old environment ${target} cannot be moved aside: ${(error as Error).message}`, cause: error });
    }
  }
  try {
    await rename(temp, target);
  } catch (error) {
    if (old) await rename(trash, target);
    throw new EnvironmentCreateFailedError({ name, step: 'swap', problem: `the new environment cannot be moved to ${target}: ${(error as Error).message}`, cause: error });
  }
  if (old) await rm(trash, { recursive: true, force: true, maxRetries: 3 });
}

interface BuildPlan {
  spec: EnvironmentSpec;
  variant: EnvironmentVariant;
  root: string;
  target: string;
  sources: PackageSources;
  env: NodeJS.ProcessEnv;
  report: Report;
}

async function buildEnvironment(plan: BuildPlan, options: CreateEnvironmentOptions): Promise<EnvironmentRecord> {
  const { spec, variant, root, target, sources, env, report } = plan;
  const { name } = spec;
  const { signal } = options;
  report('python', 0.01, `looking for Python ${spec.python}`);
  const python = options.python
    ? await checkChosenPython(options.python, spec.python, { env, signal })
    : await findPython(spec.python, { env, signal });
  const installer = await chooseInstaller(options.installer, name, env);
  report('python', 0.03, `Python ${python.version} at ${python.path}, installing with ${installer}`);

  const inputs = environmentInputs(spec, variant);
  const temp = environmentScratchDir(root, name, 'tmp');
  const step = { name, env, signal, offline: sources.noIndex };
  try {
    report('venv', 0.05, `creating the venv in ${temp}`);
    await runInstallStep(venvCommand(installer, python.path, temp), { ...step, step: 'venv' });
    const tempPython = venvInterpreter(temp);

    report('install', 0.15, `installing ${inputs.requirements.length} requirement${inputs.requirements.length === 1 ? '' : 's'}`);
    if (inputs.requirements.length > 0) {
      let collected = 0;
      await runInstallStep(installCommand(installer, tempPython, inputs.requirements, sources), {
        ...step,
        step: 'install',
        onLine: (line) => {
          const parsed = parseInstallerLine(line);
          if (parsed?.kind === 'collecting') {
            collected += 1;
            // Dependencies add lines beyond the pinned ones: approach 0.6 without knowing the total.
            report('install', 0.15 + (0.45 * collected) / (collected + inputs.requirements.length), `collecting ${parsed.what}`);
          } else if (parsed?.kind === 'resolved') report('install', 0.4, `resolved ${parsed.count} packages`);
          else if (parsed?.kind === 'installing') {
            report('install', 0.7, `installing ${parsed.packages.length > 0 ? parsed.packages.join(', ') : `${parsed.count} packages`}`);
          } else if (parsed?.kind === 'installed') report('install', 0.88, `installed ${parsed.count} packages`);
        },
      });
    }

    report('probe', 0.9, `importing ${spec.probes.join(', ')}`);
    const probed = await runProbes(tempPython, spec.probes, { env, signal }).catch((error: unknown) => {
      if (signal?.aborted) throw new EnvironmentCreateCancelledError(name, signal.reason);
      throw new EnvironmentCreateFailedError({ name, step: 'probe', problem: `the new interpreter does not run the probes: ${(error as Error).message.split('\n')[0]}`, cause: error });
    });
    const failures = probeFailureMessages(probed);
    if (failures.length > 0) throw new EnvironmentCreateFailedError({ name, step: 'probe', problem: failures.join('; ') });

    const basePath = await realpath(python.path);
    const base = await stat(basePath);
    const specHash = inputsHash(inputs);
    const platform = currentPlatform();
    const record = EnvironmentRecordSchema.parse({
      name,
      fingerprint: environmentFingerprint({ specHash, pythonVersion: python.version, platform, variant }),
      specHash,
      pythonVersion: python.version,
      platform,
      variant,
      installer,
      // The folder is renamed into place: everything recorded names the final path. The venv runs from
      // there because pyvenv.cfg names the base interpreter, not the venv's own folder.
      interpreter: venvInterpreter(target),
      probes: relocate(probed.files, [probed.prefix, temp], target),
      createdAt: new Date().toISOString(),
      inputs,
      basePython: { path: basePath, size: base.size, mtimeMs: base.mtimeMs },
    } satisfies EnvironmentRecord);
    // Written last inside the folder: a folder with a record is a complete environment.
    await writeFileAtomic(environmentRecordPath(temp), `${JSON.stringify(record, null, 2)}\n`);
    signal?.throwIfAborted();
    await swapIntoPlace(temp, target, root, name);
    report('done', 1, `created ${name} in ${target}`);
    return record;
  } catch (error) {
    await rm(temp, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/**
 * Creates (or rebuilds) the environment `name` from its spec: finds Python, makes a venv with uv or
 * `python -m venv` in a temp folder beside the final one, installs the pinned requirements (and the
 * variant's torch build), imports the probes, writes the record, then swaps it into place. A failed or
 * cancelled creation removes its temp folder and leaves any previous environment untouched; a lock keeps
 * two creations of one name apart. An environment that is already ok (same variant) is returned as it
 * is unless `force`.
 */
export async function createEnvironment(name: string, options: CreateEnvironmentOptions = {}): Promise<EnvironmentRecord> {
  const env = options.env ?? process.env;
  const spec = await loadEnvironmentSpec(name, options);
  const platform = currentPlatform();
  if (!supportsPlatform(spec, platform)) throw new EnvironmentUnsupportedError(name, platform, spec.platforms ?? []);
  const variant = options.variant ?? 'cpu';
  const root = environmentsDir(env);
  const target = path.join(root, name);
  const indexUrl = spec.variants?.[variant]?.indexUrl;
  const sources: PackageSources = {
    findLinks: [...(options.findLinks ?? []), ...(options.wheelhouse === undefined ? [] : [options.wheelhouse])].map((dir) => path.resolve(dir)),
    noIndex: Boolean(options.noIndex || options.wheelhouse !== undefined),
    ...(indexUrl === undefined ? {} : { indexUrl }),
  };
  const report = progressReporter(options.onProgress);
  await mkdir(root, { recursive: true });

  const lockOptions = {
    signal: options.signal,
    onWait: (pid: number | undefined) => report('waiting', 0, `waiting for another creation of ${name} (process ${pid ?? 'unknown'})`),
  };
  try {
    return await withLockFolder(environmentLockDir(root, name), lockOptions, async () => {
      await removeLeftovers(root, name);
      if (!options.force) {
        const status = await checkSpecEnvironment(spec, { env });
        if (status.state === 'ok' && status.record?.variant === variant) {
          report('done', 1, `${name} is already created (rebuild with force)`);
          return status.record;
        }
      }
      return await buildEnvironment({ spec, variant, root, target, sources, env, report }, options);
    });
  } catch (error) {
    // Cancelled while waiting for the lock or between steps: one error says so, whatever was interrupted.
    if (options.signal?.aborted && !(isBollyxError(error) && error.code === 'CANCELLED')) throw new EnvironmentCreateCancelledError(name, error);
    throw error;
  }
}
