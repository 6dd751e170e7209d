export { segmentCues } from './segment-cues';
export { breakLines } from './break-lines';
export { lintCues } from './lint-cues';
export { toSrt, parseSrt } from './srt';
export { toVtt, parseVtt } from './webvtt';
export { toTtml, parseTtml } from './ttml';
export { toAss, parseAss, fontForLanguage } from './ass';
export { writeSubtitles, parseSubtitles, formatOfPath } from './subtitle-formats';
export { timeCuesToShots } from './shot-timing';
export type { ShotTimingOptions } from './shot-timing';
export { formatTimestamp } from './timestamps';
export { readSubtitleFile } from './read-subtitle-file';
export { convertSubtitleFile } from './convert-subtitle-file';
export type { ConvertSubtitleFileOptions } from './convert-subtitle-file';
export { getPreset, presets } from './get-preset';
export {
  SubtitleFileError,
  SubtitleLintError,
  SubtitleOutputExistsError,
  SubtitleParseError,
  SubtitlesInputError,
  UnknownPresetError,
} from './errors';
export {
  AssOptionsSchema,
  CueSchema,
  LintOptionsSchema,
  LintViolationSchema,
  PresetSchema,
  SegmentOptionsSchema,
  SegmentSchema,
  SubtitleFormatSchema,
  TtmlOptionsSchema,
  VttOptionsSchema,
  WriteSubtitlesOptionsSchema,
} from './schemas';
export type {
  AssOptions,
  Cue,
  LintOptions,
  LintRule,
  LintViolation,
  Preset,
  Segment,
  SegmentOptions,
  SpeakerStyle,
  SpeechRegion,
  SubtitleFormat,
  TtmlOptions,
  VttOptions,
  Word,
  WriteSubtitlesOptions,
} from './schemas';
