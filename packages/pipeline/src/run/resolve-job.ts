import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Recommendation } from '@bollyx/hardware-detection';
import { jobConfigFile, listJobs, loadJob, prepareJob, resolveConfig } from '@bollyx/job-config';
import type { ConfigFileLayer, Job, PrepareJobOptions } from '@bollyx/job-config';
import { namesJob } from './names-job';

export interface ResolveJobOptions {
  workspace: string;
  configFile: string | ConfigFileLayer | undefined;
  recommendation: Recommendation | undefined;
  flags: Readonly<Record<string, unknown>>;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal | undefined;
}

const prepareOptions = (options: ResolveJobOptions): PrepareJobOptions => ({
  workspace: options.workspace,
  configFile: options.configFile,
  recommendation: options.recommendation,
  flags: options.flags,
  env: options.env,
  ...(options.signal === undefined ? {} : { signal: options.signal }),
});

/** JSON with sorted keys, so two configs compare by content alone. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * The job to run. A job id or folder is loaded. A media file reuses the newest job made from the same
 * file (path, size, modification time) with the same resolved config, so running the same command
 * again resumes it (all cache hits when it finished); otherwise a new job is prepared.
 */
export async function resolveJob(
  target: string,
  options: ResolveJobOptions,
): Promise<{ job: Job; ignoredFlags: string[] }> {
  const file = await stat(target).catch(() => undefined);
  if (namesJob(target, file)) {
    // A prepared job keeps the config it was prepared with: flags cannot change it.
    const ignoredFlags = Object.entries(options.flags)
      .filter(([, value]) => value !== undefined)
      .map(([field]) => field);
    return { job: await loadJob(target, { workspace: options.workspace }), ignoredFlags };
  }
  if (!file?.isFile()) return { job: await prepareJob(target, prepareOptions(options)), ignoredFlags: [] };

  const source = path.resolve(target);
  const configFile = await jobConfigFile(options.workspace, options.configFile);
  const { config } = resolveConfig({ recommendation: options.recommendation, file: configFile, flags: options.flags, env: options.env });
  const wanted = canonical(config);
  const match = (await listJobs(options.workspace))
    .reverse()
    .find(
      ({ job }) =>
        job !== undefined &&
        job.source.path === source &&
        job.source.sizeBytes === file.size &&
        job.source.modifiedAt === file.mtime.toISOString() &&
        canonical(job.config) === wanted,
    );
  if (match) return { job: await loadJob(match.dir), ignoredFlags: [] };
  return { job: await prepareJob(target, prepareOptions(options)), ignoredFlags: [] };
}
