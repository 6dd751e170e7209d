import { mkdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemError } from '@bollyx/errors';
import type { Recommendation } from '@bollyx/hardware-detection';
import { sweepJobs } from './clean-jobs';
import { clipMedia } from './clip-media';
import type { JobConfig } from './config-schema';
import { AudioStreamNotFoundError, ClipOutOfRangeError, JobCancelledError } from './errors';
import { writeJobFile } from './job-file';
import { reserveJobDir } from './job-id';
import { claimJobDir, releaseJobDir } from './job-owner';
import { JOB_FOLDERS, type Job, type JobFile, type MediaMethod } from './job-schema';
import { jobConfigFile } from './load-config-file';
import { placeMedia } from './place-media';
import { probeMedia, type MediaInfo } from './probe-media';
import { resolveConfig, type ConfigFileLayer } from './resolve-config';
import { DEFAULT_WORKSPACE, ensureJobsDir } from './workspace';

/** A step of `prepareJob` and how far it is, 0 to 1. */
export interface PrepareProgress {
  step: 'config' | 'probe' | 'allocate' | 'media' | 'write';
  fraction: number;
}

export interface PrepareJobOptions {
  /** Folder holding `jobs/` and optionally `bollyx.config.yaml`; default `./bollyx-work` (see `resolveWorkspace`). */
  workspace?: string;
  /** A config file to read instead of the workspace's `bollyx.config.yaml`, or a config already read (`{ path, data }`). */
  configFile?: string | ConfigFileLayer;
  /** Defaults for this machine from `@bollyx/hardware-detection`'s `recommend`. */
  recommendation?: Recommendation;
  /** Values by dotted field path, e.g. `{ workflow: 'translate', 'clip.start': '00:10:00' }` (see `resolveConfig`). */
  flags?: Readonly<Record<string, unknown>>;
  /** An environment whose `BOLLYX_*` config variables apply over everything else; pass `process.env` for the CLI's rules. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Copy the media into the job even where a hard link is possible. */
  copy?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: PrepareProgress) => void;
}

/** The part of the media the job works on; undefined for all of it. */
function clipRange(config: JobConfig, media: MediaInfo): { start: number | undefined; end: number | undefined } | undefined {
  const start = config.clip?.start;
  const end = config.clip?.end;
  if (start !== undefined && start >= media.durationSeconds) throw new ClipOutOfRangeError('clip.start', start, media.durationSeconds);
  if (end !== undefined && end > media.durationSeconds) throw new ClipOutOfRangeError('clip.end', end, media.durationSeconds);
  const cutsStart = start !== undefined && start > 0;
  const cutsEnd = end !== undefined && end < media.durationSeconds;
  return cutsStart || cutsEnd ? { start: cutsStart ? start : undefined, end: cutsEnd ? end : undefined } : undefined;
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/**
 * Prepares a job from a media file: resolves and validates the config, checks the media with ffprobe,
 * then reserves the next job id and fills its folder (`media/` with the file hard-linked, copied or
 * clipped, the empty stage folders, and `job.yaml` written last), marked as this process's until
 * job.yaml is in place. Nothing is created when the config or the media is rejected; a failure or
 * cancellation after that removes the job folder, and a folder a killed prepare of the same file left
 * is removed first (see `cleanJobs`). The user's file is only ever read.
 */
export async function prepareJob(input: string, options: PrepareJobOptions = {}): Promise<Job> {
  const { signal } = options;
  const report = (step: PrepareProgress['step'], fraction: number) => options.onProgress?.({ step, fraction });
  const workspace = path.resolve(options.workspace ?? DEFAULT_WORKSPACE);
  const source = path.resolve(input);

  report('config', 0);
  const file = await jobConfigFile(workspace, options.configFile);
  const { config, provenance } = resolveConfig({ recommendation: options.recommendation, file, flags: options.flags, env: options.env });
  report('config', 1);

  report('probe', 0);
  const sourceInfo = await probeMedia(input, { signal });
  const sourceStats = await stat(source);
  if (config.audioStream !== undefined && config.audioStream >= sourceInfo.audioStreams.length) {
    throw new AudioStreamNotFoundError(source, config.audioStream, sourceInfo.audioStreams.length);
  }
  const clip = clipRange(config, sourceInfo);
  report('probe', 1);
  if (signal?.aborted) throw new JobCancelledError(signal.reason);

  report('allocate', 0);
  const jobsDir = await ensureJobsDir(workspace);
  // A killed prepare of this file left its folder: freed before the reservation, so its id comes back
  // when it was the day's last. Best effort: leftovers must not fail a new job; `cleanJobs` says what is wrong.
  await sweepJobs(jobsDir, { source }).catch(() => undefined);
  const { id, dir } = await reserveJobDir(jobsDir);
  report('allocate', 1);
  try {
    await claimJobDir(dir, source);
    for (const folder of JOB_FOLDERS) await mkdir(path.join(dir, folder));
    const mediaFile = path.join('media', path.basename(source));
    const mediaPath = path.join(dir, mediaFile);
    const onProgress = (fraction: number) => report('media', fraction);
    let method: MediaMethod;
    let info = sourceInfo;
    report('media', 0);
    if (clip) {
      method = await clipMedia(source, mediaPath, { ...clip, durationSeconds: sourceInfo.durationSeconds, signal, onProgress });
      info = await probeMedia(mediaPath, { signal });
    } else {
      // The link must name the file itself: link(2) on a symlink would link the symlink.
      method = await placeMedia(await realpath(source), mediaPath, { copy: options.copy, sizeBytes: sourceInfo.sizeBytes, signal, onProgress });
    }
    if (signal?.aborted) throw new JobCancelledError(signal.reason);

    report('write', 0);
    const job: JobFile = {
      version: 1,
      id,
      createdAt: new Date().toISOString(),
      source: {
        path: source,
        sizeBytes: sourceInfo.sizeBytes,
        modifiedAt: sourceStats.mtime.toISOString(),
        durationSeconds: sourceInfo.durationSeconds,
      },
      media: { file: mediaFile, method, info },
      config,
      provenance,
    };
    await writeJobFile(dir, job);
    await releaseJobDir(dir);
    report('write', 1);
    return { ...job, dir, state: 'prepared' };
  } catch (error) {
    // The reserved folder holds only what this call made (a hard link is a second name: removing it leaves the user's file).
    await rm(dir, { recursive: true, force: true });
    if (isAbort(error)) throw new JobCancelledError(error);
    // The media copy is most of what a job folder needs: a full disk says how much.
    throw fileSystemError(error, { path: dir, neededBytes: sourceInfo.sizeBytes }) ?? error;
  }
}
