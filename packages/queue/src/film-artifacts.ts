import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadJob, resolveWorkspace } from '@bollyx/job-config';
import type { RunSummary } from '@bollyx/pipeline';
import type { ArtifactStore } from './artifacts/artifact-store';
import { pullJobFiles, pushJobFiles } from './artifacts/job-files';
import { sha256OfFile } from './artifacts/sha256-meter';
import type { FilmArtifact } from './film-job';

// How a film and its job travel through an artifact store, so the machines share no folder: the film
// under `films/<sha256>/<name>`, each job under `jobs/<store job id>/` (job.yaml, stage outputs, manifests).

/** The sha256 of a local file, or undefined when there is none. */
async function localSha256(file: string, signal?: AbortSignal): Promise<string | undefined> {
  if ((await stat(file).catch(() => undefined)) === undefined) return undefined;
  return (await sha256OfFile(file, signal)).sha256;
}

/** Puts the film into the store (once per content: a film already there is not sent again). */
export async function uploadFilm(store: ArtifactStore, film: string, signal?: AbortSignal): Promise<FilmArtifact> {
  const { sha256, size } = await sha256OfFile(film, signal);
  const key = `films/${sha256}/${path.basename(film)}`;
  const stored = await store.stat(key);
  if (stored?.sha256 !== sha256) await store.put(key, film, signal === undefined ? {} : { signal });
  return { key, sha256, size };
}

/** Gets the film into `file` (checked against its sha256), unless it is there already. */
async function downloadFilm(store: ArtifactStore, film: FilmArtifact, file: string, signal?: AbortSignal): Promise<void> {
  if ((await localSha256(file, signal)) === film.sha256) return;
  await mkdir(path.dirname(file), { recursive: true });
  await store.get(film.key, file, { expectedSha256: film.sha256, ...(signal === undefined ? {} : { signal }) });
}

/** The film in this worker's workspace (`films/<sha256>/<name>`), downloaded when missing: what a job is prepared from. */
export async function filmInWorkspace(store: ArtifactStore, film: FilmArtifact, workspace: string | undefined, signal?: AbortSignal): Promise<string> {
  const file = path.join(resolveWorkspace({ workspace, env: process.env }), 'films', ...film.key.split('/').slice(1));
  await downloadFilm(store, film, file, signal);
  return file;
}

// job-config's JOB_FILE_NAME, which its public API leaves out.
const JOB_FILE = 'job.yaml';
const jobFileKey = (storeJobId: string) => `jobs/${storeJobId}/${JOB_FILE}`;

/**
 * Makes a job another machine prepared runnable here, and returns its folder: its job.yaml into
 * `<workspace>/jobs/<job id>` (the same id; where a folder of that id holds another job, it stays in
 * `jobs-from-store/<store job id>`), the outputs and manifests of the stages `pulls` lists, and the film
 * itself when the segment reads it (muxing). Every file is checked against its sha256.
 */
export async function pullJob(
  store: ArtifactStore,
  storeJobId: string,
  options: { workspace: string | undefined; pulls: readonly string[]; film?: FilmArtifact; signal?: AbortSignal },
): Promise<string> {
  const { signal } = options;
  const workspace = resolveWorkspace({ workspace: options.workspace, env: process.env });
  const staged = path.join(workspace, 'jobs-from-store', storeJobId);
  await mkdir(staged, { recursive: true });
  const { sha256 } = await store.get(jobFileKey(storeJobId), path.join(staged, JOB_FILE), signal === undefined ? {} : { signal });
  const { id, media } = await loadJob(staged);
  const sameId = path.join(workspace, 'jobs', id);
  const there = await localSha256(path.join(sameId, JOB_FILE), signal);
  let jobDir = staged;
  if (there === sha256) {
    // This machine ran or pulled an earlier segment of the job: its files are reused.
    jobDir = sameId;
    await rm(staged, { recursive: true, force: true });
  } else if (there === undefined && (await stat(sameId).catch(() => undefined)) === undefined) {
    await mkdir(path.dirname(sameId), { recursive: true });
    await rename(staged, sameId);
    jobDir = sameId;
  }
  await pullJobFiles(store, jobDir, options.pulls, { jobId: storeJobId, ...(signal === undefined ? {} : { signal }) });
  if (options.film !== undefined) await downloadFilm(store, options.film, path.join(jobDir, media.file), signal);
  return jobDir;
}

/**
 * Puts what a run made into the store under `jobs/<store job id>/`: job.yaml, then each of `stageIds`'
 * outputs and manifest. Returns the store keys of the run's subtitles and videos (`summary.outputs`).
 */
export async function pushJob(store: ArtifactStore, storeJobId: string, summary: RunSummary, stageIds: readonly string[], signal?: AbortSignal): Promise<string[]> {
  await store.put(jobFileKey(storeJobId), path.join(summary.jobDir, JOB_FILE), signal === undefined ? {} : { signal });
  await pushJobFiles(store, summary.jobDir, stageIds, { jobId: storeJobId, ...(signal === undefined ? {} : { signal }) });
  const outputs = [...Object.values(summary.outputs.subtitles).flatMap((formats) => Object.values(formats)), ...Object.values(summary.outputs.video)];
  return outputs.map((file) => `jobs/${storeJobId}/${path.relative(summary.jobDir, file).split(path.sep).join('/')}`);
}
