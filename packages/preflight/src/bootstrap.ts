import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, isBollyxError } from '@bollyx/errors';
import { buildWhisperEngine, cacheRoot, createEnvironment, modelRegistry, pullHubModel, pullModel } from '@bollyx/environment-manager';
import type { EngineBuildProgress, EnvironmentProgress, ModelProgress } from '@bollyx/environment-manager';
import { detectHardware, recommend } from '@bollyx/hardware-detection';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import type { BootstrapItem, BootstrapReport, BootstrapStep } from './bootstrap-report';
import type { CheckDefinition } from './check-definition';
import type { CheckResult } from './check-result';
import { assessConfig, type PreflightConfig } from './config-check';
import { describeHardware } from './describe-hardware';
import { engineCheck, inspectEngine } from './engine-check';
import { engineHardwareOf, environmentVariantOf } from './engine-hardware';
import { environmentCheck } from './environment-check';
import { BootstrapOptionsInvalidError } from './errors';
import { ggmlModelCheck, isRegistryModel } from './ggml-model-check';
import { hubModelCheck } from './hub-model-check';
import { jobNeeds, type JobNeeds } from './job-needs';
import type { JobStagesOf } from './job-stages';
import { hostPackageManager } from './package-manager';
import { preflightCacheDir } from './preflight-cache-dir';
import { pythonCheck } from './python-check';
import { runChecks } from './run-checks';
import { toolCheck } from './tool-check';
import { CMAKE, cxxRequirement, FFMPEG, FFPROBE, MAKE } from './tool-requirements';
import { assessWorkspace } from './workspace-check';

/** Progress of the long parts: the engine build, an environment's creation, a model download. */
export type BootstrapProgress =
  | { step: 'engine'; event: EngineBuildProgress }
  | { step: 'environments'; environment: string; event: EnvironmentProgress }
  | { step: 'models'; event: ModelProgress };

export interface BootstrapOptions {
  /** The config whose stages decide the engine, environments and models; `{ sources }` without a recommendation gets this machine's. */
  config: PreflightConfig;
  /** What the config's pipeline runs (from @bollyx/stage-runner): decides the engine, environments and models set up. */
  stagesOf: JobStagesOf;
  workspace: string;
  /** Default `process.env`: PATH, BOLLYX_CACHE_DIR and the other BOLLYX_* settings. */
  env?: NodeJS.ProcessEnv;
  /** Also pull the Hugging Face models of the configured Python backends (gigabytes). */
  cacheModels?: boolean;
  /** Pull no models at all. */
  skipCache?: boolean;
  /** Redo everything: detect the hardware again, rebuild the engine, recreate the environments, pull and verify the models. */
  force?: boolean;
  signal?: AbortSignal;
  /** Each item as it is settled, in report order. */
  onStep?: (item: BootstrapItem) => void;
  onProgress?: (progress: BootstrapProgress) => void;
  /** Asked once, before the first big piece of work (an engine build, an environment, a download), with all of them; false skips them. */
  confirm?: (work: readonly string[]) => Promise<boolean>;
}

interface Checked {
  result: CheckResult;
  ms: number;
}

const upToDate = (what: string) => `up to date: ${what}`;

/**
 * Sets this machine up for the configured job, in order: hardware (the cached profile), the config, tools
 * (ffmpeg, ffprobe; CMake, make and a C++ compiler while the engine is to be built; Python while Python
 * backends are configured), the whisper.cpp engine for this hardware, the workspace folder, exactly the
 * Python environments the config's stages need (CUDA torch only with an NVIDIA GPU; none a platform cannot
 * run) and the models: the in-process stages' by default, the Python backends' too with `cacheModels`,
 * none with `skipCache`. What is already there is only checked, from the 24-hour check cache and the
 * libraries' own records, so a second run starts no compiler, no Python and hashes nothing. A failed item
 * does not stop the others; the report says what was done, skipped or failed, with each fix.
 */
