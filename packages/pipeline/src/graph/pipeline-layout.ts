import path from 'node:path';
import type { JobConfig, MuxContainer, SubtitleFormat } from '@bollyx/job-config';

/** Where each stage writes, relative to the job folder. */
export const LAYOUT = {
  sourceAudio: 'audio/source.wav',
  speechSpans: 'audio/speech.json',
  condensedSpeech: 'audio/speech.wav',
  speechTimeline: 'audio/speech-timeline.json',
  whisperTranscription: 'transcripts/whisper-transcribe.json',
  whisperTranslation: 'transcripts/whisper-translate.json',
  /** A Python ASR backend's result (the stage-script contract's asr result), and its translate task's. */
  asrResult: 'transcripts/asr.json',
  asrTranslation: 'transcripts/asr-translate.json',
  /** WhisperX's re-timed words, in the same shape. */
  aligned: 'transcripts/aligned.json',
  /** Diarization's speaker turns on the movie's timeline. */
  speakers: 'transcripts/speakers.json',
  /** A text translator's texts for one target, one per source segment. */
  translatedTexts: (language: string) => `transcripts/${language}.texts.json`,
  transcript: (language: string) => `transcripts/${language}.json`,
  subtitles: (language: string, format: SubtitleFormat) => `subtitles/${language}.${format}`,
  video: (stem: string, container: MuxContainer) => `output/${stem}.${container}`,
} as const;

/** Every stage id the movie pipeline can have (a job has those its config asks for), for checking `--from`/`--only` before a job is made. */
export const STAGE_IDS = ['demux', 'vad', 'speech-audio', 'asr', 'align', 'transcript', 'diarize', 'translate', 'translation', 'subtitles', 'mux'] as const;

/** A text translator's stage for one target language: `translate-fr`. */
export const textTranslationStageId = (target: string) => `translate-${target}`;

/** Which languages a job writes subtitles for, and how the source is named when it is `auto`. */
export interface PipelineLanguages {
  /** The source language's label in file names: its code, or `source` when it is `auto`. */
  source: string;
  /** The source language's label in file names (`auto` is written `source`), or undefined when not transcribed. */
  transcribed: string | undefined;
  /** The target languages translated into (never the source itself). */
  translated: string[];
  /** Every language written: the transcribed one first, then the translated ones. */
  all: string[];
}

export function pipelineLanguages(config: JobConfig): PipelineLanguages {
  const source = config.sourceLanguage === 'auto' ? 'source' : config.sourceLanguage;
  const targets = config.workflow === 'transcribe' ? [] : config.targetLanguages.filter((language) => language !== config.sourceLanguage);
  // Translating into the language spoken is transcribing it.
  const transcribe = config.workflow !== 'translate' || targets.length === 0;
  const transcribed = transcribe ? source : undefined;
  return { source, transcribed, translated: targets, all: [...(transcribed === undefined ? [] : [transcribed]), ...targets] };
}

/** The movie's file name without its extension: what the muxed videos are named after. */
export function mediaStem(mediaPath: string): string {
  return path.basename(mediaPath, path.extname(mediaPath));
}

/** The files a pipeline writes for the user, relative to the job folder. */
export interface SubtitlePipelineOutputs {
  subtitles: Record<string, Partial<Record<SubtitleFormat, string>>>;
  video: Partial<Record<MuxContainer, string>>;
}

/** The subtitle files (by language and format) and muxed videos (by container) a job's pipeline writes. */
export function subtitlePipelineOutputs(config: JobConfig, mediaPath: string): SubtitlePipelineOutputs {
  const languages = pipelineLanguages(config).all;
  const stem = mediaStem(mediaPath);
  return {
    subtitles: Object.fromEntries(
      languages.map((language) => [language, Object.fromEntries(config.output.formats.map((format) => [format, LAYOUT.subtitles(language, format)]))]),
    ),
    video: config.output.mux.enabled
      ? Object.fromEntries(config.output.mux.containers.map((container) => [container, LAYOUT.video(stem, container)]))
      : {},
  };
}
