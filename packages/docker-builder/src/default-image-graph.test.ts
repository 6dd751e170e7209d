import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironmentSpecs } from '@bollyx/environment-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildPlan, PlannedImage } from './build-plan';
import { defaultImageGraph } from './default-image-graph';
import { imageForStage } from './image-for-stage';
import { planBuilds } from './plan-build';
import { writeBuildFiles } from './write-build-files';

let native: BuildPlan;
let cpu: BuildPlan;
let gpu: BuildPlan;
let outDir: string;

beforeAll(async () => {
  const plans = await planBuilds(['native', 'docker-cpu', 'docker-gpu'], await defaultImageGraph({ platform: 'linux-x64' }));
  [native, cpu, gpu] = [plans[0]!, plans[1]!, plans[2]!];
  outDir = await mkdtemp(join(tmpdir(), 'bollyx-docker-default-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const names = (plan: BuildPlan) => plan.images.map((image) => image.name);
/** The Dockerfile's last stage: what ends up in the image. */
const finalStage = (image: PlannedImage) => image.dockerfile.slice(image.dockerfile.lastIndexOf('\nFROM ') + 1);

describe('the default image graph', () => {
  it('builds only the ffmpeg base in native mode', () => {
    expect(names(native)).toEqual(['base']);
    expect(native.images[0]!.serves).toEqual(['demux', 'mux']);
  });

  it('builds every Linux stage on the CPU in docker-cpu, an image per environment spec, mlx excluded', async () => {
    const specs = await loadEnvironmentSpecs();
    const linux = specs.filter((spec) => spec.platforms === undefined || spec.platforms.includes('linux-x64')).map((spec) => spec.name);

    expect(names(cpu)).toEqual(['base', 'vad', 'asr-whispercpp', 'base-ml', ...linux]);
    expect(cpu.excluded).toEqual([expect.objectContaining({ name: 'mlx', serves: ['asr-mlx'], reason: expect.stringContaining('darwin-arm64 only') })]);
    for (const spec of specs.filter((candidate) => linux.includes(candidate.name))) {
      const image = cpu.images.find((candidate) => candidate.name === spec.name)!;
      expect(image).toMatchObject({ parent: 'base-ml', environment: { name: spec.name, variant: 'cpu' }, serves: spec.serves });
      expect(image.dockerfile).toContain(`import ${spec.probes.join(', ')}`);
    }
  });

  it('uses the CUDA runtime base and cuda variants in docker-gpu, and CPU images for CPU-only environments', async () => {
    const linux = (await loadEnvironmentSpecs()).filter((spec) => spec.platforms === undefined || spec.platforms.includes('linux-x64'));
    const cpuOnly = linux.filter((spec) => spec.variants?.cuda === undefined).map((spec) => spec.name);
    const withCuda = linux.filter((spec) => spec.variants?.cuda !== undefined).map((spec) => `${spec.name}-cuda`);
    expect(cpuOnly.length * withCuda.length).toBeGreaterThan(0);

    expect(names(gpu)).toEqual(['base', 'vad', 'base-cuda', 'asr-whispercpp-cuda', 'base-ml', 'base-ml-cuda', ...cpuOnly, ...withCuda]);
    const cudaBase = gpu.images.find((image) => image.name === 'base-cuda')!;
    expect(cudaBase.dockerfile).toMatch(/^FROM nvidia\/cuda:[\d.]+-runtime-ubuntu/m);
    expect(gpu.images.find((image) => image.name === 'whisperx-cuda')).toMatchObject({ parent: 'base-ml-cuda', environment: { variant: 'cuda' } });
    expect(gpu.estimatedTotalMb).toBeGreaterThan(cpu.estimatedTotalMb);
    expect(cpu.estimatedTotalMb).toBeGreaterThan(native.estimatedTotalMb);
  });

  it('keeps compilers and caches out of every final stage and ends it as the unprivileged user', () => {
    for (const image of gpu.images.concat(cpu.images)) {
      const final = finalStage(image);
      expect(final, image.name).not.toMatch(/\b(g\+\+|cmake|build-essential|gcc)\b/);
      expect(final.match(/^USER .*$/gm)?.at(-1) ?? 'USER bollyx', image.name).toBe('USER bollyx');
      for (const install of final.match(/apt-get install[^\n]*(\n [^\n]*)*/g) ?? []) expect(install).toContain('rm -rf /var/lib/apt/lists/*');
      for (const install of final.match(/pip install[^\n]*/g) ?? []) expect(install).toContain('--no-cache-dir');
    }
  });

  it('builds whisper-cli from the pinned source in a builder stage, and installs each spec’s requirements with its variant', async () => {
    const whisper = cpu.images.find((image) => image.name === 'asr-whispercpp')!;
    expect(whisper.dockerfile).toMatch(/^FROM debian:bookworm-slim AS build$/m);
    expect(whisper.dockerfile).toContain('"-DGGML_NATIVE=OFF"');
    expect(whisper.dockerfile).toContain('COPY --from=build /build/bin/whisper-cli /usr/local/bin/whisper-cli');
    expect(whisper.contextFileCount).toBeGreaterThan(100);

    const written = await writeBuildFiles([cpu], { outDir });
    const requirements = await readFile(join(outDir, 'whisperx', 'requirements.txt'), 'utf8');
    const spec = (await loadEnvironmentSpecs()).find((candidate) => candidate.name === 'whisperx')!;
    for (const line of [...spec.requirements, ...spec.variants!.cpu!.requirements]) expect(requirements).toContain(`${line}\n`);
    expect(requirements).toContain(`--extra-index-url ${spec.variants!.cpu!.indexUrl}\n`);
    expect(await readFile(join(outDir, 'whisperx', 'python', 'asr_faster_whisper.py'), 'utf8')).toContain('import bollyx_stage');
    expect(await readFile(join(outDir, 'whisperx', 'python', 'bollyx_stage.py'), 'utf8')).not.toBe('');
    expect(await readFile(join(outDir, 'asr-whispercpp', 'whisper.cpp', 'CMakeLists.txt'), 'utf8')).toMatch(/project\s*\(\s*"?whisper\.cpp"?/);
    expect(written.images.map((image) => image.name)).toEqual(names(cpu));
  });

  it('says which stages no image of a mode runs, and why', async () => {
    await expect(imageForStage('asr-mlx', 'docker-cpu')).rejects.toMatchObject({
      code: 'IMAGE_STAGE_UNSUPPORTED',
      message: expect.stringContaining('darwin-arm64 only'),
      hint: 'Run asr-mlx natively (without --runtime docker)',
    });
    await expect(imageForStage('asr-whispercpp', 'native')).rejects.toMatchObject({
      code: 'IMAGE_STAGE_UNSUPPORTED',
      hint: expect.stringContaining('native images run: demux, mux'),
    });
  });
});