export async function bootstrap(options: BootstrapOptions): Promise<BootstrapReport> {
  if (options.cacheModels && options.skipCache) {
    throw new BootstrapOptionsInvalidError('cacheModels pulls every configured model and skipCache pulls none', 'pass one of --cache-models and --skip-cache, not both');
  }
  const env = options.env ?? process.env;
  const { signal, force = false } = options;
  const cacheDir = preflightCacheDir(env);
  const items: BootstrapItem[] = [];
  const emit = (step: BootstrapStep, id: string, status: BootstrapItem['status'], reason: string, ms: number, fix?: string) => {
    const item: BootstrapItem = { step, id, status, reason, ...(fix === undefined ? {} : { fix }), durationMs: Math.round(ms) };
    items.push(item);
    options.onStep?.(item);
  };
  const check = async (definition: CheckDefinition, refresh = false): Promise<Checked> => {
    const started = performance.now();
    const [result] = await runChecks([definition], { cacheDir, refresh, signal });
    return { result: result!, ms: performance.now() - started };
  };
  /** A checked item: up to date, or failed with its fix. */
  const emitChecked = (step: BootstrapStep, { result, ms }: Checked) =>
    emit(step, result.id, result.ok ? 'skipped' : 'failed', result.ok ? upToDate(result.what) : result.what, ms, result.fix);
  /** Runs a piece of work, then checks again (and caches the pass) so the report says what is there now. */
  const doWork = async (step: BootstrapStep, id: string, work: () => Promise<string>, recheck: () => CheckDefinition) => {
    const started = performance.now();
    try {
      const done = await work();
      const after = (await check(recheck(), true)).result;
      if (!after.ok) emit(step, id, 'failed', after.what, performance.now() - started, after.fix);
      else emit(step, id, 'done', done, performance.now() - started);
    } catch (error) {
      if (signal?.aborted || !isBollyxError(error)) throw error;
      emit(step, id, 'failed', error.message, performance.now() - started, error.hint);
    }
  };

  // Hardware: the cached profile unless forced; a profile detected just now is new work.
  const detecting = performance.now();
  const detectedFrom = Date.now();
  const profile = await detectHardware({ workspace: options.workspace, refresh: force, signal, cacheDir: cacheRoot(env) });
  const detectedNow = Date.parse(profile.detectedAt) >= detectedFrom;
  emit('hardware', 'hardware', detectedNow ? 'done' : 'skipped', detectedNow ? `detected: ${describeHardware(profile)}` : upToDate(`${describeHardware(profile)} (detected ${profile.detectedAt})`), performance.now() - detecting);

  const configInput: PreflightConfig =
    'sources' in options.config && options.config.sources.recommendation === undefined
      ? { sources: { ...options.config.sources, recommendation: recommend(profile) } }
      : options.config;
  const assessment = assessConfig(configInput, options.stagesOf);
  emit('config', 'config', assessment.ok ? 'skipped' : 'failed', assessment.ok ? upToDate(assessment.what) : assessment.what, 0, assessment.fix);
  const needs = assessment.ok ? await jobNeeds(assessment.config, assessment.stages, env) : undefined;
  const engineInstalled = needs?.engine ? (await inspectEngine(profile, env)).installed !== undefined : true;

  const tools = { env, packageManager: await hostPackageManager(), signal };
  const toolChecks = [toolCheck(FFMPEG, tools), toolCheck(FFPROBE, tools)];
  if (needs?.engine && (force || !engineInstalled)) toolChecks.push(toolCheck(CMAKE, tools), toolCheck(MAKE, tools), toolCheck(cxxRequirement(env), tools));
  if (needs && needs.environments.length > 0) {
    toolChecks.push(pythonCheck({ ranges: needs.environments.map(({ spec }) => spec.python), env, packageManager: tools.packageManager, signal }));
  }
  for (const checked of await Promise.all(toolChecks.map((definition) => check(definition)))) emitChecked('tools', checked);

  await setUp({ options, env, profile, needs, force, check, emit, emitChecked, doWork });
  return { ok: items.every((item) => item.status !== 'failed'), items };
}

