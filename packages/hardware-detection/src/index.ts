export { detectHardware, DEFAULT_PROFILE_TTL_MS } from './detect-hardware';
export type { DetectHardwareOptions } from './detect-hardware';
export { recommend } from './recommend';
export { parseNvidiaSmiCsv, parseCudaVersion } from './parse-nvidia-smi';
export { defaultCacheDir, profileCachePath } from './profile-cache';
export {
  ComputeTypeSchema,
  DeviceSchema,
  HardwareProfileSchema,
  NvidiaGpuSchema,
  RecommendationOverridesSchema,
  RecommendationSchema,
  StageDeviceSchema,
  StageFamilySchema,
  WhisperModelSizeSchema,
} from './schema';
export type {
  ComputeType,
  Device,
  HardwareProfile,
  NvidiaGpu,
  Recommendation,
  RecommendationOverrides,
  StageDevice,
  StageFamily,
  WhisperModelSize,
} from './schema';
