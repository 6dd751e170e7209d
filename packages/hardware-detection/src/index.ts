export { detectHardware } from './detect-hardware';
export type { DetectHardwareOptions } from './detect-hardware';
export { recommend } from './recommend';
export { ComputeTypeSchema, DeviceSchema, HardwareProfileSchema, RecommendationOverridesSchema, RecommendationSchema } from './schema';
export type { ComputeType, Device, HardwareProfile, Recommendation, RecommendationOverrides } from './schema';
