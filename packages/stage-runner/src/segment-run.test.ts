import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planPipeline } from './pipeline-plan';
import { diamond, failureOf, makeJob, statuses, type Job } from './test-helpers/pipeline-job';
import { useTempDirs } from '../../../tools/test-temp-dir';

const tempDir = useTempDirs();

/** The diamond with a movie (written now) as stage a's input: what only the first machine of several has. */
async function movieDiamond(job: Job) {
  const movie = join(job.dir, 'movie.txt');
  await writeFile(movie, 'frames;');
  const stages = (textOfD = 'd') => diamond(job, {}, { d: textOfD }).map((stage) => (stage.id === 'a' ? { ...stage, inputs: [movie] } : stage));
  return { movie, stages };
}

describe('runPipeline with a segment', () => {
  it('runs a later segment without the movie, trusting the manifests of the stages it needs', async () => {
    const job = await makeJob(await tempDir());
    const { movie, stages: withD } = await movieDiamond(job);
    await job.run(withD());
    await rm(movie);
    const stages = withD('d2');

    // `only` re-hashes the inputs of every earlier stage: without the movie it cannot.
    const only = await failureOf(job.run(stages, { only: 'd' }));
    expect(only.summary.stages.find((stage) => stage.id === 'a')?.error?.code).toBe('STAGE_INPUT_MISSING');

    const summary = await job.run(stages, { segment: ['d'] });
    expect(statuses(summary)).toEqual({ a: 'skipped', b: 'cached', c: 'cached', d: 'ran' });
    expect(await job.read('out/d.txt')).toBe('d2;b;a;frames;c;a;frames;');
    expect(job.events.filter((event) => event.type === 'stage-start').map((event) => event.stageId)).toEqual(['d']);

    // A segment reuses its own stages when cached, as a resumed segment on another machine does; a, needed by b, is trusted.
    expect(statuses(await job.run(stages, { segment: ['b', 'd'] }))).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
  });

  it('fails with a typed error naming the stage and file when a needed output is missing or differs from its manifest', async () => {
    const job = await makeJob(await tempDir());
    const stages = (await movieDiamond(job)).stages();
    await job.run(stages);
    const output = join(job.jobDir, 'out/b.txt');
    const original = await readFile(output, 'utf8');

    await appendFile(output, 'tampered');
    const grown = await failureOf(job.run(stages, { segment: ['d'] }));
    expect(grown.code).toBe('TRUSTED_OUTPUT_MISMATCH');
    expect(grown.message).toContain(`Output out/b.txt of stage b has size ${original.length + 8} where the manifest records ${original.length}`);
    expect(grown.hint).toMatch(/Copy out\/b\.txt of stage b again .*or run stage b again/);
    expect(statuses(grown.summary)).toEqual({ a: 'skipped', b: 'failed', c: 'cached', d: 'skipped' });

    await writeFile(output, original.toUpperCase());
    const changed = await failureOf(job.run(stages, { segment: ['d'] }));
    expect(changed.summary.stages.find((stage) => stage.id === 'b')?.error).toMatchObject({
      code: 'TRUSTED_OUTPUT_MISMATCH',
      details: { stageId: 'b', output: 'out/b.txt', path: output, problem: 'sha256' },
    });

    await rm(output);
    expect((await failureOf(job.run(stages, { segment: ['d'] }))).summary.stages.find((stage) => stage.id === 'b')?.error?.details).toMatchObject({
      problem: 'missing',
    });

    await rm(join(job.jobDir, 'manifests/c.json'));
    const uncached = await failureOf(job.run(stages, { segment: ['d'] }));
    expect(uncached.summary.stages.find((stage) => stage.id === 'c')?.error).toMatchObject({
      code: 'STAGE_NOT_CACHED',
      message: 'Stage c, needed by d, has no finished result to reuse',
    });
  });

  it('is planned as the segment, its outside needs trusted, the rest skipped; it combines with force only', async () => {
    const job = await makeJob(await tempDir());
    const stages = diamond(job);
    expect(Object.fromEntries(planPipeline(stages, { segment: ['b', 'd'] }).modes)).toEqual({ a: 'trusted', b: 'auto', c: 'trusted', d: 'auto' });
    expect(Object.fromEntries(planPipeline(stages, { segment: ['b'], force: true }).modes)).toEqual({ a: 'trusted', b: 'force', c: 'skip', d: 'skip' });
    expect(() => planPipeline(stages, { segment: ['d'], only: 'd' })).toThrow(expect.objectContaining({ code: 'PIPELINE_INVALID' }));
    expect(() => planPipeline(stages, { segment: ['e'] })).toThrow(expect.objectContaining({ code: 'PIPELINE_INVALID', details: { unknown: 'e' } }));
    expect(() => planPipeline(stages, { segment: [] })).toThrow(expect.objectContaining({ code: 'PIPELINE_INVALID' }));
  });
});
