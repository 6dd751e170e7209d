import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { loadEnvironmentSpecs, planWhisperEngine, type EnvironmentSpec, type EnvironmentVariant } from '@bollyx/environment-manager';
import type { BuildMode } from './build-mode';
import {
  nodeStagesDockerfile,
  pythonBaseDockerfile,
  pythonEnvironmentDockerfile,
  runtimeBaseDockerfile,
  whisperCliDockerfile,
} from './dockerfiles';
import type { ImageGraphInput, ImageNodeInput } from './image-graph';
import { requirementsFile, sharedRequirements } from './python-requirements';
import { stageScriptFiles } from './stage-scripts';
import { estimateRequirementsMb, IMAGE_ESTIMATES_MB } from './size-estimates';

export interface DefaultImageGraphOptions {
  /** Where BOLLYX_* settings are read (the environment specs folder). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** The environment specs folder; default: environment-manager's own specs. */
  specsDir?: string;
  /** The platform the images run on (their CPU architecture); default `linux-<this machine's arch>`. */
  platform?: string;
}

// whisper-cli in an image is portable (no -march=native: the image runs on other CPUs), static, CLI only.
const WHISPER_CMAKE_FLAGS = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DBUILD_SHARED_LIBS=OFF',
  '-DWHISPER_BUILD_TESTS=OFF',
  '-DWHISPER_BUILD_EXAMPLES=ON',
  '-DWHISPER_BUILD_SERVER=OFF',
  '-DGGML_NATIVE=OFF',
];

// Every @bollyx package is released at one version (changesets `fixed`), so this package's version is
// @bollyx/pipeline's and @bollyx/cli's.
export function pipelineVersion(): string {
  const manifest = createRequire(import.meta.url)('@bollyx/docker-builder/package.json') as { version: string };
  return manifest.version;
}

function environmentImage(spec: EnvironmentSpec, variant: EnvironmentVariant, modes: BuildMode[], shared: ReadonlySet<string>): ImageNodeInput {
  const { text, requirements } = requirementsFile(spec, variant);
  const context = stageScriptFiles(spec.serves).map((from) => ({ path: `python/${basename(from)}`, from }));
  return {
    name: variant === 'cuda' ? `${spec.name}-cuda` : spec.name,
    description: `Python environment ${spec.name} (${variant}): ${spec.description}`,
    parent: variant === 'cuda' ? 'base-ml-cuda' : 'base-ml',
    modes,
    serves: spec.serves,
    dockerfile: pythonEnvironmentDockerfile(spec.name, spec.probes, context.length > 0),
    context: [{ path: 'requirements.txt', text }, ...context],
    environment: { name: spec.name, variant },
    estimatedSizeMb: estimateRequirementsMb(requirements.filter((line) => !shared.has(line)), variant),
  };
}

/**
 * bollyx's images: `base` (Debian slim, ffmpeg, Node) for demux and mux, `base-cuda` (CUDA runtime,
 * ffmpeg, Node), `vad`, `asr-whispercpp` (whisper-cli from the pinned whisper.cpp source), `base-ml`
 * (Python and the requirements environments share, no torch) and one image per environment spec of
 * @bollyx/environment-manager, with its cpu or cuda requirements, so images and native venvs never drift.
 * Specs for other platforms (mlx: Apple Silicon) get no image and are listed as excluded.
 */
