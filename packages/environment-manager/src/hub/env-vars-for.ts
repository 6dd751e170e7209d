import path from 'node:path';
import { cacheRoot } from '../cache-root';
import { ModelConfigInvalidError } from '../models/model-errors';
import { hubCacheDir, hubHomeDir } from './hub-cache-layout';
import { hubModelEntry, hubModelRegistry } from './hub-model-registry';
import { inspectHubModel } from './hub-model-state';
import { readHubToken } from './read-hub-token';
import type { StageFamily } from '../environments/index';

/** A Python stage as envVarsFor sees it: what it is, and the hub models (registry names) it loads. */
export interface StageModels {
  family: StageFamily;
  models: string[];
}

export interface EnvVarsOptions {
  /** Where BOLLYX_CACHE_DIR and the token settings are read from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The environment variables a Python stage runs with: HF_HOME, HF_HUB_CACHE, PYANNOTE_CACHE (the same hub
 * cache), TORCH_HOME and MLX_CACHE_DIR under the bollyx cache folder, HF_HUB_DISABLE_TELEMETRY=1, and
 * HF_HUB_OFFLINE=1 with TRANSFORMERS_OFFLINE=1 once every listed model is present (a stage that lists none
 * runs offline too), so no stage downloads at run time by accident. HF_TOKEN is added when a listed model is
 * gated and a token is set; it is a secret: pass it to the child process, never log it.
 */
export async function envVarsFor(stage: StageModels, options: EnvVarsOptions = {}): Promise<Record<string, string>> {
  const env = options.env ?? process.env;
  const entries = stage.models.map((name) => hubModelEntry(name));
  const foreign = entries.find((entry) => !entry.families.includes(stage.family));
  if (foreign !== undefined) {
    const serving = hubModelRegistry.filter((entry) => entry.families.includes(stage.family)).map((entry) => entry.name);
    throw new ModelConfigInvalidError(
      `model ${foreign.name} is not loaded by ${stage.family} stages (it serves ${foreign.families.join(', ')})`,
      serving.length > 0 ? `use one of: ${serving.join(', ')}` : `${stage.family} stages load no Hugging Face models: list none`,
      { model: foreign.name, family: stage.family, serving },
    );
  }
  const root = path.resolve(cacheRoot(env));
  const vars: Record<string, string> = {
    HF_HOME: hubHomeDir(env),
    HF_HUB_CACHE: hubCacheDir(env),
    // pyannote.audio 3 downloads a pipeline and the models its config.yaml names with huggingface_hub into
    // $PYANNOTE_CACHE (default ~/.cache/torch/pyannote), in the hub cache's layout: pointed at the hub cache, it
    // finds the models `bollyx models pull` put there, offline.
    PYANNOTE_CACHE: hubCacheDir(env),
    TORCH_HOME: path.join(root, 'torch'),
    // mlx-whisper downloads through huggingface_hub (HF_HUB_CACHE); MLX_CACHE_DIR keeps anything else MLX caches with us.
    MLX_CACHE_DIR: path.join(root, 'mlx'),
    HF_HUB_DISABLE_TELEMETRY: '1',
  };
  const inspections = await Promise.all(entries.map((entry) => inspectHubModel(entry, env)));
  if (inspections.every((inspection) => inspection.state === 'present')) {
    vars.HF_HUB_OFFLINE = '1';
    vars.TRANSFORMERS_OFFLINE = '1';
  }
  if (entries.some((entry) => entry.gated)) {
    const token = await readHubToken({ env });
    if (token !== undefined) vars.HF_TOKEN = token;
  }
  return vars;
}