interface SetUpContext {
  options: BootstrapOptions;
  env: NodeJS.ProcessEnv;
  profile: HardwareProfile;
  needs: JobNeeds | undefined;
  force: boolean;
  check: (definition: CheckDefinition, refresh?: boolean) => Promise<Checked>;
  emit: (step: BootstrapStep, id: string, status: BootstrapItem['status'], reason: string, ms: number, fix?: string) => void;
  emitChecked: (step: BootstrapStep, checked: Checked) => void;
  doWork: (step: BootstrapStep, id: string, work: () => Promise<string>, recheck: () => CheckDefinition) => Promise<void>;
}

/** A piece of work bootstrap may do, once the user agreed. */
interface PlannedWork {
  step: BootstrapStep;
  id: string;
  /** In words, for the confirmation: `build whisper.cpp for cpu (minutes)`. */
  describe: string;
  /** What to run by hand instead, when the user declines. */
  command: string;
  work: () => Promise<string>;
  recheck: () => CheckDefinition;
}

/** The engine, workspace, environments and models: checked first, then the work confirmed once and done. */
async function setUp(context: SetUpContext): Promise<void> {
  const { options, env, profile, needs, force, check, emit, emitChecked, doWork } = context;
  const { signal, onProgress } = options;
  const hardware = engineHardwareOf(profile);
  const variant = environmentVariantOf(profile);

  // A check remembers what it read for one run: the check after the work is a new one.
  const engineCheckOf = needs?.engine ? () => engineCheck({ profile, env }) : undefined;
  const environmentDefinitions = (needs?.environments ?? []).map(({ spec }) => ({ spec, checkOf: () => environmentCheck({ spec, variant, env, deep: false }) }));
  const registryDefinitions = (needs?.registryModels ?? []).map(({ model, why }) => ({ model, checkOf: () => ggmlModelCheck({ model, why, env }) }));
  const hubDefinitions = (needs?.hubModels ?? []).map(({ model, why }) => ({ model, checkOf: () => hubModelCheck({ model, why, env }) }));
  const [engine, environments, registryModels, hubModels] = await Promise.all([
    engineCheckOf && check(engineCheckOf()),
    Promise.all(environmentDefinitions.map(({ checkOf }) => check(checkOf()))),
    Promise.all(registryDefinitions.map(({ checkOf }) => check(checkOf()))),
    Promise.all(hubDefinitions.map(({ checkOf }) => check(checkOf()))),
  ]);

  const planned = new Map<string, PlannedWork>();
  const plan = (work: PlannedWork) => planned.set(work.id, work);
  if (engine && engineCheckOf && (force || !engine.result.ok)) {
    const { plan: build } = await inspectEngine(profile, env);
    plan({
      step: 'engine',
      id: 'engine',
      describe: `build the whisper.cpp engine for ${build.backend} (several minutes)`,
      command: `bollyx engines build${force ? ' --force' : ''}`,
      recheck: engineCheckOf,
      work: async () => {
        const record = await buildWhisperEngine({ hardware, env, force, signal, onProgress: (event) => onProgress?.({ step: 'engine', event }) });
        return `built whisper.cpp ${record.version} for ${record.backend} in ${record.buildSeconds} s: ${record.binary}`;
      },
    });
  }
  environmentDefinitions.forEach(({ spec, checkOf }, index) => {
    if (!force && environments[index]!.result.ok) return;
    plan({
      step: 'environments',
      id: `environment:${spec.name}`,
      describe: `create the Python environment ${spec.name} (${spec.variants ? `${variant} torch` : 'no torch'})`,
      command: `bollyx env create ${spec.name}${force ? ' --force' : ''}`,
      recheck: checkOf,
      work: async () => {
        const record = await createEnvironment(spec.name, {
          env,
          variant,
          force,
          signal,
          onProgress: (event) => onProgress?.({ step: 'environments', environment: spec.name, event }),
        });
        return `created ${spec.name} (${record.variant}, Python ${record.pythonVersion}, ${record.installer}) at ${record.interpreter}`;
      },
    });
  });
  if (!options.skipCache) {
    registryDefinitions.forEach(({ model, checkOf }, index) => {
      const entry = modelRegistry.find((candidate) => candidate.name === model);
      // A model given by path is the user's file: only checked.
      const present = registryModels[index]!.result.ok;
      if (entry === undefined || (!force && present)) return;
      plan({
        step: 'models',
        id: `model:${model}`,
        describe: `${present ? 'verify' : 'download'} model ${model} (${formatBytes(entry.size)})`,
        command: `bollyx models pull ${model}`,
        recheck: checkOf,
        work: async () => {
          const pulled = await pullModel(model, { env, signal, onProgress: (event) => onProgress?.({ step: 'models', event }) });
          return pulled.status === 'present' ? `verified ${model} (${formatBytes(pulled.size)})` : `${pulled.status} ${model} (${formatBytes(pulled.size)}) and verified`;
        },
      });
    });
    if (options.cacheModels) {
      hubDefinitions.forEach(({ model, checkOf }, index) => {
        if (!force && hubModels[index]!.result.ok) return;
        plan({
          step: 'models',
          id: `model:${model}`,
          describe: `download model ${model} from Hugging Face`,
          command: `bollyx models pull ${model}`,
          recheck: checkOf,
          work: async () => {
            const pulled = await pullHubModel(model, { env, signal, onProgress: (event) => onProgress?.({ step: 'models', event }) });
            return `${pulled.status === 'present' ? 'checked' : 'downloaded'} ${model} (${pulled.repo}@${pulled.commit.slice(0, 12)})`;
          },
        });
      });
    }
  }

  const agreed = planned.size === 0 || !options.confirm || (await options.confirm([...planned.values()].map((work) => work.describe)));
  const settle = async (step: BootstrapStep, id: string, checked: Checked | undefined) => {
    const work = planned.get(id);
    if (work === undefined) {
      if (checked) emitChecked(step, checked);
      return;
    }
    if (!agreed) emit(step, id, 'skipped', `declined: ${work.describe}`, 0, work.command);
    else await doWork(step, id, work.work, work.recheck);
  };

  if (!needs) emit('engine', 'engine', 'skipped', 'not checked: the config is invalid', 0);
  else if (!needs.engine) emit('engine', 'engine', 'skipped', 'not needed: whisper.cpp does not run for this config', 0);
  else await settle('engine', 'engine', engine);

  const workspaceStarted = performance.now();
  const workspace = await assessWorkspace(options.workspace);
  if (!workspace.ok) emit('workspace', 'workspace', 'failed', workspace.what, performance.now() - workspaceStarted, workspace.fix);
  else {
    const created = await mkdir(path.resolve(options.workspace), { recursive: true });
    emit('workspace', 'workspace', created ? 'done' : 'skipped', created ? `created ${path.resolve(options.workspace)}` : upToDate(workspace.what), performance.now() - workspaceStarted);
  }

  for (const { family, error } of needs?.unservable ?? []) emit('environments', `environment:${family}`, 'failed', error.message, 0, error.hint);
  for (const [index, { spec }] of environmentDefinitions.entries()) await settle('environments', `environment:${spec.name}`, environments[index]);

  for (const [index, { model }] of registryDefinitions.entries()) {
    const checked = registryModels[index]!;
    if (options.skipCache && isRegistryModel(model) && !checked.result.ok) emit('models', checked.result.id, 'skipped', `not pulled (skip-cache): ${checked.result.what}`, 0, `bollyx models pull ${model}`);
    else await settle('models', checked.result.id, checked);
  }
  for (const [index, { model }] of hubDefinitions.entries()) {
    const checked = hubModels[index]!;
    if (!planned.has(checked.result.id) && !checked.result.ok) {
      const why = options.skipCache ? 'skip-cache' : 'Python backend models are pulled with --cache-models';
      emit('models', checked.result.id, 'skipped', `not pulled (${why}): ${checked.result.what}`, 0, `bollyx models pull ${model}`);
    } else await settle('models', checked.result.id, checked);
  }
}
