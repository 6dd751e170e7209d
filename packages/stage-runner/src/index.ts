export { runPipeline } from './run-pipeline';
export type { RunPipelineOptions } from './run-pipeline';
export { planPipeline } from './pipeline-plan';
export type { PipelinePlan, StageMode, StageSelection } from './pipeline-plan';
export { stageDefinitionSchema, stageParamsSchema } from './stage-definition';
export type { Stage, StageDefinition, StageParams } from './stage-definition';
export { inProcess } from './executors/in-process';
export { binary } from './executors/binary';
export { python } from './executors/python';
export { container } from './executors/container';
export { ContainerImageMissingError } from './executors/container-errors';
export type { StageInImage } from './executors/container-errors';
export type {
  AttemptFailure,
  BinaryExecutor,
  ContainerExecutor,
  DeviceErrorClassifier,
  Executor,
  ExecutorKind,
  InProcessExecutor,
  ProgressParser,
  PythonExecutor,
  StageContext,
} from './executors/executor';
export { deviceSchema, looksLikeDeviceError } from './device';
export type { Device } from './device';
export { manifestSchema } from './manifest';
export type { Manifest } from './manifest';
export { errorInfoSchema, pipelineEventSchema, pipelineSummarySchema, stageResultSchema } from './events';
export type { ErrorInfo, PipelineEvent, PipelineEventType, PipelineSummary, StageResult } from './events';
export {
  ContainerMountPathError,
  PipelineCancelledError,
  PipelineDefinitionError,
  PipelineFailedError,
  PipelineLockedError,
  StageCommandFailedError,
  StageCrashedError,
  StageInputMissingError,
  StageNotCachedError,
  StageOutputMissingError,
  StageOutputUndeclaredError,
  StageTimeoutError,
} from './errors';
export type { JobLockHolder } from './errors';
export { extractAudio, extractedAudioSchema, EXTRACTED_SAMPLE_RATE } from './stages/demux/extract-audio';
export type { ExtractAudioOptions, ExtractedAudio } from './stages/demux/extract-audio';
export { AudioStreamNotFoundError, DemuxFailedError, DemuxInputNotFoundError } from './stages/demux/demux-errors';
export { detectSpeech } from './stages/vad/detect-speech';
export type { DetectSpeechOptions } from './stages/vad/detect-speech';
export { speechSegmentSchema, vadParametersSchema } from './stages/vad/speech-segments';
export type { SpeechSegment, VadParameters } from './stages/vad/speech-segments';
export { VadAudioInvalidError, VadFailedError, VadModelInvalidError, VadParametersInvalidError } from './stages/vad/vad-errors';
export { muxSubtitles, subtitleTrackSchema, muxedTrackSchema, muxResultSchema } from './stages/mux/mux-subtitles';
export type { MuxSubtitlesOptions, SubtitleTrack, MuxedTrack, MuxResult } from './stages/mux/mux-subtitles';
export {
  MuxFailedError,
  MuxFormatUnsupportedError,
  MuxInputInvalidError,
  MuxOutputExistsError,
  MuxVerifyFailedError,
} from './stages/mux/mux-errors';
export { buildSubtitlePipeline } from './pipeline/build-subtitle-pipeline';
export { containerizeStages } from './pipeline/containerize-stages';
export type { ContainerizeStagesOptions, StageImageRef } from './pipeline/containerize-stages';
export { imageStageOf } from './pipeline/image-stage-of';
export { subtitlePipelineOptionsSchema } from './pipeline/subtitle-pipeline-options';
export type { SubtitlePipelineOptions } from './pipeline/subtitle-pipeline-options';
export { asrHubModel, pipelineBackends, pythonStageNeeds, translationHubModel } from './pipeline/python-backends';
export type { PipelineBackends, PythonAsrBackend, PythonStageNeed, TextTranslator } from './pipeline/python-backends';
export { subtitlePipelineOutputs } from './pipeline/pipeline-layout';
export type { SubtitlePipelineOutputs } from './pipeline/pipeline-layout';
export { readSpeechSpans, speechSpansFileSchema } from './pipeline/stage-files';
export type { SpeechSpansFile } from './pipeline/stage-files';
export { deliverOutputs } from './pipeline/deliver-outputs';
export type { DeliverOutputsOptions } from './pipeline/deliver-outputs';
export { OutputExistsError } from './pipeline/output-errors';
export { condenseSpeech } from './stages/asr/condense-speech';
export type { CondenseSpeechOptions } from './stages/asr/condense-speech';
export { planSpeechTimeline, toSourceTime } from './stages/asr/speech-timeline';
export type { SpeechSpan, SpeechTimeline, TimelineChunk } from './stages/asr/speech-timeline';
export { collapseRepeats } from './stages/asr/collapse-repeats';
export { whisperSegments } from './stages/asr/whisper-words';
export type { TimedSegment, TimedWord } from './stages/asr/whisper-words';
export { toTranscript, transcriptSchema } from './stages/asr/transcript';
export type { Transcript, TranscriptSegment } from './stages/asr/transcript';
export { assignSpeakers } from './stages/speakers/assign-speakers';
export type { SpeakerTurn } from './stages/speakers/assign-speakers';
export { spreadTranslations } from './stages/translate/spread-translations';
export { whisperTranslator } from './stages/translate/whisper-translator';
export type { WhisperTranslatorOptions } from './stages/translate/whisper-translator';
export type { SourceSegment, TranslateOptions, Translator } from './stages/translate/translator';
export { TranslateLanguageUnsupportedError, TranslateResultInvalidError } from './stages/translate/translate-errors';
export { AlignLanguageUnsupportedError } from './stages/align/align-errors';
export { subtitlePreset } from './stages/subtitles/subtitle-preset';
export type { PresetOverrides } from './stages/subtitles/subtitle-preset';
export { writeSubtitleFiles } from './stages/subtitles/write-subtitle-files';
export type { WriteSubtitleFilesOptions } from './stages/subtitles/write-subtitle-files';
export { pythonStageScript } from './python-scripts/python-scripts';