export async function defaultImageGraph(options: DefaultImageGraphOptions = {}): Promise<ImageGraphInput> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? `linux-${process.arch}`;
  const specs = await loadEnvironmentSpecs({ env, ...(options.specsDir === undefined ? {} : { specsDir: options.specsDir }) });
  const supported = specs.filter((spec) => spec.platforms === undefined || (spec.platforms as readonly string[]).includes(platform));
  const excluded = specs
    .filter((spec) => !supported.includes(spec))
    .map((spec) => ({
      name: spec.name,
      reason: `runs on ${spec.platforms!.join(', ')} only, and the images are ${platform}: no Linux container can run it`,
      serves: spec.serves,
    }));
  const { source } = await planWhisperEngine({ env, hardware: { hasNvidiaGpu: false, isAppleSilicon: false } });

  const shared = sharedRequirements(supported);
  const sharedSet = new Set(shared);
  const withCuda = supported.filter((spec) => spec.variants?.cuda !== undefined);
  const cpuOnly = supported.filter((spec) => spec.variants?.cuda === undefined);
  const mlModes: BuildMode[] = ['docker-cpu', ...(cpuOnly.length > 0 ? (['docker-gpu'] as const) : [])];
  const pythonBase = (name: string, parent: string, variant: EnvironmentVariant, modes: BuildMode[]): ImageNodeInput => ({
    name,
    description: `Python ${variant === 'cuda' ? 'on the CUDA runtime ' : ''}with the requirements several environments share (torch stays per environment)`,
    parent,
    modes,
    dockerfile: pythonBaseDockerfile(shared.length > 0),
    context: shared.length > 0 ? [{ path: 'requirements.txt', text: `${shared.join('\n')}\n` }] : [],
    estimatedSizeMb: IMAGE_ESTIMATES_MB.python + estimateRequirementsMb(shared, variant),
  });

  const nodes: ImageNodeInput[] = [
    {
      name: 'base',
      description: 'Debian bookworm slim with ffmpeg and the Node runtime; demux and mux run here',
      modes: ['native', 'docker-cpu', 'docker-gpu'],
      serves: ['demux', 'mux'],
      dockerfile: runtimeBaseDockerfile('debian'),
      estimatedSizeMb: IMAGE_ESTIMATES_MB.base,
    },
    {
      name: 'vad',
      description: 'the VAD stage: @bollyx/pipeline and its VAD runtime (the Silero model comes from the mounted model cache)',
      parent: 'base',
      modes: ['docker-cpu', 'docker-gpu'],
      serves: ['vad'],
      dockerfile: nodeStagesDockerfile(pipelineVersion()),
      estimatedSizeMb: IMAGE_ESTIMATES_MB['node-stages'],
    },
    {
      name: 'asr-whispercpp',
      description: `whisper-cli ${source.version} (${source.origin}) for the CPU`,
      parent: 'base',
      modes: ['docker-cpu'],
      serves: ['asr-whispercpp'],
      dockerfile: whisperCliDockerfile('cpu', WHISPER_CMAKE_FLAGS),
      context: [{ path: 'whisper.cpp', from: source.dir }],
      estimatedSizeMb: IMAGE_ESTIMATES_MB['whisper-cli'],
    },
    {
      name: 'base-cuda',
      description: 'the CUDA runtime (not devel) with ffmpeg and the Node runtime',
      modes: ['docker-gpu'],
      dockerfile: runtimeBaseDockerfile('cuda'),
      estimatedSizeMb: IMAGE_ESTIMATES_MB['base-cuda'],
    },
    {
      name: 'asr-whispercpp-cuda',
      description: `whisper-cli ${source.version} (${source.origin}) with CUDA`,
      parent: 'base-cuda',
      modes: ['docker-gpu'],
      serves: ['asr-whispercpp'],
      dockerfile: whisperCliDockerfile('cuda', WHISPER_CMAKE_FLAGS),
      context: [{ path: 'whisper.cpp', from: source.dir }],
      estimatedSizeMb: IMAGE_ESTIMATES_MB['whisper-cli-cuda'],
    },
    ...(supported.length > 0 ? [pythonBase('base-ml', 'base', 'cpu', mlModes)] : []),
    ...(withCuda.length > 0 ? [pythonBase('base-ml-cuda', 'base-cuda', 'cuda', ['docker-gpu'])] : []),
    ...supported.map((spec) => environmentImage(spec, 'cpu', spec.variants?.cuda === undefined ? mlModes : ['docker-cpu'], sharedSet)),
    ...withCuda.map((spec) => environmentImage(spec, 'cuda', ['docker-gpu'], sharedSet)),
  ];
  return { repository: 'bollyx', nodes, excluded };
}
