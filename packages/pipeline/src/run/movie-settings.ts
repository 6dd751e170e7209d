import { z } from 'zod';

const text = z.string();
const flag = z.boolean();

/**
 * The job settings a run or a prepare takes directly, as `bollyx run` takes them as flags. Each sets one
 * config field (see FIELD_OF_SETTING); text is read as the field's kind, like any config layer, and the
 * whole config is validated by @bollyx/job-config.
 */
export const movieSettingsSchema = z
  .object({
    workflow: text,
    sourceLanguage: text,
    targetLanguages: z.union([text, z.array(text)]),
    start: z.union([text, z.number()]),
    end: z.union([text, z.number()]),
    audioStream: z.union([text, z.number().int()]),
    asr: text,
    model: text,
    device: text,
    align: flag,
    diarize: flag,
    translator: text,
    llmUrl: text,
    llmModel: text,
    llmReview: flag,
    vad: flag,
    preset: text,
    formats: z.union([text, z.array(text)]),
    voiceSpans: flag,
    mux: flag,
    burnIn: text,
    romanized: flag,
    glossary: z.union([text, z.array(text)]),
    tmdbId: z.union([text, z.number().int()]),
    nameFix: flag,
    ner: flag,
  })
  .partial();
export type MovieSettings = z.infer<typeof movieSettingsSchema>;

/** The config field each setting sets. */
const FIELD_OF_SETTING: Readonly<Record<keyof MovieSettings, string>> = {
  workflow: 'workflow',
  sourceLanguage: 'sourceLanguage',
  targetLanguages: 'targetLanguages',
  start: 'clip.start',
  end: 'clip.end',
  audioStream: 'audioStream',
  asr: 'asr.backend',
  model: 'asr.model',
  device: 'asr.device',
  align: 'asr.align',
  diarize: 'diarization.enabled',
  translator: 'translation.backend',
  llmUrl: 'translation.llm.url',
  llmModel: 'translation.llm.model',
  llmReview: 'translation.llm.review',
  vad: 'vad.enabled',
  preset: 'subtitles.preset',
  formats: 'output.formats',
  voiceSpans: 'subtitles.voiceSpans',
  mux: 'output.mux.enabled',
  burnIn: 'output.burnIn',
  romanized: 'output.romanized',
  glossary: 'names.glossary',
  tmdbId: 'names.tmdbId',
  nameFix: 'names.fix',
  ner: 'names.ner',
};

/** The config layer of the settings given: values by field path (`{ 'asr.backend': 'faster-whisper' }`), unset ones undefined. */
export function settingsLayer(settings: MovieSettings): Record<string, unknown> {
  return Object.fromEntries(Object.entries(FIELD_OF_SETTING).map(([setting, field]) => [field, settings[setting as keyof MovieSettings]]));
}
