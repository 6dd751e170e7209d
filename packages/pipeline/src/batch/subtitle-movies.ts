import path from 'node:path';
import { isBollyxError } from '@bollyx/errors';
import { probeMedia, resolveWorkspace } from '@bollyx/job-config';
import { deliverOutputs } from '../graph/deliver-outputs';
import { OutputExistsError } from '../graph/output-errors';
import type { SubtitlePipelineOutputs } from '../graph/pipeline-layout';
import { detectMachine } from '../run/detect-machine';
import { checkRunOptions, RunOptionsInvalidError } from '../run/run-options';
import type { RunSummary } from '../run/run-summary';
import { subtitleMovie, type SubtitleMovieOptions } from '../run/subtitle-movie';
import { batchConcurrency } from './batch-concurrency';
import { BatchNoMediaError } from './batch-errors';
import type { BatchEvent } from './batch-events';
import type { BatchFilm, BatchSummary } from './batch-summary';
import { findMedia } from './find-media';

export interface SubtitleMoviesOptions extends Omit<SubtitleMovieOptions, 'onEvent'> {
  /** Search the folders' subfolders too. */
  recursive?: boolean;
  /** Films run at once (default: from the hardware, see `batchConcurrency`). */
  concurrency?: number;
  /** Each film's start and result, and its own events tagged with it. */
  onEvent?: (event: BatchEvent) => void;
}

type FilmError = NonNullable<BatchFilm['error']>;

const errorOf = (error: unknown): FilmError =>
  isBollyxError(error)
    ? { code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) }
    : { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };

/** The job a failed run used, from its pipeline summary (`PipelineFailedError`, `PipelineCancelledError`). */
function failedJobId(error: unknown): string | undefined {
  const summary = isBollyxError(error) ? (error.details?.summary as { jobDir?: unknown } | undefined) : undefined;
  return typeof summary?.jobDir === 'string' ? path.basename(summary.jobDir) : undefined;
}

/** The outputs' paths relative to the job folder, as the pipeline lays them out. */
const inJob = (jobDir: string, outputs: SubtitlePipelineOutputs): SubtitlePipelineOutputs => ({
  subtitles: Object.fromEntries(
    Object.entries(outputs.subtitles).map(([language, files]) => [
      language,
      Object.fromEntries(Object.entries(files).map(([format, file]) => [format, path.relative(jobDir, file)])),
    ]),
  ),
  video: Object.fromEntries(Object.entries(outputs.video).map(([container, file]) => [container, path.relative(jobDir, file)])),
});

const fileCount = (outputs: SubtitlePipelineOutputs) =>
  Object.values(outputs.subtitles).reduce((count, files) => count + Object.keys(files).length, 0) + Object.keys(outputs.video).length;

/**
 * The outputs copied into `outputDir` as `subtitleMovie` copies them. A finished job whose copies are all
 * there already was delivered by an earlier batch: nothing is copied and its job folder's outputs are kept.
 */
async function deliver(file: string, summary: RunSummary, outputDir: string, finishedBefore: boolean): Promise<SubtitlePipelineOutputs> {
  try {
    return await deliverOutputs({
      jobDir: summary.jobDir,
      outputs: inJob(summary.jobDir, summary.outputs),
      stem: path.basename(file, path.extname(file)),
      dir: outputDir,
    });
  } catch (error) {
    const taken = error instanceof OutputExistsError ? (error.details?.paths as string[]).length : 0;
    if (finishedBefore && taken === fileCount(summary.outputs)) return summary.outputs;
    throw error;
  }
}

/**
 * Many movies, one job each, as `bollyx batch` runs them: finds the media in `inputs` (files, or folders
 * searched by extension; `recursive` for subfolders), checks each with ffprobe (a file it rejects is
 * reported `invalid` and skipped), and runs each film with `subtitleMovie` (so a film that has a job with
 * the same config reuses it, and one that finished is `skipped` after cache checks only), `concurrency`
 * at a time. A failing film is reported with its error's code and hint and the others go on; aborting
 * `signal` stops the running films (their finished stages are kept) and starts no more (`cancelled`).
 * Resolves with the `BatchSummary` (`ok` when at least one film is valid and every valid one is done or
 * skipped); throws `BatchNoMediaError` when there is no media, and the options'
 * errors (`RunOptionsInvalidError`) before any work.
 */
