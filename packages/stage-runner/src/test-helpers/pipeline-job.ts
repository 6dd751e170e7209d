import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PipelineFailedError } from '../errors';
import type { PipelineEvent, PipelineSummary } from '../events';
import { runPipeline, type RunPipelineOptions } from '../run-pipeline';
import type { StageDefinition } from '../stage-definition';
import { scriptStage, writeStageScript, type ScriptBehaviour } from './stage-script';

/** A job folder in `dir` with the stage script, a record of the stages that ran and the events of the last run. */
export interface Job {
  dir: string;
  jobDir: string;
  script: string;
  record: string;
  events: PipelineEvent[];
  run(stages: StageDefinition[], options?: Partial<RunPipelineOptions>): Promise<PipelineSummary>;
  /** The ids of the stages whose script ran, in order, since the job was made. */
  ran(): Promise<string[]>;
  read(path: string): Promise<string>;
}

export async function makeJob(dir: string): Promise<Job> {
  const jobDir = join(dir, 'job');
  const record = join(dir, 'record.txt');
  await writeFile(record, '');
  const events: PipelineEvent[] = [];
  return {
    dir,
    jobDir,
    script: await writeStageScript(dir),
    record,
    events,
    run: (stages, options = {}) => {
      events.length = 0;
      return runPipeline(stages, { jobDir, concurrency: 2, onEvent: (event) => events.push(event), ...options });
    },
    ran: async () => (await readFile(record, 'utf8')).split('\n').filter(Boolean),
    read: (path) => readFile(join(jobDir, path), 'utf8'),
  };
}

export function statuses(summary: PipelineSummary): Record<string, string> {
  return Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status]));
}

/** The PipelineFailedError `promise` rejects with (the test fails on anything else). */
export async function failureOf(promise: Promise<unknown>): Promise<PipelineFailedError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PipelineFailedError);
  return error as PipelineFailedError;
}

/** A → (B, C) → D, every stage writing one text file. */
export function diamond(job: Job, behaviours: Partial<Record<'a' | 'b' | 'c' | 'd', ScriptBehaviour>> = {}, params: Partial<Record<'a' | 'b' | 'c' | 'd', string>> = {}) {
  const stage = (id: 'a' | 'b' | 'c' | 'd', needs: string[]) =>
    scriptStage(
      job.script,
      { id, needs, outputs: [`out/${id}.txt`], params: { text: params[id] ?? id } },
      (ctx) => ({ record: job.record, text: `${String(ctx.params.text)};`, ...behaviours[id] }),
    );
  return [stage('a', []), stage('b', ['a']), stage('c', ['a']), stage('d', ['b', 'c'])];
}
