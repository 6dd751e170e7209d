// Size estimates in MB, uncompressed as `docker image inspect` counts them, of each image's own layers.
// They are estimates for planning disk space (from typical Debian/Ubuntu packages and PyPI wheels of
// these versions); a real build reports the measured size instead.

export const IMAGE_ESTIMATES_MB = {
  /** debian:bookworm-slim ~75 + ffmpeg and its libraries ~350 + the node binary ~95. */
  base: 520,
  /** The CUDA 12.8 runtime on Ubuntu 22.04 (cuBLAS, cuFFT, …) ~3000 + ffmpeg ~400 + node ~95. */
  'base-cuda': 3500,
  /** python3 and a virtual environment with pip, before any requirement. */
  python: 60,
  /** @bollyx/pipeline from npm with its dependencies, onnxruntime-web (~150 MB, every WASM build) the largest. */
  'node-stages': 200,
  /** A static whisper-cli and libgomp. */
  'whisper-cli': 10,
  /** whisper-cli with CUDA kernels for five GPU generations. */
  'whisper-cli-cuda': 150,
} as const;

/** Installed sizes of the heavy wheels by PyPI name; the CUDA torch build brings its nvidia-* libraries. */
const PACKAGE_ESTIMATES_MB: Readonly<Record<string, { cpu: number; cuda: number }>> = {
  torch: { cpu: 800, cuda: 4400 },
  torchaudio: { cpu: 10, cuda: 15 },
  torchvision: { cpu: 20, cuda: 25 },
  ctranslate2: { cpu: 60, cuda: 60 },
  transformers: { cpu: 60, cuda: 60 },
  scipy: { cpu: 110, cuda: 110 },
  pandas: { cpu: 70, cuda: 70 },
  av: { cpu: 70, cuda: 70 },
  numpy: { cpu: 40, cuda: 40 },
  onnxruntime: { cpu: 25, cuda: 25 },
  'onnxruntime-gpu': { cpu: 250, cuda: 250 },
  'pyannote-audio': { cpu: 30, cuda: 30 },
  'pytorch-lightning': { cpu: 10, cuda: 10 },
  lightning: { cpu: 20, cuda: 20 },
  sentencepiece: { cpu: 5, cuda: 5 },
  tokenizers: { cpu: 10, cuda: 10 },
};
/** A pinned requirement without an entry above, with its own small dependencies. */
const OTHER_PACKAGE_MB = 20;

/** The PyPI project name of a requirement line, normalized (`Pyannote.Audio[x]==3.3` → `pyannote-audio`). */
export function requirementName(requirement: string): string {
  const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? requirement;
  return name.toLowerCase().replace(/[._-]+/g, '-');
}

/** The estimated installed size of these requirements, in MB. */
export function estimateRequirementsMb(requirements: readonly string[], variant: 'cpu' | 'cuda'): number {
  return requirements.reduce((sum, requirement) => sum + (PACKAGE_ESTIMATES_MB[requirementName(requirement)]?.[variant] ?? OTHER_PACKAGE_MB), 0);
}