export async function subtitleMovies(inputs: readonly string[], options: SubtitleMoviesOptions = {}): Promise<BatchSummary> {
  const started = performance.now();
  const { recursive = false, concurrency, onEvent, signal, outputDir, ...movieOptions } = options;
  const emit = (event: BatchEvent) => onEvent?.(event);
  const workspace = resolveWorkspace({ workspace: options.workspace, env: process.env });
  await checkRunOptions(options);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    throw new RunOptionsInvalidError(`concurrency ${concurrency} is not a whole number above 0`, 'Pass 1 or more as concurrency (--concurrency in the CLI), or leave it out to run as many films as the hardware holds', { concurrency });
  }
  // The workspace's jobs hold the films' copies and muxed videos, the output folder the delivered ones: neither is input.
  const files = await findMedia(inputs, { recursive, exclude: [workspace, ...(outputDir === undefined ? [] : [outputDir])] });
  if (files.length === 0) throw new BatchNoMediaError(inputs, recursive);
  const { profile, recommendation } = await detectMachine(workspace, signal);
  const chosen =
    concurrency === undefined ? batchConcurrency(profile, recommendation) : { value: concurrency, reason: 'set by concurrency (--concurrency)' };

  const films: BatchFilm[] = [];
  const finish = (film: BatchFilm) => {
    films.push(film);
    emit({ type: 'film-finish', film });
  };
  const cancelled = (file: string): BatchFilm => ({ file, status: 'cancelled', durationMs: 0, error: { code: 'CANCELLED', message: 'The batch was cancelled before this film started' } });

  const valid: string[] = [];
  for (const file of files) {
    if (signal?.aborted) {
      finish(cancelled(file));
      continue;
    }
    try {
      await probeMedia(file, signal === undefined ? {} : { signal });
      valid.push(file);
    } catch (error) {
      // Without ffprobe no film can be checked: that is the machine's problem, not the films'.
      if (!isBollyxError(error) || error.code === 'FFMPEG_NOT_FOUND') throw error;
      finish(error.code === 'CANCELLED' ? cancelled(file) : { file, status: 'invalid', durationMs: 0, error: errorOf(error) });
    }
  }

  const runFilm = async (file: string): Promise<BatchFilm> => {
    if (signal?.aborted) return cancelled(file);
    emit({ type: 'film-start', file });
    const filmStarted = performance.now();
    const took = () => Math.round(performance.now() - filmStarted);
    let jobId: string | undefined;
    try {
      const summary = await subtitleMovie(file, { ...movieOptions, workspace, signal, onEvent: (event) => emit({ type: 'film-event', file, event }) });
      jobId = summary.jobId;
      const finishedBefore = summary.stages.every((stage) => stage.status === 'cached');
      const outputs = outputDir === undefined ? summary.outputs : await deliver(file, summary, outputDir, finishedBefore);
      return {
        file,
        status: finishedBefore ? 'skipped' : 'done',
        jobId: summary.jobId,
        durationMs: took(),
        outputs,
        ...(summary.speechFound === undefined ? {} : { speechFound: summary.speechFound }),
      };
    } catch (error) {
      const aborted = signal?.aborted === true || (isBollyxError(error) && error.code === 'CANCELLED');
      // A delivery that fails after the run knows its job; a failed run's error names it.
      jobId ??= failedJobId(error);
      return { file, status: aborted ? 'cancelled' : 'failed', ...(jobId === undefined ? {} : { jobId }), durationMs: took(), error: errorOf(error) };
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < valid.length) finish(await runFilm(valid[next++]!));
  };
  await Promise.all(Array.from({ length: Math.min(chosen.value, valid.length) }, worker));

  const order = new Map(files.map((file, index) => [file, index]));
  films.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  return {
    // A batch whose every file was rejected did nothing: not ok.
    ok: valid.length > 0 && films.every((film) => film.status === 'done' || film.status === 'skipped' || film.status === 'invalid'),
    concurrency: chosen,
    durationMs: Math.round(performance.now() - started),
    films,
  };
}
