import { z } from 'zod';

const seconds = z.number().nonnegative();

/** One recognised word and when it was spoken, in seconds from the start of the media. */
const WordSchema = z
  .object({ text: z.string(), start: seconds, end: seconds })
  .refine((word) => word.end >= word.start, { message: 'a word must not end before it starts', path: ['end'] });
export type Word = z.infer<typeof WordSchema>;

/**
 * A stretch of recognised speech as ASR returns it. Word times drive the cues; the segment's own
 * `start`/`end` are accepted but not needed.
 */
export const SegmentSchema = z.object({
  words: z.array(WordSchema),
  start: seconds.optional(),
  end: seconds.optional(),
  /** Who speaks (from diarization); a change of speaker is a cue boundary. */
  speaker: z.string().min(1).optional(),
});
export type Segment = z.infer<typeof SegmentSchema>;

/** Where voice activity detection heard speech. */
const SpeechRegionSchema = z
  .object({ start: seconds, end: seconds })
  .refine((region) => region.end > region.start, { message: 'a speech region must end after it starts', path: ['end'] });
export type SpeechRegion = z.infer<typeof SpeechRegionSchema>;

/**
 * How a cue shows who speaks: `dash` puts two speakers' short turns in one cue, one line each, led
 * by a hyphen; `label` starts each speaker's turn with `[SPEAKER] `; `voice` puts no mark in the text,
 * only the cue's `speaker`, which WebVTT voice spans, TTML agents and ASS names carry.
 */
const SpeakerStyleSchema = z.enum(['dash', 'label', 'voice']);
export type SpeakerStyle = z.infer<typeof SpeakerStyleSchema>;

export const SegmentOptionsSchema = z.object({
  /** Speech regions from VAD: words outside them are dropped (ASR hallucinates in silence), cues stay inside them. */
  speech: z.array(SpeechRegionSchema).optional(),
  /** The video's frame rate; the preset's when left out. Sets the length of the minimum gap. */
  frameRate: z.number().positive().optional(),
  /** How far past the end of speech a cue may stay up to be read in time; 0.5 s is Netflix's 12 frames. */
  maxTailSeconds: z.number().nonnegative().default(0.5),
  speakerStyle: SpeakerStyleSchema.default('dash'),
  /** The video's shot changes in seconds: cues prefer to break at them (time them with timeCuesToShots). */
  shotChanges: z.array(seconds).optional(),
});
export type SegmentOptions = z.input<typeof SegmentOptionsSchema>;

/** One subtitle: 1-based `index`, times in seconds and the text as it is laid out on screen. */
export const CueSchema = z.object({
  index: z.int().positive(),
  start: seconds,
  end: seconds,
  /** Lines as shown; `<i>` and `</i>` mark italics, as in SRT. */
  lines: z.array(z.string().regex(/^[^\r\n]*\S[^\r\n]*$/, 'a line must hold text and no line break')),
  /** Who speaks the whole cue (diarization), when one speaker does. */
  speaker: z.string().min(1).optional(),
});
export type Cue = z.infer<typeof CueSchema>;

export const SubtitleFormatSchema = z.enum(['srt', 'vtt', 'ttml', 'ass']);
export type SubtitleFormat = z.infer<typeof SubtitleFormatSchema>;

/** BCP 47 tag of the cues' text, such as `hi`, `en` or `hi-Latn`. */
const LanguageTagSchema = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 tag such as hi, en or hi-Latn');

export const TtmlOptionsSchema = z.object({
  language: LanguageTagSchema,
  /** The video's frame rate, declared as `ttp:frameRate` (23.976 and 29.97 with the 1000/1001 multiplier). */
  frameRate: z.number().positive().default(24),
  /** `media`: `HH:MM:SS.mmm`; `frames`: `HH:MM:SS:FF` at the frame rate. */
  timing: z.enum(['media', 'frames']).default('media'),
});
export type TtmlOptions = z.input<typeof TtmlOptionsSchema>;

export const AssOptionsSchema = z.object({
  language: LanguageTagSchema,
  /** The font of the language's style; by default a Noto font that covers the language's script. */
  font: z.string().min(1).optional(),
  /** The script's coordinate space; font size and margins scale with its height. */
  playResX: z.int().positive().default(1920),
  playResY: z.int().positive().default(1080),
});
export type AssOptions = z.input<typeof AssOptionsSchema>;

