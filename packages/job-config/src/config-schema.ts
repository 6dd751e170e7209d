import { ComputeTypeSchema, DeviceSchema } from '@bollyx/hardware-detection';
import { z } from 'zod';
import { ISO_639_1_CODES } from './language-codes';
import { TimecodeSchema } from './timecode';

/** `transcribe`: subtitles in the source language; `translate`: English subtitles; `subtitle`: both. */
const WorkflowSchema = z.enum(['transcribe', 'translate', 'subtitle']);

export const LanguageSchema = z.enum(ISO_639_1_CODES, { error: 'an ISO 639-1 code such as hi, en, ta, te, bn' });
export type Language = z.infer<typeof LanguageSchema>;

/** A source language, or `auto` to let the speech model detect it. */
const SourceLanguageSchema = z.enum(['auto', ...ISO_639_1_CODES], {
  error: 'auto or an ISO 639-1 code such as hi, en, ta, te, bn',
});

const AsrBackendSchema = z.enum(['whisper.cpp', 'faster-whisper', 'whisperx', 'mlx']);
export type AsrBackend = z.infer<typeof AsrBackendSchema>;

/** `whisper` is Whisper's own translate task (into English only); the others are text translators (`llm`: an OpenAI-compatible chat endpoint). */
const TranslationBackendSchema = z.enum(['whisper', 'indictrans2', 'nllb', 'llm']);
export type TranslationBackend = z.infer<typeof TranslationBackendSchema>;

const SubtitleFormatSchema = z.enum(['srt', 'vtt', 'ttml', 'ass']);
export type SubtitleFormat = z.infer<typeof SubtitleFormatSchema>;

/** How subtitles show who speaks when diarization labels the speakers. */
const SpeakerStyleSchema = z.enum(['label', 'dash']);

const MuxContainerSchema = z.enum(['mp4', 'mkv']);
export type MuxContainer = z.infer<typeof MuxContainerSchema>;

const described = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

const ClipSchema = z
  .strictObject({
    start: described(TimecodeSchema, 'Where the clip starts: seconds or HH:MM:SS(.ms); default the beginning').optional(),
    end: described(TimecodeSchema, 'Where the clip ends: seconds or HH:MM:SS(.ms); default the end').optional(),
  })
  .superRefine((clip, context) => {
    if (clip.start !== undefined && clip.end !== undefined && clip.end <= clip.start) {
      context.addIssue({ code: 'custom', path: ['end'], message: `a time after clip.start (${clip.start} s)` });
    }
  });

const AsrSchema = z.strictObject({
  backend: described(AsrBackendSchema, 'Speech recognition engine').default('whisper.cpp'),
  model: described(
    z.string().min(1),
    'Whisper model: a name (tiny, base, small, medium, large-v3, large-v3-turbo; a Python backend loads its own conversion, e.g. faster-whisper-base) or a path: a ggml file for whisper.cpp, a model folder for a Python backend',
  ).default('base'),
  computeType: described(ComputeTypeSchema, 'Numeric precision of the model weights').default('int8'),
  device: described(DeviceSchema, 'Where recognition runs').default('cpu'),
  threads: described(z.number().int().positive(), 'CPU threads; default chosen by the engine').optional(),
  batchSize: described(z.number().int().positive(), 'Segments decoded at once (faster-whisper, WhisperX)').optional(),
  beamSize: described(z.number().int().positive(), 'Beam search width; default chosen by the engine').optional(),
  align: described(z.boolean(), 'Re-time the words with WhisperX forced alignment (any ASR backend; needs sourceLanguage)').default(false),
});

const VadSchema = z.strictObject({
  enabled: described(z.boolean(), 'Detect speech first and recognise only speech (Silero VAD)').default(true),
  threshold: described(z.number().min(0).max(1), 'Speech probability above which a frame is speech').default(0.5),
  minSpeechMs: described(z.number().int().nonnegative(), 'Shorter bursts of speech are dropped').default(250),
  minSilenceMs: described(z.number().int().nonnegative(), 'Shorter pauses do not split speech').default(100),
  speechPadMs: described(z.number().int().nonnegative(), 'Padding added on both sides of each speech span').default(30),
  device: described(DeviceSchema, 'Where VAD runs').default('cpu'),
});

