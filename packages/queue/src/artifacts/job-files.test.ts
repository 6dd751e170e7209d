import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inProcess, runPipeline, type StageDefinition } from '@bollyx/stage-runner';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { pullJobFiles, pushJobFiles } from './job-files';
import { STORE_KINDS, useStoresUnderTest, type StoreUnderTest } from './test-helpers/stores-under-test';

const tempDir = useTempDirs();
const storeUnderTest = useStoresUnderTest();

/** A film's two segments in miniature: `speech` reads the movie, `words` needs only speech's output. */
function filmStages(movie: string): StageDefinition[] {
  return [
    {
      id: 'speech',
      version: '1',
      inputs: [movie],
      outputs: ['audio/speech.bin', 'audio/speech.json'],
      run: inProcess(async (ctx) => {
        const movieBytes = await readFile(ctx.inputs[0]!);
        await writeFile(ctx.output('audio/speech.bin'), movieBytes.subarray(0, movieBytes.length / 2));
        await writeFile(ctx.output('audio/speech.json'), JSON.stringify({ bytes: movieBytes.length / 2 }));
      }),
    },
    {
      id: 'words',
      version: '1',
      needs: ['speech'],
      outputs: ['text/words.txt'],
      run: inProcess(async (ctx) => {
        const speech = await readFile(ctx.needs.speech![0]!);
        await writeFile(ctx.output('text/words.txt'), `heard ${speech.length} bytes`);
      }),
    },
  ];
}

/** Two machines' job folders for the same job, and the movie only the first one has. */
async function twoMachines() {
  const first = join(await tempDir(), 'film-1');
  const second = join(await tempDir(), 'film-1');
  await mkdir(first);
  await mkdir(second);
  const movie = join(await tempDir(), 'movie.bin');
  await writeFile(movie, Buffer.alloc(64_000, 7));
  return { first, second, movie, stages: filmStages(movie) };
}

describe.each(STORE_KINDS)('job files through a %s store', (kind) => {
  let fixture: StoreUnderTest;
  beforeAll(() => {
    fixture = storeUnderTest(kind);
  });

  it('moves a finished segment to another machine, which runs the next segment from it', async () => {
    const { store } = fixture;
    const { first, second, movie, stages } = await twoMachines();
    await runPipeline(stages, { jobDir: first, segment: ['speech'] });

    const pushed = await pushJobFiles(store, first, ['speech']);
    expect(pushed).toEqual({ moved: ['audio/speech.bin', 'audio/speech.json', 'manifests/speech.json'], unchanged: [] });
    expect(await store.list('jobs/film-1/')).toEqual(['jobs/film-1/audio/speech.bin', 'jobs/film-1/audio/speech.json', 'jobs/film-1/manifests/speech.json']);
    // Pushing again sends only the manifest: the outputs are there with their sha256.
    expect((await pushJobFiles(store, first, ['speech'])).unchanged).toEqual(['audio/speech.bin', 'audio/speech.json']);

    // The second machine has no movie: the engine trusts speech from its pulled manifest.
    await rm(movie);
    const progress: string[] = [];
    const pulled = await pullJobFiles(store, second, ['speech'], { onProgress: ({ path }) => progress.push(path) });
    expect(pulled.moved).toEqual(['audio/speech.bin', 'audio/speech.json', 'manifests/speech.json']);
    expect(progress).toContain('audio/speech.bin');
    const summary = await runPipeline(stages, { jobDir: second, segment: ['words'] });
    expect(summary.stages.map((stage) => [stage.id, stage.status])).toEqual([
      ['speech', 'cached'],
      ['words', 'ran'],
    ]);

    // And back: the first machine gets the words.
    await pushJobFiles(store, second, ['words']);
    await pullJobFiles(store, first, ['words']);
    expect(await readFile(join(first, 'text/words.txt'), 'utf8')).toBe('heard 32000 bytes');
    expect((await pullJobFiles(store, first, ['words'])).unchanged).toEqual(['text/words.txt']);
  });

  it('refuses an output whose stored bytes differ from its manifest, keeping no file and no manifest', async () => {
    const { store } = fixture;
    const { first, second, stages } = await twoMachines();
    await runPipeline(stages, { jobDir: first, segment: ['speech'] });
    await pushJobFiles(store, first, ['speech'], { jobId: 'film-corrupt' });
    await fixture.corrupt('jobs/film-corrupt/audio/speech.bin', Buffer.alloc(32_000, 8));

    await expect(pullJobFiles(store, second, ['speech'], { jobId: 'film-corrupt' })).rejects.toMatchObject({ code: 'ARTIFACT_CORRUPT' });
    expect(await readdir(join(second, 'audio')).catch(() => [])).not.toContain('speech.bin');
    expect(await readdir(join(second, 'manifests'))).toEqual([]);
  });

  it('refuses to push a file that changed since its stage ran, and a stage that has not run', async () => {
    const { store } = fixture;
    const { first, stages } = await twoMachines();
    await runPipeline(stages, { jobDir: first, segment: ['speech'] });
    await writeFile(join(first, 'audio/speech.json'), '{"bytes":0}');
    await expect(pushJobFiles(store, first, ['speech'], { jobId: 'film-changed' })).rejects.toMatchObject({ code: 'ARTIFACT_CORRUPT' });
    expect(await store.list('jobs/film-changed/')).toEqual(['jobs/film-changed/audio/speech.bin']);
    await expect(pushJobFiles(store, first, ['words'], { jobId: 'film-changed' })).rejects.toMatchObject({ code: 'STAGE_NOT_CACHED' });
    await expect(pullJobFiles(store, first, ['words'], { jobId: 'film-unknown' })).rejects.toMatchObject({ code: 'ARTIFACT_NOT_FOUND' });
  });
});