export const VttOptionsSchema = z.object({
  /** Show each cue's `speaker` as a `<v Speaker>` voice span. */
  voices: z.boolean().default(false),
});
export type VttOptions = z.input<typeof VttOptionsSchema>;

/** Options of `writeSubtitles`: the formats' own, each used by the format that has it (SRT needs none). */
export const WriteSubtitlesOptionsSchema = z.object({
  language: LanguageTagSchema,
  ...TtmlOptionsSchema.pick({ frameRate: true, timing: true }).partial().shape,
  ...VttOptionsSchema.partial().shape,
  ...AssOptionsSchema.pick({ font: true }).shape,
});
export type WriteSubtitlesOptions = z.input<typeof WriteSubtitlesOptionsSchema>;

/** Words that steer where lines and cues break; matched case-insensitively, punctuation ignored. */
const BreakWordsSchema = z.object({
  /** A break goes well before these (and, but, because…). */
  conjunctions: z.array(z.string()),
  /** A break goes fairly well before these (in, with, about…). */
  prepositions: z.array(z.string()),
  /** Case markers that follow their noun (Hindi में, से, को…): break after them, never before. */
  postpositions: z.array(z.string()),
  /** Never end a line on these: articles, determiners, subject pronouns, titles, negations before a verb. */
  keepWithNext: z.array(z.string()),
  /** Never start a line with these: negations after a verb, auxiliaries. */
  keepWithPrevious: z.array(z.string()),
  /** Words ending in a full stop that do not end a sentence (Mr., Dr.). */
  abbreviations: z.array(z.string()),
});

/** A subtitle style: the limits every cue must keep and the language data that guides breaks. */
export const PresetSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  /** The published guide the limits come from. */
  source: z.object({ title: z.string(), url: z.url() }),
  /** BCP 47 tag of the text the preset is for. */
  language: z.string(),
  maxCharsPerLine: z.int().positive(),
  maxLines: z.int().positive(),
  maxCharsPerSecond: z.number().positive(),
  minDurationSeconds: z.number().positive(),
  maxDurationSeconds: z.number().positive(),
  minGapFrames: z.int().nonnegative(),
  /** Gaps shorter than this many frames are closed down to the minimum gap, so text does not flicker. */
  closeGapsUnderFrames: z.int().nonnegative(),
  frameRate: z.number().positive(),
  /** Characters are user-perceived characters (grapheme clusters), so क्षि counts once. */
  countBy: z.literal('graphemes'),
  /** Marks that end a sentence; a cue or line break after them is best. */
  sentenceEnds: z.array(z.string().min(1)),
  /** Marks that end a clause (comma, colon, ellipsis); a break after them is good. */
  clauseEnds: z.array(z.string().min(1)),
  breakWords: BreakWordsSchema,
});
export type Preset = z.infer<typeof PresetSchema>;

const LintRuleSchema = z.enum([
  'empty-cue',
  'max-lines',
  'max-chars-per-line',
  'max-chars-per-second',
  'min-duration',
  'max-duration',
  'min-gap',
  'overlap',
  'close-gap',
  'shot-change',
  'glyph',
  'dialogue-dash',
  'ellipsis',
  'whitespace',
]);
export type LintRule = z.infer<typeof LintRuleSchema>;

export const LintOptionsSchema = z.object({
  /** The video's frame rate; the preset's when left out. */
  frameRate: z.number().positive().optional(),
  /** Shot changes in seconds: with them, cues are checked against the shot-change timing rules. */
  shotChanges: z.array(z.number().nonnegative()).optional(),
  /** Check characters against the Latin glyph list; by default when the preset's language is Latin script. */
  glyphs: z.boolean().optional(),
});
export type LintOptions = z.input<typeof LintOptionsSchema>;

/** One way a cue breaks a preset. `actual` and `limit` are in the rule's unit (characters, seconds, lines). */
export const LintViolationSchema = z.object({
  cueIndex: z.int(),
  start: z.number(),
  end: z.number(),
  rule: LintRuleSchema,
  message: z.string(),
  actual: z.number(),
  limit: z.number(),
});
export type LintViolation = z.infer<typeof LintViolationSchema>;