const DiarizationSchema = z
  .strictObject({
    enabled: described(z.boolean(), 'Label who speaks (pyannote)').default(false),
    device: described(DeviceSchema, 'Where diarization runs').default('cpu'),
    threads: described(z.number().int().positive(), 'CPU threads of pyannote (torch; it computes in float32); default the hardware recommendation’s').optional(),
    minSpeakers: described(z.number().int().positive(), 'At least this many speakers; default found by pyannote').optional(),
    maxSpeakers: described(z.number().int().positive(), 'At most this many speakers; default found by pyannote').optional(),
  })
  .superRefine((diarization, context) => {
    const { minSpeakers, maxSpeakers } = diarization;
    if (minSpeakers !== undefined && maxSpeakers !== undefined && maxSpeakers < minSpeakers) {
      context.addIssue({ code: 'custom', path: ['maxSpeakers'], message: `a number of at least diarization.minSpeakers (${minSpeakers})` });
    }
  });

/**
 * The LLM translator's fallback for the lines the model kept getting wrong: Whisper's translate task
 * (English only), a Python text translator (over just those lines), or `none` (the line keeps its source text).
 */
const LlmFallbackSchema = z.enum(['whisper', 'nllb', 'indictrans2', 'none']);

const LlmSchema = z.strictObject({
  url: described(z.url({ protocol: /^https?$/ }), 'OpenAI-compatible API base (…/v1); default a local Ollama').default('http://127.0.0.1:11434/v1'),
  model: described(z.string().min(1), 'Model name the endpoint serves (ollama pull qwen2.5:7b)').default('qwen2.5:7b'),
  batchSize: described(z.number().int().min(1).max(200), 'Source lines per request, at most').default(20),
  contextTokens: described(z.number().int().min(512), "The model's context window in tokens: batches are cut to fit it").default(4096),
  contextLines: described(z.number().int().nonnegative(), 'Previous translated lines sent as history').default(8),
  review: described(z.boolean(), 'A second pass that shortens and smooths the lines for reading speed').default(false),
  fallback: described(LlmFallbackSchema, 'Translator of lines the model failed on').default('none'),
  timeoutMs: described(z.number().int().positive(), 'Per request').default(120_000),
  maxRetries: described(z.number().int().nonnegative(), 'Retries of a request after a timeout, 429 or 5xx, and of a batch the checks refused').default(2),
});

const TranslationSchema = z.strictObject({
  backend: described(TranslationBackendSchema, 'How text reaches the target languages').default('whisper'),
  device: described(DeviceSchema, 'Where a text translator runs').default('cpu'),
  computeType: described(
    ComputeTypeSchema,
    'Numeric precision of a text translator (torch): float16 and int8_float16 compute in float16 on a GPU; a CPU computes in float32',
  ).default('float16'),
  threads: described(z.number().int().positive(), 'CPU threads of a text translator (torch); default the hardware recommendation’s').optional(),
  model: described(
    z.string().min(1),
    'Hub model of a text translator (bollyx models list); default nllb-200-distilled-600m for nllb, indictrans2-indic-en-1b or indictrans2-en-indic-1b by direction for indictrans2',
  ).optional(),
  llm: described(LlmSchema, 'The llm backend: an OpenAI-compatible chat-completions endpoint (key: BOLLYX_LLM_KEY or llmKey in the secrets file)').prefault({}),
});

const SubtitleStyleSchema = z
  .strictObject({
    preset: described(z.string().min(1), 'Style preset; `auto` picks one per language (netflix-en for English)').default('auto'),
    maxCharsPerLine: described(z.number().int().min(10).max(100), 'Characters per line').default(42),
    maxLines: described(z.number().int().min(1).max(4), 'Lines per cue').default(2),
    maxCharsPerSecond: described(z.number().positive(), 'Reading speed limit').default(20),
    minDurationSeconds: described(z.number().positive(), 'Shortest cue').default(0.833),
    maxDurationSeconds: described(z.number().positive(), 'Longest cue').default(7),
    minGapFrames: described(z.number().int().nonnegative(), 'Frames between consecutive cues').default(2),
    speakerStyle: described(SpeakerStyleSchema, 'With diarization: label starts each turn with [Speaker 1]; dash marks a change of speaker inside a cue with a hyphen').default('label'),
    voiceSpans: described(z.boolean(), 'With diarization: speakers as WebVTT <v Speaker> spans, TTML agents and ASS names instead of text labels or dashes (SRT then names no speaker)').default(false),
  })
  .superRefine((style, context) => {
    if (style.maxDurationSeconds <= style.minDurationSeconds) {
      context.addIssue({
        code: 'custom',
        path: ['maxDurationSeconds'],
        message: `a duration above subtitles.minDurationSeconds (${style.minDurationSeconds} s)`,
      });
    }
  });

