import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { currentPlatform, supportsPlatform } from './current-platform';
import { describeInputChanges, environmentFingerprint, environmentInputs, inputsHash } from './environment-inputs';
import type { EnvironmentOptions } from './environment-options';
import { environmentRecordPath, readEnvironmentRecord } from './environment-record';
import type { EnvironmentRecord } from './environment-record';
import type { EnvironmentSpec } from './environment-spec';
import { loadEnvironmentSpec } from './environment-specs';
import type { EnvironmentState, EnvironmentStatus } from './environment-status';
import { environmentsDir } from './environments-dir';
import { inspectPython } from './python-interpreter';
import { probeFailureMessages, runProbes } from './run-probes';

export interface CheckEnvironmentOptions extends EnvironmentOptions {
  /** Also import every probe in the environment's Python (seconds for torch), instead of only checking files. */
  deep?: boolean;
}

const exists = (file: string) => stat(file).then(() => true, () => false);

/** The probe whose recorded file is gone, if any. Built-in modules ('' in the record) have no file to lose. */
async function missingProbeFile(spec: EnvironmentSpec, record: EnvironmentRecord): Promise<string | undefined> {
  const present = await Promise.all(
    spec.probes.map(async (probe) => {
      const file = record.probes[probe];
      if (file === undefined) return `probe ${probe} has no file in the record`;
      return file === '' || (await exists(file)) ? undefined : `probe ${probe}: ${file} is gone`;
    }),
  );
  return present.find((problem) => problem !== undefined);
}

/**
 * The state of the environment `spec` describes, read from its record and the files it names: no Python is
 * started unless the interpreter it was made from changed on disk (then once, for its version) or `deep`.
 */
export async function checkSpecEnvironment(spec: EnvironmentSpec, options: CheckEnvironmentOptions = {}): Promise<EnvironmentStatus> {
  const env = options.env ?? process.env;
  const envDir = path.join(environmentsDir(env), spec.name);
  const create = `bollyx env create ${spec.name}`;
  const status = (state: EnvironmentState, reason: string, record?: EnvironmentRecord): EnvironmentStatus => ({
    name: spec.name,
    state,
    reason,
    ...(state === 'ok' || state === 'unsupported' ? {} : { fix: state === 'broken' ? `${create} --force` : create }),
    spec,
    ...(record === undefined ? {} : { record }),
  });

  const platform = currentPlatform();
  if (!supportsPlatform(spec, platform)) {
    return status('unsupported', `${spec.name} runs on ${spec.platforms!.join(', ')} only; this machine is ${platform}`);
  }
  const record = await readEnvironmentRecord(envDir);
  if (record === null) {
    return status('missing', (await exists(envDir)) ? `${envDir} has no record (an interrupted or foreign install)` : `${envDir} does not exist`);
  }
  if (record === 'invalid') return status('broken', `${environmentRecordPath(envDir)} is not a valid environment record`);

  const inputs = environmentInputs(spec, record.variant);
  const specHash = inputsHash(inputs);
  if (specHash !== record.specHash) return status('stale', describeInputChanges(record.inputs, inputs), record);
  if (record.platform !== platform) return status('stale', `it was made on ${record.platform}; this machine is ${platform}`, record);

  if (!(await exists(record.interpreter))) {
    const dangling = await lstat(record.interpreter).then(() => true, () => false);
    return status('broken', dangling ? `its interpreter ${record.interpreter} links to a Python that is gone` : `its interpreter ${record.interpreter} is gone`, record);
  }
  const base = await stat(record.basePython.path).catch(() => null);
  if (base === null) return status('broken', `the Python it was made from, ${record.basePython.path}, is gone`, record);
  let pythonVersion = record.pythonVersion;
  if (base.size !== record.basePython.size || base.mtimeMs !== record.basePython.mtimeMs) {
    // The base interpreter was replaced (an in-place upgrade): only its version says whether that matters.
    try {
      pythonVersion = (await inspectPython(record.interpreter, [], { env })).version;
    } catch (error) {
      return status('broken', `its interpreter ${record.interpreter} does not run: ${(error as Error).message}`, record);
    }
    if (pythonVersion !== record.pythonVersion) return status('stale', `its Python changed from ${record.pythonVersion} to ${pythonVersion}`, record);
  }
  if (environmentFingerprint({ specHash, pythonVersion, platform, variant: record.variant }) !== record.fingerprint) {
    return status('stale', 'its record does not match its own fingerprint (edited by hand?)', record);
  }
  const gone = await missingProbeFile(spec, record);
  if (gone !== undefined) return status('broken', gone, record);

  if (options.deep) {
    try {
      const failed = probeFailureMessages(await runProbes(record.interpreter, spec.probes, { env }));
      if (failed.length > 0) return status('broken', failed.join('; '), record);
    } catch (error) {
      return status('broken', `its interpreter ${record.interpreter} does not run the probes: ${(error as Error).message.split('\n')[0]}`, record);
    }
    return status('ok', `fingerprint matches; ${spec.probes.join(', ')} import`, record);
  }
  return status('ok', 'fingerprint matches; interpreter and probe files present', record);
}

/**
 * Whether the environment `name` is ready: ok, missing, stale (its spec or Python changed: the reason says
 * what), broken (a file it needs is gone, or with `deep` an import fails) or unsupported on this platform.
 * Without `deep` no Python is started when the fingerprint matches. Throws EnvironmentUnknownError for a
 * name no spec has.
 */
export async function checkEnvironment(name: string, options: CheckEnvironmentOptions = {}): Promise<EnvironmentStatus> {
  return checkSpecEnvironment(await loadEnvironmentSpec(name, options), options);
}
