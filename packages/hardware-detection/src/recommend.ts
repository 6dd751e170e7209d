import {
  APPLE_TIERS,
  CPU_TIERS,
  MAX_USEFUL_THREADS,
  MIN_ASR_VRAM_GIB,
  MIN_FLOAT16_COMPUTE_CAPABILITY,
  MIN_TRANSLATION_VRAM_GIB,
  NVIDIA_TIERS,
  type ModelTier,
} from './recommendation-tables';
import type {
  HardwareProfile,
  NvidiaGpu,
  Recommendation,
  RecommendationOverrides,
  StageDevice,
  StageFamily,
} from './schema';

const GIB = 1024 ** 3;
const gib = (bytes: number) => `${(bytes / GIB).toFixed(1)} GB`;

/** The GPU with the most VRAM: the pipeline runs on one device. */
function bestNvidiaGpu(profile: HardwareProfile): (NvidiaGpu & { vramBytes: number }) | null {
  const usable = profile.nvidiaGpus.filter((gpu): gpu is NvidiaGpu & { vramBytes: number } => gpu.vramBytes !== null);
  return usable.sort((a, b) => b.vramBytes - a.vramBytes)[0] ?? null;
}

function pickTier(profile: HardwareProfile, gpu: ReturnType<typeof bestNvidiaGpu>): { tier: ModelTier; reason: string } {
  if (gpu && gpu.vramBytes >= MIN_ASR_VRAM_GIB * GIB) {
    const tier = NVIDIA_TIERS.find((row) => gpu.vramBytes >= row.minVramGiB * GIB);
    if (tier) {
      const capability = gpu.computeCapability === null ? null : Number(gpu.computeCapability);
      if (tier.computeType !== 'int8' && capability !== null && capability < MIN_FLOAT16_COMPUTE_CAPABILITY) {
        return {
          tier: { ...tier, computeType: 'int8' },
          reason: `${gpu.name} (${gib(gpu.vramBytes)}, compute ${gpu.computeCapability}): ${tier.why}; int8 since float16 is slow before compute 7.0`,
        };
      }
      return { tier, reason: `${gpu.name} (${gib(gpu.vramBytes)}): ${tier.why}` };
    }
  }
  const memory = profile.memory.totalBytes;
  if (profile.appleSilicon) {
    const tier = APPLE_TIERS.find((row) => memory >= row.minMemoryGiB * GIB) ?? APPLE_TIERS[APPLE_TIERS.length - 1]!;
    return { tier, reason: `${profile.appleSilicon.chip} with ${gib(memory)}: ${tier.why}` };
  }
  const cores = profile.cpu.physicalCores;
  const tier =
    CPU_TIERS.find((row) => cores >= row.minCores && memory >= row.minMemoryGiB * GIB) ?? CPU_TIERS[CPU_TIERS.length - 1]!;
  return { tier, reason: `CPU only, ${cores} cores and ${gib(memory)}: ${tier.why}` };
}

function stageDevices(profile: HardwareProfile, gpu: ReturnType<typeof bestNvidiaGpu>): Recommendation['stages'] {
  const vram = gpu?.vramBytes ?? 0;
  const onCuda = (why: string): StageDevice => ({ device: 'cuda', fallback: ['cpu'], reason: `${gpu!.name}: ${why}` });
  const onCpu = (reason: string): StageDevice => ({ device: 'cpu', fallback: [], reason });
  const noGpu = profile.appleSilicon ? 'Apple Silicon' : gpu ? `${gpu.name} has too little memory` : 'no NVIDIA GPU';

  return {
    asr:
      vram >= MIN_ASR_VRAM_GIB * GIB
        ? onCuda('Whisper runs 10-40x faster on CUDA')
        : profile.appleSilicon
          ? { device: 'metal', fallback: ['cpu'], reason: `${profile.appleSilicon.chip}: whisper.cpp and MLX use the GPU through Metal` }
          : onCpu(`${noGpu}: whisper.cpp on ${profile.cpu.physicalCores} CPU cores`),
    vad: onCpu('Silero VAD runs about a hundred times faster than real time on one CPU core; a GPU saves nothing'),
    translation:
      vram >= MIN_TRANSLATION_VRAM_GIB * GIB
        ? onCuda('IndicTrans2/NLLB fit in VRAM at float16')
        : profile.appleSilicon
          ? { device: 'metal', fallback: ['cpu'], reason: `${profile.appleSilicon.chip}: torch runs the translator through MPS` }
          : onCpu(`${noGpu}: translation on CPU`),
    diarization: gpu && vram >= MIN_ASR_VRAM_GIB * GIB
      ? onCuda('pyannote embeddings are much faster on CUDA')
      : onCpu(profile.appleSilicon ? 'pyannote is unreliable on MPS; CPU is the safe choice' : `${noGpu}: pyannote on CPU`),
  };
}

const OVERRIDE_REASON = 'set explicitly';

/** The override with OVERRIDE_REASON when one is given, else the recommended value and why. */
function overridden<T>(override: T | undefined, value: T, reason: string): { value: T; reason: string } {
  return override ? { value: override, reason: OVERRIDE_REASON } : { value, reason };
}

function overriddenDevice(current: StageDevice, device: StageDevice['device'] | undefined): StageDevice {
  if (device === undefined || device === current.device) return current;
  return { device, fallback: device === 'cpu' ? [] : ['cpu'], reason: `${OVERRIDE_REASON} (recommended: ${current.device})` };
}

/**
 * What to run on this hardware: Whisper model size, compute type, threads, batch size, and a device with
 * its fallback chain per stage family, each with a one-line reason. Pure: the same profile and
 * overrides always give the same answer.
 */
export function recommend(profile: HardwareProfile, overrides: RecommendationOverrides = {}): Recommendation {
  const gpu = bestNvidiaGpu(profile);
  const { tier, reason } = pickTier(profile, gpu);
  const threads = Math.max(1, Math.min(profile.cpu.physicalCores, MAX_USEFUL_THREADS));
  const stages = stageDevices(profile, gpu);
  const devices = overrides.devices ?? {};

  return {
    whisperModel: overridden(overrides.whisperModel, tier.model, reason),
    computeType: overridden(overrides.computeType, tier.computeType, reason),
    threads: overridden(
      overrides.threads,
      threads,
      `${profile.cpu.physicalCores} physical cores${profile.cpu.physicalCores > MAX_USEFUL_THREADS ? `; whisper.cpp gains little past ${MAX_USEFUL_THREADS}` : ''}`,
    ),
    batchSize: overridden(
      overrides.batchSize,
      tier.batchSize,
      tier.batchSize > 1 ? reason : 'whisper.cpp on CPU decodes one window at a time',
    ),
    stages: Object.fromEntries(
      (Object.keys(stages) as StageFamily[]).map((family) => [family, overriddenDevice(stages[family], devices[family])]),
    ) as Recommendation['stages'],
  };
}
