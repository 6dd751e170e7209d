import path from 'node:path';
import { imageModeSchema, runtimeSchema, type MovieSettings, type SubtitleMovieOptions } from '@bollyx/pipeline';
import type { ArgsDef } from 'citty';

/**
 * The flags that set a job config field, as `bollyx run` and `bollyx prepare` both take them: the
 * pipeline's MovieSettings, by the same names. Values go to the library as text, validated like any other
 * config layer.
 */
export const CONFIG_FLAG_ARGS = {
  workflow: { type: 'string', description: 'transcribe (source-language subtitles), translate (English) or subtitle (both; default)' },
  sourceLanguage: { type: 'string', alias: 's', description: 'Spoken language, ISO 639-1 (hi, en, ta…) or auto (default)' },
  targetLanguages: { type: 'string', alias: 't', description: 'Languages to translate into, comma-separated (default en)' },
  start: { type: 'string', description: 'Use a clip from here: seconds or HH:MM:SS(.ms)' },
  end: { type: 'string', description: 'Use a clip up to here: seconds or HH:MM:SS(.ms)' },
  audioStream: { type: 'string', description: 'Audio stream to use, counting audio streams from 0 (default: the one tagged with the source language)' },
  asr: { type: 'string', description: 'Speech engine: whisper.cpp (default), faster-whisper, whisperx or mlx (Apple Silicon)' },
  model: { type: 'string', description: 'Whisper model: a name (base, small, large-v3, …; default recommended for this machine) or a ggml file (whisper.cpp) or model folder' },
  device: { type: 'string', description: 'Device for speech recognition: cpu, cuda or metal (default: recommended)' },
  align: { type: 'boolean', description: 'Re-time the words with WhisperX forced alignment (needs -s)' },
  diarize: { type: 'boolean', description: 'Label who speaks (pyannote), shown as [Speaker 1] in the subtitles' },
  translator: { type: 'string', description: 'whisper (default, into English), nllb, indictrans2 or llm (an OpenAI-compatible chat endpoint)' },
  llmUrl: { type: 'string', description: 'With --translator llm: the API base (default a local Ollama, http://127.0.0.1:11434/v1); key from BOLLYX_LLM_KEY' },
  llmModel: { type: 'string', description: 'With --translator llm: the model the endpoint serves (default qwen2.5:7b)' },
  llmReview: { type: 'boolean', description: 'With --translator llm: a second pass that shortens and smooths the lines for reading speed' },
  vad: { type: 'boolean', description: 'Detect speech before recognising it (default on; --no-vad to skip)' },
  preset: { type: 'string', description: 'Subtitle style preset (default auto: netflix-hi for Hindi, netflix-en for English)' },
  formats: { type: 'string', description: 'Subtitle formats, comma-separated: srt, vtt, ttml, ass (default srt,vtt)' },
  voiceSpans: { type: 'boolean', description: 'With --diarize: speakers as WebVTT <v Speaker> spans, TTML agents and ASS names instead of [Speaker 1] labels' },
  mux: { type: 'boolean', description: 'Mux the subtitles into copies of the video (default on; --no-mux to skip)' },
  burnIn: { type: 'string', description: 'Draw one language’s subtitles into a new video (en, hi or hi-Latn): output/<movie>.<language>.burned.mp4' },
  romanized: { type: 'boolean', description: 'With -s hi: also write romanized Hindi (hi-Latn) and mux it (default on; --no-romanized to skip)' },
  glossary: { type: 'string', description: 'Glossary files of names (YAML or CSV: latin, devanagari, kind, translate, aliases), comma-separated for several' },
  tmdbId: { type: 'string', description: 'The film’s TMDB id (default: found by the title and year in the file name; needs BOLLYX_TMDB_TOKEN)' },
  nameFix: { type: 'boolean', description: 'Correct near misses of glossary names in the transcript and translations, recorded in names/corrections.<language>.json (default on; --no-name-fix to skip)' },
  ner: { type: 'boolean', description: 'Propose names the glossary lacks with a named-entity model (transformers, in the indictrans2 environment): names/proposed.json' },
} as const satisfies ArgsDef;

/** Where the config file and the jobs are, for every command that resolves a job config. */
export const WORKSPACE_ARGS = {
  config: { type: 'string', description: 'Config file to use instead of bollyx.config.yaml in the workspace' },
  workspace: { type: 'string', description: 'Folder for jobs (default: BOLLYX_WORKSPACE or ./bollyx-work)' },
} as const satisfies ArgsDef;

/** The job settings among a command's parsed flags, for `subtitleMovie` and `prepareMovie` of @bollyx/pipeline. */
export function movieSettings(args: Readonly<Record<string, unknown>>): MovieSettings {
  const settings = Object.fromEntries(Object.keys(CONFIG_FLAG_ARGS).map((flag) => [flag, args[flag]])) as MovieSettings;
  // Glossary files are named from where the command runs; the job keeps them absolute.
  if (typeof settings.glossary === 'string') settings.glossary = settings.glossary.split(',').filter((file) => file.trim() !== '').map((file) => path.resolve(file.trim()));
  return settings;
}

/** How a film is run, as `bollyx run` and `bollyx batch` both take it, with the workspace flags. */
export const RUN_FLAG_ARGS = {
  force: { type: 'boolean', description: 'Run every stage again, ignoring the cache' },
  outputDir: { type: 'string', description: 'Also copy the subtitles and videos here (never over an existing file)' },
  offline: { type: 'boolean', description: 'Never download (default: BOLLYX_OFFLINE); missing models fail' },
  ...WORKSPACE_ARGS,
  runtime: { type: 'enum', options: [...runtimeSchema.options], description: 'Where whisper-cli and the Python stages run: native (default; BOLLYX_RUNTIME), or docker or podman in the images of `bollyx docker build`' },
  imageMode: { type: 'enum', options: [...imageModeSchema.options], description: 'The images --runtime docker|podman runs (default: docker-gpu with an NVIDIA GPU, else docker-cpu)' },
} as const satisfies ArgsDef;

/** The job settings and run flags among a command's parsed flags, for `subtitleMovie` and `subtitleMovies`. */
export function runSettings(args: Readonly<Record<string, unknown>>): SubtitleMovieOptions {
  return {
    ...movieSettings(args),
    workspace: args.workspace as string | undefined,
    config: args.config as string | undefined,
    runtime: runtimeSchema.optional().parse(args.runtime),
    imageMode: imageModeSchema.optional().parse(args.imageMode),
    outputDir: args.outputDir as string | undefined,
    offline: args.offline as boolean | undefined,
    force: args.force as boolean | undefined,
  };
}
