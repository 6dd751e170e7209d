export { BuildModeSchema } from './build-mode';
export type { BuildMode } from './build-mode';
export { ImageGraphSchema, PARENT_PLACEHOLDER } from './image-graph';
export type { ImageGraphInput } from './image-graph';
export { defaultImageGraph } from './default-image-graph';
export type { DefaultImageGraphOptions } from './default-image-graph';
export { BuildPlanSchema } from './build-plan';
export type { BuildPlan } from './build-plan';
export { planBuild, planBuilds } from './plan-build';
export { BakeFileSchema, bakeFile } from './bake-file';
export type { BakeFile, BakeFileOptions } from './bake-file';
export { writeBuildFiles } from './write-build-files';
export type { WriteBuildFilesOptions, WrittenBuildFiles } from './write-build-files';
export { ContainerEngineSchema, DetectedEngineSchema, detectEngine } from './container-engine';
export type { ContainerEngine, DetectedEngine, EngineOptions } from './container-engine';
export { localImageSize } from './image-inventory';
export { BuildReportSchema, ImageBuildProgressSchema, buildImages } from './build-images';
export type { BuildImagesOptions, BuildReport, ImageBuildProgress } from './build-images';
export { imageForStage, imagesForStages } from './image-for-stage';
export type { ImageStage, StageImage } from './image-for-stage';
export { dockerDir } from './docker-dir';
export {
  ContainerEngineMissingError,
  ImageBuildCancelledError,
  ImageBuildFailedError,
  ImageContextChangedError,
  ImageContextMissingError,
  ImageGraphInvalidError,
  ImageOutputDirForeignError,
  ImageStageUnsupportedError,
} from './docker-errors';
export { ComposeFileSchema, composeFile, composeYaml } from './compose-file';
export type { ComposeFile, ComposeFileOptions, ComposeMode } from './compose-file';
