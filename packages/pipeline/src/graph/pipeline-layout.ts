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
  /** The job's glossary of names (the names stage's); a user may edit it. */
  glossary: 'names/glossary.json',
  /** The glossary as the names stage last wrote it, and the names a user deleted: how an edit is told apart. */
  glossaryState: 'names/glossary.state.json',
  /** What name correction changed in one language's transcript (before, after, time, rule), for a user to audit. */
  nameCorrections: (language: string) => `names/corrections.${language}.json`,
  /** Names a named-entity model heard that the glossary lacks (the ner stage's), for a user to accept. */
  proposedNames: 'names/proposed.json',
  /** The named entities the ner stage's model found in the transcript (the stage-script result). */
  namedEntities: 'names/entities.json',
  /** The video's frame rate and shot changes (the shots stage's). */
  shots: 'video/shots.json',
  /** A copy of the video with one language's subtitles drawn into the picture. */
  burnedVideo: (stem: string, language: string) => `output/${stem}.${language}.burned.mp4`,
} as const;

/** Every stage id the movie pipeline can have (a job has those its config asks for), for checking `--from`/`--only` before a job is made. */
export const STAGE_IDS = ['demux', 'names', 'vad', 'speech-audio', 'asr', 'align', 'transcript', 'ner', 'propose-names', 'diarize', 'translate', 'translation', 'shots', 'romanize', 'subtitles', 'mux', 'burn-in'] as const;

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

/** The romanized Hindi track's label in file names: BCP 47 for Hindi in Latin script. */
export const ROMANIZED_HINDI = 'hi-Latn';

/** Whether the job writes romanized Hindi: `output.romanized` and Hindi (set, not `auto`) transcribed. */
export function writesRomanized(config: JobConfig): boolean {
  return config.output.romanized && pipelineLanguages(config).transcribed === 'hi';
}

/** Every language the subtitles stage writes: the pipeline's languages, then romanized Hindi when written. */
export function subtitleLanguages(config: JobConfig): string[] {
  return [...pipelineLanguages(config).all, ...(writesRomanized(config) ? [ROMANIZED_HINDI] : [])];
}

/** The movie's file name without its extension: what the muxed videos are named after. */
export function mediaStem(mediaPath: string): string {
  return path.basename(mediaPath, path.extname(mediaPath));
}

/** The files a pipeline writes for the user, relative to the job folder. */
export interface SubtitlePipelineOutputs {
  subtitles: Record<string, Partial<Record<SubtitleFormat, string>>>;
  /** Muxed videos by container, and the burned-in copy as `<language>.burned.mp4`. */
  video: Partial<Record<MuxContainer, string>> & { [burned: `${string}.burned.mp4`]: string };
}

/** The subtitle files (by language and format) and muxed videos (by container) a job's pipeline writes. */
export function subtitlePipelineOutputs(config: JobConfig, mediaPath: string): SubtitlePipelineOutputs {
  const languages = subtitleLanguages(config);
  const stem = mediaStem(mediaPath);
  const { burnIn } = config.output;
  return {
    subtitles: Object.fromEntries(
      languages.map((language) => [language, Object.fromEntries(config.output.formats.map((format) => [format, LAYOUT.subtitles(language, format)]))]),
    ),
    video: {
      ...(config.output.mux.enabled ? Object.fromEntries(config.output.mux.containers.map((container) => [container, LAYOUT.video(stem, container)])) : {}),
      // Listed for any media: only files on disk are reported, and audio-only media has no burn-in stage.
      ...(burnIn === undefined ? {} : { [`${burnIn}.burned.mp4`]: LAYOUT.burnedVideo(stem, burnIn) }),
    },
  };
}
