export { segmentCues } from './segment-cues';
export { breakLines } from './break-lines';
export { lintCues } from './lint-cues';
export { toSrt, parseSrt } from './srt';
export { toVtt, parseVtt } from './webvtt';
export { formatTimestamp } from './timestamps';
export { readSubtitleFile } from './read-subtitle-file';
export { getPreset, presets } from './get-preset';
export { SubtitleFileError, SubtitleLintError, SubtitleParseError, SubtitlesInputError, UnknownPresetError } from './errors';
export { CueSchema, LintOptionsSchema, LintViolationSchema, PresetSchema, SegmentOptionsSchema, SegmentSchema, SubtitleFormatSchema } from './schemas';
export type {
  Cue,
  LintOptions,
  LintViolation,
  Preset,
  Segment,
  SegmentOptions,
  SpeakerStyle,
  SpeechRegion,
  SubtitleFormat,
  Word,
} from './schemas';
