import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JobConfigSchema } from '@bollyx/job-config';
import { GlossarySchema } from '@bollyx/names';
import { runPipeline } from '@bollyx/stage-runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIL_SE, startLoopbackTmdb, type LoopbackTmdb } from '../../../../tools/test-tmdb';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { namesStage } from './names-stage';
import { LAYOUT } from './pipeline-layout';
import { subtitlePipelineOptionsSchema } from './subtitle-pipeline-options';

const tempDir = useTempDirs();
const READ_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJuYW1lcyJ9.bmFtZXMtc2ln';
let tmdb: LoopbackTmdb;
beforeAll(async () => {
  tmdb = await startLoopbackTmdb([DIL_SE], { readToken: READ_TOKEN });
});
afterAll(() => tmdb.close());

describe('the names stage', () => {
  it('is keyed by the glossary files’ content and whether a token is there, never by the token', async () => {
    const dir = await tempDir();
    const glossaryFile = join(dir, 'names.yaml');
    await writeFile(glossaryFile, '- latin: Haflong\n  kind: place\n');
    const stage = (token: string | undefined) =>
      namesStage(
        subtitlePipelineOptionsSchema.parse({
          config: JobConfigSchema.parse({ sourceLanguage: 'hi', names: { glossary: [glossaryFile] } }),
          mediaPath: join(dir, 'media'),
          vadModelPath: join(dir, 'silero.onnx'),
          threads: 1,
          names: { sourceName: 'Dil.Se.1998.1080p.mkv', tmdbUrl: tmdb.url, tmdbCacheDir: join(dir, 'tmdb'), ...(token === undefined ? {} : { tmdbToken: token }) },
        }),
      );
    const jobDir = join(dir, 'job');
    const status = async (token: string | undefined) => (await runPipeline([stage(token)], { jobDir })).stages[0]!.status;

    expect(await status(undefined)).toBe('ran');
    const withoutToken = GlossarySchema.parse(JSON.parse(await readFile(join(jobDir, LAYOUT.glossary), 'utf8')));
    expect(withoutToken.notes[0]).toMatch(/^TMDB skipped: no TMDB token/);
    expect(await status(undefined)).toBe('cached');
    expect(await status(READ_TOKEN)).toBe('ran');
    expect(await status('eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJvdGhlciJ9.b3RoZXItc2ln')).toBe('cached');
    const manifest = await readFile(join(jobDir, 'manifests', 'names.json'), 'utf8');
    expect(JSON.parse(manifest).params).toMatchObject({ tmdb: { title: 'Dil Se', year: 1998, token: true } });
    expect(manifest).not.toContain(READ_TOKEN);
    const withToken = GlossarySchema.parse(JSON.parse(await readFile(join(jobDir, LAYOUT.glossary), 'utf8')));
    expect(withToken.entries.map((entry) => entry.latin)).toEqual(expect.arrayContaining(['Haflong', 'Shah Rukh Khan', 'Meghna']));

    await writeFile(glossaryFile, '- latin: Haflong\n  kind: place\n- latin: Assam\n  kind: place\n');
    expect(await status(READ_TOKEN)).toBe('ran');
  });
});
