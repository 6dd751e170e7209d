import { jobConfigFile, resolveWorkspace } from '@bollyx/job-config';
import { bootstrap, type BootstrapOptions, type BootstrapReport } from '@bollyx/preflight';
import { configLayer } from './config-layer';
import { jobStages } from './job-stages';

export interface BootstrapMachineOptions extends Pick<BootstrapOptions, 'cacheModels' | 'skipCache' | 'force' | 'signal' | 'onStep' | 'onProgress' | 'confirm'> {
  /** Folder holding `jobs/` and optionally `bollyx.config.yaml` (default: BOLLYX_WORKSPACE, else `./bollyx-work`). */
  workspace?: string;
  /** A config file (or object) to set up for instead of the workspace's. */
  config?: string | Record<string, unknown>;
}

/**
 * What `bollyx bootstrap` does: sets this machine up for the configured pipeline (tools, the whisper.cpp
 * engine, the workspace, the Python environments and models its stages need). Instant when all is there.
 */
export async function bootstrapMachine(options: BootstrapMachineOptions = {}): Promise<BootstrapReport> {
  const { workspace: asked, config, ...rest } = options;
  const workspace = resolveWorkspace({ workspace: asked, env: process.env });
  const file = await jobConfigFile(workspace, configLayer(config));
  return bootstrap({ ...rest, config: { sources: { file, env: process.env } }, stagesOf: jobStages, workspace, env: process.env });
}
