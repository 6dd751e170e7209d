import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BollyxError } from '@bollyx/errors';
import { PipelineCancelledError } from './errors';
import type { AttemptFailure } from './executors/executor';
import { pipelineEventSchema } from './events';
import { inProcess } from './executors/in-process';
import { hostFileTag } from './host-identity';
import { python } from './executors/python';
import { readManifest } from './manifest';
import type { StageDefinition } from './stage-definition';
import { scriptStage, type ScriptBehaviour } from './test-helpers/stage-script';
import { diamond, failureOf, makeJob, statuses } from './test-helpers/pipeline-job';
import { useTempDirs } from '../../../tools/test-temp-dir';

const tempDir = useTempDirs();

describe('runPipeline', () => {
  it('runs a diamond in dependency order, the two branches at the same time, and records what it did', async () => {
    const job = await makeJob(await tempDir());
    const meet = (mine: string, other: string): ScriptBehaviour => ({ touch: join(job.dir, mine), await: join(job.dir, other) });
    const summary = await job.run(diamond(job, { b: meet('b.here', 'c.here'), c: meet('c.here', 'b.here') }));

    expect(summary.status).toBe('succeeded');
    expect(statuses(summary)).toEqual({ a: 'ran', b: 'ran', c: 'ran', d: 'ran' });
    expect(await job.read('out/d.txt')).toBe('d;b;a;c;a;');

    const order = job.events.filter((event) => event.type === 'stage-start' || event.type === 'stage-done').map((event) => `${event.type}:${event.stageId}`);
    expect(order.indexOf('stage-done:a')).toBeLessThan(order.indexOf('stage-start:b'));
    expect(order.indexOf('stage-done:a')).toBeLessThan(order.indexOf('stage-start:c'));
    expect(order.indexOf('stage-start:d')).toBeGreaterThan(Math.max(order.indexOf('stage-done:b'), order.indexOf('stage-done:c')));
    expect(job.events).toContainEqual(expect.objectContaining({ type: 'stage-progress', stageId: 'b', fraction: 0.5, message: 'halfway' }));

    const manifest = await readManifest(join(job.jobDir, 'manifests/d.json'));
    const content = await readFile(join(job.jobDir, 'out/d.txt'));
    expect(manifest).toMatchObject({
      stageId: 'd',
      device: 'cpu',
      executor: 'binary',
      exitCode: 0,
      needs: [{ stageId: 'b' }, { stageId: 'c' }],
      outputs: [{ path: 'out/d.txt', size: content.length, sha256: createHash('sha256').update(content).digest('hex') }],
      attempts: [{ device: 'cpu', status: 'succeeded' }],
    });
    expect(manifest?.toolVersions.node).toBe(process.versions.node);

    expect(await job.read('logs/b.log')).toMatch(/^\$ .*stage-script\.mjs/m);
    const logged = (await job.read('logs/pipeline.jsonl')).trim().split('\n').map((line) => pipelineEventSchema.parse(JSON.parse(line)));
    expect(logged.map((event) => event.type)).toEqual(job.events.filter((event) => event.type !== 'stage-log').map((event) => event.type));
    expect(existsSync(join(job.jobDir, 'pipeline.lock'))).toBe(false);
  });

  it('reuses unchanged stages and re-runs what a changed parameter, input or output touches', async () => {
    const job = await makeJob(await tempDir());
    const movie = join(job.dir, 'movie.txt');
    await writeFile(movie, 'frames;');
    const stages = (textOfC = 'c') =>
      diamond(job, {}, { c: textOfC }).map((stage) => (stage.id === 'a' ? { ...stage, inputs: [movie] } : stage));

    await job.run(stages());
    expect(await job.ran()).toEqual(expect.arrayContaining(['a', 'b', 'c', 'd']));

    const again = await job.run(stages());
    expect(statuses(again)).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
    expect(job.events.filter((event) => event.type === 'stage-start')).toEqual([]);
    expect(await job.ran()).toHaveLength(4);

    expect(statuses(await job.run(stages('c2')))).toEqual({ a: 'cached', b: 'cached', c: 'ran', d: 'ran' });
    expect(await job.read('out/d.txt')).toBe('d;b;a;frames;c2;a;frames;');

    await appendFile(join(job.jobDir, 'out/b.txt'), 'tampered');
    expect(statuses(await job.run(stages('c2')))).toEqual({ a: 'cached', b: 'ran', c: 'cached', d: 'cached' });

    await writeFile(movie, 'other frames;');
    expect(statuses(await job.run(stages('c2')))).toEqual({ a: 'ran', b: 'ran', c: 'ran', d: 'ran' });
    expect((await job.ran()).sort()).toEqual(['a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd', 'd', 'd']);
  });

  it("keeps the file-hash cache per host: another machine's (size, mtime, inode) entries are never trusted", async () => {
    const job = await makeJob(await tempDir());
    await job.run(diamond(job));
    const manifests = join(job.jobDir, 'manifests');
    const ours = join(manifests, `file-hashes.${hostFileTag()}.json`);
    expect((await readdir(manifests)).filter((name) => name.startsWith('file-hashes'))).toEqual([`file-hashes.${hostFileTag()}.json`]);

    // As if another host had made the cache, and b's output then changed under the same size, mtime and inode.
    await rename(ours, join(manifests, 'file-hashes.gpu-box-7.json'));
    const output = join(job.jobDir, 'out/b.txt');
    const { mtime } = await stat(output);
    await writeFile(output, (await job.read('out/b.txt')).toUpperCase());
    await utimes(output, mtime, mtime);
    expect(statuses(await job.run(diamond(job)))).toEqual({ a: 'cached', b: 'ran', c: 'cached', d: 'cached' });
    expect(existsSync(ours)).toBe(true);
  });

  it('honours force, from and only', async () => {
    const job = await makeJob(await tempDir());
    await job.run(diamond(job));

    expect(statuses(await job.run(diamond(job), { force: true }))).toEqual({ a: 'ran', b: 'ran', c: 'ran', d: 'ran' });
    expect(statuses(await job.run(diamond(job), { from: 'b' }))).toEqual({ a: 'cached', b: 'ran', c: 'cached', d: 'ran' });

    const only = await job.run(diamond(job), { only: 'c' });
    expect(statuses(only)).toEqual({ a: 'cached', b: 'skipped', c: 'ran', d: 'skipped' });
    expect(only.stages.find((stage) => stage.id === 'd')?.reason).toBe('not-selected');

    await writeFile(join(job.jobDir, 'out/a.txt'), 'lost');
    const failure = await failureOf(job.run(diamond(job), { only: 'c' }));
    expect(failure.summary.stages.find((stage) => stage.id === 'a')?.error?.code).toBe('STAGE_NOT_CACHED');
    expect(statuses(failure.summary)).toEqual({ a: 'failed', b: 'skipped', c: 'skipped', d: 'skipped' });
  });

  it('skips the dependents of a failed stage and still runs the independent ones', async () => {
    const job = await makeJob(await tempDir());
    const stages = [
      ...diamond(job, { b: { fail: 'model file is corrupt' } }),
      scriptStage(job.script, { id: 'e', needs: ['c'], outputs: ['out/e.txt'] }, { record: job.record }),
    ];
    const failure = await failureOf(job.run(stages));

    // The error carries the failed stage's own code, so callers tell the causes apart.
    expect(failure.code).toBe('STAGE_COMMAND_FAILED');
    expect(statuses(failure.summary)).toEqual({ a: 'ran', b: 'failed', c: 'ran', d: 'skipped', e: 'ran' });
    const failed = failure.summary.stages.find((stage) => stage.id === 'b');
    expect(failed?.error).toMatchObject({ code: 'STAGE_COMMAND_FAILED', details: { exitCode: 2 } });
    expect(failed?.error?.message).toContain('model file is corrupt');
    expect(failure.summary.stages.find((stage) => stage.id === 'd')).toMatchObject({ reason: 'dependency-failed', dependency: 'b' });
    expect(existsSync(join(job.jobDir, 'manifests/b.json'))).toBe(false);
    expect(await readdir(join(job.jobDir, 'out'))).toEqual(['a.txt', 'c.txt', 'e.txt']);
    expect(await job.read('logs/b.log')).toContain('model file is corrupt');
  });

  it('stops running subprocesses on cancellation, SIGKILLing one that ignores SIGTERM, and leaves nothing half-written', async () => {
    const job = await makeJob(await tempDir());
    const hang = join(job.dir, 'hang');
    await writeFile(hang, '');
    const hanging = (id: string, ignoreTerm: boolean) =>
      scriptStage(job.script, { id, outputs: [`out/${id}.txt`] }, {
        hangIfExists: hang,
        ignoreTerm,
        termFile: join(job.dir, `${id}.term`),
        pidFile: join(job.dir, `${id}.pid`),
      });
    const stages = [hanging('polite', false), hanging('stubborn', true), scriptStage(job.script, { id: 'later', needs: ['polite'], outputs: ['out/later.txt'] })];
    const controller = new AbortController();
    const ready = new Set<string>();
    const run = job.run(stages, {
      signal: controller.signal,
      killGraceMs: 300,
      onEvent: (event) => {
        if (event.type === 'stage-log' && event.line === 'ready') ready.add(event.stageId);
        if (ready.size === 2) controller.abort();
      },
    });
    const error = await run.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(PipelineCancelledError);
    const summary = (error as PipelineCancelledError).summary!;
    expect(summary.status).toBe('cancelled');
    expect(statuses(summary)).toEqual({ polite: 'failed', stubborn: 'failed', later: 'skipped' });
    expect(summary.stages[0]?.error?.code).toBe('CANCELLED');
    for (const id of ['polite', 'stubborn']) {
      expect(await readFile(join(job.dir, `${id}.term`), 'utf8')).toBe('SIGTERM');
      const pid = Number(await readFile(join(job.dir, `${id}.pid`), 'utf8'));
      expect(() => process.kill(pid, 0)).toThrow();
    }
    expect(await readdir(join(job.jobDir, 'out'))).toEqual([]);
    expect(await readdir(join(job.jobDir, 'manifests'))).not.toContain('polite.json');
  });

  it('stops a stage at its timeout, subprocess or in-process function alike', async () => {
    const job = await makeJob(await tempDir());
    const hang = join(job.dir, 'hang');
    await writeFile(hang, '');
    const stages: StageDefinition[] = [
      scriptStage(job.script, { id: 'slow', outputs: ['out/slow.txt'], timeoutMs: 1000 }, { hangIfExists: hang }),
      {
        id: 'deaf',
        version: '1',
        outputs: ['out/deaf.txt'],
        timeoutMs: 200,
        // Ignores its signal: the engine must give up on it after the grace period.
        run: inProcess(() => new Promise<void>(() => undefined)),
      },
      scriptStage(job.script, { id: 'after', needs: ['slow'], outputs: ['out/after.txt'] }),
    ];
    const failure = await failureOf(job.run(stages, { killGraceMs: 200 }));

    expect(statuses(failure.summary)).toEqual({ slow: 'failed', deaf: 'failed', after: 'skipped' });
    for (const id of ['slow', 'deaf']) {
      expect(failure.summary.stages.find((stage) => stage.id === id)?.error?.code).toBe('STAGE_TIMEOUT');
    }
    expect(await readdir(join(job.jobDir, 'out'))).toEqual([]);
  });

  it('retries a stage on the CPU after a CUDA error when its fallback chain allows, and records it', async () => {
    const job = await makeJob(await tempDir());
    const gpuStage = (id: string, fallback: ('cpu' | 'cuda')[], behaviour: ScriptBehaviour) =>
      scriptStage(job.script, { id, outputs: [`out/${id}.txt`], device: { preferred: 'cuda', fallback } }, { record: job.record, ...behaviour });
    const failure = await failureOf(
      job.run([
        gpuStage('asr', ['cpu'], { deviceErrorOn: 'cuda' }),
        gpuStage('pinned', [], { deviceErrorOn: 'cuda' }),
        gpuStage('broken', ['cpu'], { fail: 'bad arguments' }),
      ]),
    );

    expect(statuses(failure.summary)).toEqual({ asr: 'ran', pinned: 'failed', broken: 'failed' });
    expect(job.events).toContainEqual(
      expect.objectContaining({ type: 'stage-retry', stageId: 'asr', fromDevice: 'cuda', toDevice: 'cpu', reason: expect.stringContaining('CUDA error') }),
    );
    expect(job.events.filter((event) => event.type === 'stage-retry')).toHaveLength(1);
    const manifest = await readManifest(join(job.jobDir, 'manifests/asr.json'));
    expect(manifest?.device).toBe('cpu');
    expect(manifest?.attempts).toMatchObject([
      { device: 'cuda', status: 'failed', error: { code: 'STAGE_COMMAND_FAILED' } },
      { device: 'cpu', status: 'succeeded' },
    ]);
    expect(failure.summary.stages.find((stage) => stage.id === 'broken')?.device).toBe('cuda');
    const log = await job.read('logs/asr.log');
    expect(log).toMatch(/attempt 1 on cuda[\s\S]*CUDA error[\s\S]*attempt 2 on cpu/);
    expect((await job.ran()).sort()).toEqual(['asr', 'asr', 'broken', 'pinned']);
  });

  it("reports the executor's own explanation of a failure, with its code, unless the disk is full", async () => {
    const job = await makeJob(await tempDir());
    const explained = (id: string, text: string) => {
      const stage = scriptStage(job.script, { id, outputs: [`out/${id}.txt`] }, { record: job.record, fail: text });
      const explainFailure = (failure: AttemptFailure) =>
        failure.output.includes('model gone') ? new BollyxError('TOOL_MODEL_MISSING', `${id}: the tool has no model`, { hint: 'pull it' }) : undefined;
      return { ...stage, run: { ...stage.run, explainFailure } };
    };
    const failure = await failureOf(job.run([explained('asr', 'model gone'), explained('vad', 'bad arguments')]));

    const codes = Object.fromEntries(failure.summary.stages.map((stage) => [stage.id, stage.error?.code]));
    expect(codes).toEqual({ asr: 'TOOL_MODEL_MISSING', vad: 'STAGE_COMMAND_FAILED' });
    expect(failure.code).toBe('TOOL_MODEL_MISSING');
    expect(failure.hint).toMatch(/^pull it; then run again/);
  });

  it('gives in-process stages their context and reports their failures by code', async () => {
    const job = await makeJob(await tempDir());
    const seen: Record<string, unknown> = {};
    const source = join(job.dir, 'source.txt');
    await writeFile(source, 'words');
    const stages: StageDefinition[] = [
      {
        id: 'upper',
        version: '1',
        inputs: [source],
        outputs: ['transcripts/upper.txt'],
        params: { repeat: 2 },
        run: inProcess(async (ctx) => {
          ctx.progress(0.25, 'reading');
          ctx.log('read the source');
          const text = (await readFile(ctx.inputs[0]!, 'utf8')).toUpperCase().repeat(Number(ctx.params.repeat));
          await writeFile(ctx.output('transcripts/upper.txt'), text);
          ctx.progress(7);
        }),
      },
      {
        id: 'consumer',
        version: '1',
        needs: ['upper'],
        run: inProcess(async (ctx) => {
          seen.needs = ctx.needs;
          seen.outputs = ctx.outputs;
          seen.jobDir = ctx.jobDir;
        }),
      },
      { id: 'crashes', version: '1', run: inProcess(async () => JSON.parse('{') as void) },
      { id: 'forgets', version: '1', outputs: ['out/x.txt'], run: inProcess(async () => undefined) },
      { id: 'misnames', version: '1', outputs: ['out/y.txt'], run: inProcess(async (ctx) => void ctx.output('out/z.txt')) },
      { id: 'no-input', version: '1', inputs: ['missing.wav'], run: inProcess(async () => undefined) },
    ];
    const failure = await failureOf(job.run(stages));

    expect(await job.read('transcripts/upper.txt')).toBe('WORDSWORDS');
    expect(seen).toEqual({ needs: { upper: [join(job.jobDir, 'transcripts/upper.txt')] }, outputs: [], jobDir: job.jobDir });
    expect(job.events.filter((event) => event.type === 'stage-progress').map((event) => event.fraction)).toEqual([0.25, 1]);
    expect(await job.read('logs/upper.log')).toContain('read the source');
    const codes = Object.fromEntries(failure.summary.stages.map((stage) => [stage.id, stage.error?.code]));
    expect(codes).toEqual({
      upper: undefined,
      consumer: undefined,
      crashes: 'STAGE_CRASHED',
      forgets: 'STAGE_OUTPUT_MISSING',
      misnames: 'STAGE_OUTPUT_UNDECLARED',
      'no-input': 'STAGE_INPUT_MISSING',
    });
    expect((await readManifest(join(job.jobDir, 'manifests/upper.json')))?.exitCode).toBeNull();
  });

  it('runs a python stage with the interpreter its environment resolves to', async () => {
    const job = await makeJob(await tempDir());
    const script = join(job.dir, 'count.py');
    await writeFile(
      script,
      ['import sys', 'print("progress 0.5")', 'open(sys.argv[2], "w").write(str(len(sys.argv[1])))', ''].join('\n'),
    );
    const asked: string[] = [];
    const { stdout: interpreter } = await execa('python3', ['-c', 'import sys; print(sys.executable)']);
    const stage: StageDefinition = {
      id: 'count',
      version: '1',
      outputs: ['out/count.txt'],
      environment: { name: 'asr-faster-whisper', fingerprint: 'py3-test' },
      run: python({
        script,
        args: (ctx) => ['hello', ctx.output('out/count.txt')],
        parseProgress: (line) => (line.startsWith('progress ') ? { fraction: Number(line.slice(9)) } : undefined),
      }),
    };

    await expect(job.run([stage])).rejects.toMatchObject({ code: 'PIPELINE_INVALID' });
    const summary = await job.run([stage], {
      resolveInterpreter: async (name) => {
        asked.push(name);
        return interpreter;
      },
    });
    expect(summary.status).toBe('succeeded');
    expect(asked).toEqual(['asr-faster-whisper']);
    expect(await job.read('out/count.txt')).toBe('5');
    expect(job.events).toContainEqual(expect.objectContaining({ type: 'stage-progress', fraction: 0.5 }));
    expect((await readManifest(join(job.jobDir, 'manifests/count.json')))?.environment).toEqual(stage.environment);
  });

  it('rejects with the error of an event listener that throws, after stopping the run', async () => {
    const job = await makeJob(await tempDir());
    const listenerError = new Error('renderer broke');
    const run = job.run(diamond(job), {
      onEvent: (event) => {
        if (event.type === 'stage-start') throw listenerError;
      },
    });
    await expect(run).rejects.toBe(listenerError);
    expect(existsSync(join(job.jobDir, 'pipeline.lock'))).toBe(false);
  });
});
