import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { container, manifestSchema, runPipeline, type PipelineEvent, type StageDefinition } from '@bollyx/stage-runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSYBOX, privateDockerdSkipReason, startPrivateDockerd, type PrivateDockerd } from '../../../tools/test-dockerd/private-dockerd';
import { buildImages, type ImageBuildProgress } from './build-images';
import { imageForStage } from './image-for-stage';
import type { ImageGraphInput } from './image-graph';
import { planBuild } from './plan-build';

const skip = privateDockerdSkipReason({ busybox: true });

let root: string;
let daemon: PrivateDockerd | undefined;
let env: NodeJS.ProcessEnv;

const docker = (args: string[]) => daemon!.docker(args);

/** busybox ← child (adds a context file) ← grandchild (adds a layer from a RUN step). */
function graph(): ImageGraphInput {
  return {
    repository: 'bollyx-test',
    nodes: [
      { name: 'busybox', description: 'FROM scratch plus a static busybox', modes: ['native'], dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\n', context: [{ path: 'busybox', from: BUSYBOX }], estimatedSizeMb: 2 },
      { name: 'child', description: 'adds /file', parent: 'busybox', modes: ['native'], dockerfile: 'FROM {{parent}}\nCOPY message.txt /file\n', context: [{ path: 'message.txt', from: join(root, 'message.txt') }], estimatedSizeMb: 0 },
      { name: 'grandchild', description: 'adds /work', parent: 'child', modes: ['native'], serves: ['tools'], dockerfile: 'FROM {{parent}}\nRUN ["/bin/busybox", "mkdir", "-p", "/work"]\n', estimatedSizeMb: 0 },
    ],
  };
}

describe.skipIf(skip !== undefined)(`building and running images with a private dockerd${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  const outDir = () => join(root, 'out');
  const build = async () => {
    const events: ImageBuildProgress[] = [];
    const report = await buildImages(await planBuild('native', graph()), { outDir: outDir(), env, onProgress: (event) => events.push(event) });
    return { report, events };
  };
  const status = (report: Awaited<ReturnType<typeof build>>['report']) => Object.fromEntries(report.images.map((image) => [image.name, image.status]));
  let first: Awaited<ReturnType<typeof build>>;
  let rebuilt: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bollyx-dockerd-'));
    await writeFile(join(root, 'message.txt'), 'hello from the child image\n');
    daemon = await startPrivateDockerd(root);
    env = daemon.env;
  });
  afterAll(async () => {
    await daemon?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  it('builds the chain through the library, and the image runs', async () => {
    first = await build();

    expect(status(first.report)).toEqual({ busybox: 'built', child: 'built', grandchild: 'built' });
    expect(first.report.engine.engine).toBe('docker');
    const engineEvent = first.events.find((event) => event.type === 'engine')!;
    if (first.report.engine.builder === 'classic') expect(engineEvent.message).toContain('DOCKER_BUILDKIT=0');
    expect(first.events.some((event) => event.type === 'image' && event.status === 'building' && event.fraction > 0)).toBe(true);
    const busyboxBytes = (await stat(BUSYBOX)).size;
    for (const image of first.report.images) expect(image.sizeBytes).toBeGreaterThanOrEqual(busyboxBytes);

    const grandchild = first.report.images.find((image) => image.name === 'grandchild')!;
    const run = await docker(['run', '--rm', grandchild.ref, 'busybox', 'cat', '/file']);
    expect(run.stdout).toBe('hello from the child image');
  });

  it('skips every image on a second build: the tags exist', async () => {
    const again = await build();

    expect(status(again.report)).toEqual({ busybox: 'skipped', child: 'skipped', grandchild: 'skipped' });
    expect(again.report.images.map((image) => image.ref)).toEqual(first.report.images.map((image) => image.ref));
  });

  it('rebuilds the image whose context file changed and its child, not its parent', async () => {
    await writeFile(join(root, 'message.txt'), 'the child image changed\n');
    rebuilt = await build();

    expect(status(rebuilt.report)).toEqual({ busybox: 'skipped', child: 'built', grandchild: 'built' });
    const grandchild = rebuilt.report.images.find((image) => image.name === 'grandchild')!;
    expect((await docker(['run', '--rm', grandchild.ref, 'busybox', 'cat', '/file'])).stdout).toBe('the child image changed');
  });

  it('finds the image that runs a stage, and whether the engine has it', async () => {
    const found = await imageForStage('tools', 'native', { graph: graph(), env });
    expect(found).toEqual({ image: rebuilt.report.images[2]!.ref, name: 'grandchild', exists: true, entry: ['python', '-u'] });

    await writeFile(join(root, 'message.txt'), 'not built yet\n');
    const unbuilt = await imageForStage('tools', 'native', { graph: graph(), env });
    expect(unbuilt).toMatchObject({ name: 'grandchild', exists: false });
    expect(unbuilt.image).not.toBe(found.image);
  });

  describe('a stage in a container, through the stage-runner', () => {
    let jobDir: string;
    const shout = (image: string): StageDefinition => ({
      id: 'shout',
      version: '1',
      inputs: ['in.txt'],
      outputs: ['out.txt'],
      run: container({
        engine: 'docker',
        image,
        command: (ctx) => ['busybox', 'sh', '-c', 'busybox tr a-z A-Z < "$0" > "$1"', ctx.inputs[0]!, ctx.outputs[0]!],
      }),
    });
    const imageOf = (report: typeof first.report) => report.images.find((image) => image.name === 'grandchild')!.ref;

    beforeAll(async () => {
      jobDir = join(root, 'job');
      await mkdir(jobDir);
      await writeFile(join(jobDir, 'in.txt'), 'quiet words\n');
    });

    it('runs the stage in the image and writes its manifest like a native run', async () => {
      const summary = await runPipeline([shout(imageOf(first.report))], { jobDir });

      expect(summary.stages[0]).toMatchObject({ id: 'shout', status: 'ran' });
      expect(await readFile(join(jobDir, 'out.txt'), 'utf8')).toBe('QUIET WORDS\n');
      const manifest = manifestSchema.parse(JSON.parse(await readFile(join(jobDir, 'manifests', 'shout.json'), 'utf8')));
      expect(manifest).toMatchObject({ stageId: 'shout', executor: 'container', outputs: [{ path: 'out.txt', size: 12 }] });
    });

    it('reuses the result on a re-run, and runs again when the image tag changes', async () => {
      const cached = await runPipeline([shout(imageOf(first.report))], { jobDir });
      expect(cached.stages[0]).toMatchObject({ status: 'cached' });

      const otherImage = await runPipeline([shout(imageOf(rebuilt.report))], { jobDir });
      expect(otherImage.stages[0]).toMatchObject({ status: 'ran' });
    });

    it('fails fast on an image that is not built, naming the build command', async () => {
      const failed = await runPipeline([shout('bollyx-test/missing:000000000000')], { jobDir }).catch((error: unknown) => error);

      expect(failed).toMatchObject({ code: 'CONTAINER_IMAGE_MISSING', hint: expect.stringContaining('bollyx docker build --mode docker-cpu') });
      const stage = (failed as { summary: { stages: Array<{ error?: { code: string; hint?: string } }> } }).summary.stages[0]!;
      expect(stage.error).toMatchObject({ code: 'CONTAINER_IMAGE_MISSING', hint: expect.stringContaining('bollyx docker build --mode docker-cpu') });
    });

    it('stops the container itself when the run is cancelled, even one that ignores SIGTERM', async () => {
      const controller = new AbortController();
      const stubborn: StageDefinition = {
        id: 'stubborn',
        version: '1',
        outputs: ['never.txt'],
        run: container({ engine: 'docker', image: imageOf(first.report), command: () => ['busybox', 'sh', '-c', 'trap "" TERM; busybox sleep 600'] }),
      };
      let runId = '';
      const onEvent = (event: PipelineEvent) => {
        if (event.type === 'pipeline-start') runId = event.runId;
        if (event.type === 'stage-start') {
          // Cancel once the engine lists the container: killing only the client would leave it running.
          void (async () => {
            while ((await docker(['ps', '--quiet', '--filter', `name=bollyx-${runId}-stubborn`])).stdout.trim() === '') await sleep(100);
            controller.abort();
          })();
        }
      };

      await expect(runPipeline([stubborn], { jobDir, signal: controller.signal, onEvent, killGraceMs: 1000 })).rejects.toMatchObject({ code: 'CANCELLED' });
      expect((await docker(['ps', '--all', '--quiet', '--filter', `name=bollyx-${runId}`])).stdout.trim()).toBe('');
    });
  });
});
