import { z } from 'zod';

/** Where a stage's computation runs. `metal` is Apple's GPU (Metal for whisper.cpp, MPS for torch). */
export const DeviceSchema = z.enum(['cpu', 'cuda', 'metal']);
export type Device = z.infer<typeof DeviceSchema>;

/** CTranslate2 compute types, as faster-whisper and WhisperX name them. */
export const ComputeTypeSchema = z.enum(['float16', 'int8_float16', 'int8', 'float32']);
export type ComputeType = z.infer<typeof ComputeTypeSchema>;

const WhisperModelSizeSchema = z.enum(['tiny', 'base', 'small', 'medium', 'large-v3', 'large-v3-turbo']);
export type WhisperModelSize = z.infer<typeof WhisperModelSizeSchema>;

/** The families of pipeline stages that choose a device. */
export type StageFamily = 'asr' | 'vad' | 'translation' | 'diarization';

const NvidiaGpuSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  vramBytes: z.number().int().nonnegative().nullable(),
  driverVersion: z.string().nullable(),
  cudaVersion: z.string().nullable(),
  /** e.g. "8.6"; null when the driver does not report it. */
  computeCapability: z.string().nullable(),
  source: z.enum(['nvidia-smi', 'systeminformation']),
});
export type NvidiaGpu = z.infer<typeof NvidiaGpuSchema>;

export const HardwareProfileSchema = z.object({
  os: z.object({
    platform: z.string(),
    release: z.string(),
    arch: z.string(),
  }),
  hostname: z.string(),
  cpu: z.object({
    model: z.string(),
    physicalCores: z.number().int().positive(),
    /** Hardware threads (logical processors). */
    threads: z.number().int().positive(),
  }),
  memory: z.object({
    totalBytes: z.number().int().nonnegative(),
    availableBytes: z.number().int().nonnegative(),
  }),
  disk: z.object({
    /** The folder whose file system was measured (the workspace). */
    path: z.string(),
    freeBytes: z.number().int().nonnegative().nullable(),
  }),
  nvidiaGpus: z.array(NvidiaGpuSchema),
  appleSilicon: z
    .object({
      chip: z.string(),
      metal: z.literal(true),
    })
    .nullable(),
  /** Hash of what identifies this machine's hardware; a cache written elsewhere does not match. */
  fingerprint: z.string(),
  detectedAt: z.string(),
  detectionMs: z.number().nonnegative(),
});
export type HardwareProfile = z.infer<typeof HardwareProfileSchema>;

const StageDeviceSchema = z.object({
  device: DeviceSchema,
  /** Devices to retry on, in order, when the stage fails with a device error. */
  fallback: z.array(DeviceSchema),
  reason: z.string(),
});
export type StageDevice = z.infer<typeof StageDeviceSchema>;

const reasoned = <T extends z.ZodType>(value: T) => z.object({ value, reason: z.string() });

export const RecommendationSchema = z.object({
  whisperModel: reasoned(WhisperModelSizeSchema),
  computeType: reasoned(ComputeTypeSchema),
  threads: reasoned(z.number().int().positive()),
  batchSize: reasoned(z.number().int().positive()),
  stages: z.object({
    asr: StageDeviceSchema,
    vad: StageDeviceSchema,
    translation: StageDeviceSchema,
    diarization: StageDeviceSchema,
  }),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationOverridesSchema = z
  .object({
    whisperModel: WhisperModelSizeSchema,
    computeType: ComputeTypeSchema,
    threads: z.number().int().positive(),
    batchSize: z.number().int().positive(),
    devices: z.object({
      asr: DeviceSchema,
      vad: DeviceSchema,
      translation: DeviceSchema,
      diarization: DeviceSchema,
    }).partial(),
  })
  .partial();
export type RecommendationOverrides = z.infer<typeof RecommendationOverridesSchema>;
