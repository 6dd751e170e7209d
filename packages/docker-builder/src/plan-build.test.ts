import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BakeFileSchema } from './bake-file';
import type { ImageGraphInput } from './image-graph';
import { planBuild, planBuilds } from './plan-build';
import { writeBuildFiles } from './write-build-files';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bollyx-docker-plan-'));
  await writeFile(join(dir, 'tool.sh'), '#!/bin/sh\necho tool\n');
  await writeFile(join(dir, 'child.txt'), 'child content\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** base ← child ← grandchild (native and docker-cpu), base ← gpu-only (docker-gpu). */
function graph(): ImageGraphInput {
  return {
    repository: 'bollyx-test',
    nodes: [
      { name: 'grandchild', description: 'g', parent: 'child', modes: ['native', 'docker-cpu'], serves: ['vad'], dockerfile: 'FROM {{parent}}\nRUN ["/bin/true"]\n', estimatedSizeMb: 1 },
      { name: 'base', description: 'b', modes: ['native', 'docker-cpu', 'docker-gpu'], serves: ['demux'], dockerfile: 'FROM scratch\nCOPY tool.sh /tool.sh\n', context: [{ path: 'tool.sh', from: join(dir, 'tool.sh') }], estimatedSizeMb: 100 },
      { name: 'child', description: 'c', parent: 'base', modes: ['native', 'docker-cpu'], dockerfile: 'FROM {{parent}}\nCOPY . /data/\n', context: [{ path: 'data/child.txt', from: join(dir, 'child.txt') }, { path: 'data/note.txt', text: 'a note\n' }], estimatedSizeMb: 10 },
      { name: 'gpu-only', description: 'u', parent: 'base', modes: ['docker-gpu'], serves: ['vad'], dockerfile: 'FROM {{parent}}\n', estimatedSizeMb: 1000 },
    ],
  };
}

const tags = async (input: ImageGraphInput) =>
  Object.fromEntries((await planBuild('native', input)).images.map((image) => [image.name, image.tag]));

describe('planBuild', () => {
  it('orders a mode’s images parents first, each once, with content-addressed references', async () => {
    const plan = await planBuild('native', graph());

    expect(plan.images.map((image) => image.name)).toEqual(['base', 'child', 'grandchild']);
    const [base, child, grandchild] = plan.images;
    expect(base!.ref).toMatch(/^bollyx-test\/base:[0-9a-f]{12}$/);
    expect(child).toMatchObject({ parent: 'base', parentRef: base!.ref, contextFileCount: 2, estimatedTotalMb: 110 });
    expect(grandchild).toMatchObject({ parent: 'child', parentRef: child!.ref, estimatedTotalMb: 111 });
    expect(grandchild!.dockerfile).toContain(`FROM ${child!.ref}\n`);
    expect(grandchild!.dockerfile).toContain('dev.bollyx.image="grandchild"');
    expect(plan.estimatedTotalMb).toBe(111);
  });

  it('selects per mode: the GPU plan has base and its own image only', async () => {
    const [native, gpu] = await planBuilds(['native', 'docker-gpu'], graph());

    expect(gpu!.images.map((image) => image.name)).toEqual(['base', 'gpu-only']);
    expect(gpu!.images[0]!.ref).toBe(native!.images[0]!.ref);
  });

  it('changes the tag of an image whose context file changed and of its children, never of its parents', async () => {
    const before = await tags(graph());
    await writeFile(join(dir, 'child.txt'), 'changed content\n');
    const after = await tags(graph());

    expect(after.base).toBe(before.base);
    expect(after.child).not.toBe(before.child);
    expect(after.grandchild).not.toBe(before.grandchild);
  });

  it('changes the tags on a changed Dockerfile or executable bit, and keeps them for the same inputs', async () => {
    const before = await tags(graph());
    expect(await tags(graph())).toEqual(before);

    const edited = graph();
    edited.nodes[2]!.dockerfile += 'ENV A=1\n';
    const afterEdit = await tags(edited);
    expect(afterEdit.base).toBe(before.base);
    expect(afterEdit.child).not.toBe(before.child);

    await chmod(join(dir, 'tool.sh'), 0o755);
    const afterChmod = await tags(graph());
    expect(afterChmod.base).not.toBe(before.base);
    expect(afterChmod.grandchild).not.toBe(before.grandchild);
  });

  it('refuses an invalid graph, naming every problem', async () => {
    const broken = graph();
    broken.nodes[0]!.parent = 'missing';
    broken.nodes[2]!.modes = ['docker-gpu'];
    broken.nodes[3]!.dockerfile = 'FROM debian\n';

    await expect(planBuild('native', broken)).rejects.toMatchObject({
      code: 'IMAGE_GRAPH_INVALID',
      details: {
        problems: expect.arrayContaining([
          expect.stringContaining("grandchild's parent missing is not in the graph"),
          expect.stringContaining('gpu-only has a parent, so its Dockerfile must build FROM {{parent}}'),
        ]),
      },
    });

    const cycle = graph();
    cycle.nodes[1]!.parent = 'grandchild';
    cycle.nodes[1]!.dockerfile = 'FROM {{parent}}\n';
    await expect(planBuild('native', cycle)).rejects.toMatchObject({ message: expect.stringContaining('form a cycle') });

    const twice = graph();
    twice.nodes[2]!.serves = ['vad'];
    await expect(planBuild('native', twice)).rejects.toMatchObject({ message: expect.stringContaining('vad is served by both') });
  });

  it('names a context file that is missing', async () => {
    await rm(join(dir, 'child.txt'));
    await expect(planBuild('native', graph())).rejects.toMatchObject({ code: 'IMAGE_CONTEXT_MISSING', details: { image: 'child' } });
  });
});

describe('writeBuildFiles', () => {
  it('writes each image’s Dockerfile and context, and a bake file with a group per mode and parents chained', async () => {
    const plans = await planBuilds(['docker-cpu', 'native', 'docker-gpu'], graph());
    const outDir = join(dir, 'out');

    const written = await writeBuildFiles(plans, { outDir, defaultMode: 'native' });

    const child = plans[0]!.images.find((image) => image.name === 'child')!;
    expect(await readFile(join(outDir, 'child', 'Dockerfile'), 'utf8')).toBe(child.dockerfile);
    expect(await readFile(join(outDir, 'child', 'data', 'child.txt'), 'utf8')).toBe('child content\n');
    expect(await readFile(join(outDir, 'child', 'data', 'note.txt'), 'utf8')).toBe('a note\n');
    expect(written.images.map((image) => image.name).sort()).toEqual(['base', 'child', 'gpu-only', 'grandchild']);

    const bake = BakeFileSchema.parse(JSON.parse(await readFile(written.bakeFile, 'utf8')));
    expect(bake.group).toEqual({
      'docker-cpu': { targets: ['base', 'child', 'grandchild'] },
      native: { targets: ['base', 'child', 'grandchild'] },
      'docker-gpu': { targets: ['base', 'gpu-only'] },
      default: { targets: ['base', 'child', 'grandchild'] },
    });
    expect(bake.target.child).toEqual({
      context: join(outDir, 'child'),
      dockerfile: 'Dockerfile',
      tags: [child.ref],
      contexts: { [child.parentRef!]: 'target:base' },
      'cache-from': [`type=local,src=${join(outDir, 'cache', 'child')}`],
      'cache-to': [`type=local,dest=${join(outDir, 'cache', 'child')},mode=max`],
    });
    expect(bake.target.base!.contexts).toBeUndefined();
  });

  it('keeps a build folder that already holds the tag, and rewrites one whose tag changed', async () => {
    const outDir = join(dir, 'out');
    await writeBuildFiles(await planBuilds(['native'], graph()), { outDir });
    await writeFile(join(dir, 'child.txt'), 'changed content\n');

    const again = await writeBuildFiles(await planBuilds(['native'], graph()), { outDir });

    expect(Object.fromEntries(again.images.map((image) => [image.name, image.written]))).toEqual({ base: false, child: true, grandchild: true });
    expect(await readFile(join(outDir, 'child', 'data', 'child.txt'), 'utf8')).toBe('changed content\n');
  });

  it('refuses an output folder holding files bollyx did not write, and leaves them alone', async () => {
    await expect(writeBuildFiles(await planBuilds(['native'], graph()), { outDir: dir })).rejects.toMatchObject({ code: 'IMAGE_OUTPUT_DIR_FOREIGN' });
    expect((await readdir(dir)).sort()).toEqual(['child.txt', 'tool.sh']);
  });
});