const OutputSchema = z.strictObject({
  formats: described(z.array(SubtitleFormatSchema).min(1), 'Subtitle files written per language').default(['srt', 'vtt']),
  mux: z
    .strictObject({
      enabled: described(z.boolean(), 'Write copies of the video with the subtitles muxed in').default(true),
      containers: described(z.array(MuxContainerSchema).min(1), 'Containers of the muxed copies').default(['mp4', 'mkv']),
    })
    .prefault({}),
  burnIn: described(
    z.union([LanguageSchema, z.literal('hi-Latn')]),
    'Draw this language’s subtitles into a new video, output/<movie>.<language>.burned.mp4 (en, hi, hi-Latn: a language the job writes)',
  ).optional(),
  romanized: described(
    z.boolean(),
    'With source language hi: also write romanized Hindi (hi-Latn, Latin script as Hindi speakers type it) and mux it as a third track',
  ).default(true),
});

const NamesSchema = z.strictObject({
  enabled: described(z.boolean(), 'Build the job’s glossary of names (names/glossary.json) from TMDB and glossary files before ASR').default(true),
  tmdbId: described(z.number().int().positive(), 'The film’s TMDB id; default found by the title and year in the file name').optional(),
  glossary: described(z.array(z.string().min(1)), 'Glossary files (YAML or CSV): absolute, or relative to the working directory').default([]),
  fix: described(z.boolean(), 'Correct near-misses of glossary names in the transcript and translations').default(true),
  ner: described(z.boolean(), 'Propose names missing from the glossary with a named-entity model').default(false),
});

/**
 * A job's configuration: the single source of truth for its fields, defaults and limits. Parse layered
 * input with `resolveConfig`; the output type is `JobConfig`, what a user writes is `JobConfigInput`.
 */
export const JobConfigSchema = z
  .strictObject({
    workflow: described(WorkflowSchema, 'transcribe: source-language subtitles; translate: English subtitles; subtitle: both').default('subtitle'),
    sourceLanguage: described(SourceLanguageSchema, 'ISO 639-1 code of the spoken language, or auto').default('auto'),
    targetLanguages: described(z.array(LanguageSchema).min(1), 'ISO 639-1 codes to translate into').default(['en']),
    clip: described(ClipSchema, 'Prepare only this part of the media').optional(),
    audioStream: described(z.number().int().nonnegative(), 'Which audio stream to use, counting audio streams from 0; default the first').optional(),
    asr: AsrSchema.prefault({}),
    vad: VadSchema.prefault({}),
    diarization: DiarizationSchema.prefault({}),
    translation: TranslationSchema.prefault({}),
    subtitles: SubtitleStyleSchema.prefault({}),
    output: OutputSchema.prefault({}),
    names: NamesSchema.prefault({}),
  })
  .superRefine((config, context) => {
    if (config.asr.align && config.sourceLanguage === 'auto') {
      context.addIssue({
        code: 'custom',
        path: ['asr', 'align'],
        message: 'false while sourceLanguage is auto: alignment models are per language; set sourceLanguage (-s hi) to align',
      });
    }
    const { backend, llm } = config.translation;
    const whisperTranslates = backend === 'whisper' || (backend === 'llm' && llm.fallback === 'whisper');
    if (config.workflow !== 'transcribe' && whisperTranslates) {
      const notEnglish = config.targetLanguages.filter((language) => language !== 'en');
      if (notEnglish.length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['targetLanguages'],
          message:
            backend === 'whisper'
              ? 'only en with translation.backend whisper (Whisper translates into English only); set translation.backend to nllb, indictrans2 or llm for other languages'
              : 'only en with translation.llm.fallback whisper (Whisper translates into English only); set translation.llm.fallback to none for other languages',
        });
      }
    }
  });

export type JobConfig = z.output<typeof JobConfigSchema>;
export type JobConfigInput = z.input<typeof JobConfigSchema>;

/** Where a resolved value came from, lowest layer first: default < recommendation < file < flag < env. */
const ConfigSourceSchema = z.union([
  z.enum(['default', 'recommendation', 'flag']),
  z.templateLiteral(['file:', z.string()]),
  z.templateLiteral(['env:', z.string()]),
]);
export type ConfigSource = z.infer<typeof ConfigSourceSchema>;

/** The source of every resolved field, by dotted path (`asr.model`). */
export const ProvenanceSchema = z.record(z.string(), ConfigSourceSchema);
export type Provenance = z.infer<typeof ProvenanceSchema>;
