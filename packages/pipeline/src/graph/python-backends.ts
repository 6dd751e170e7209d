import { isAbsolute } from 'node:path';
import { hubModelRegistry } from '@bollyx/environment-manager';
import type { StageFamily } from '@bollyx/environment-manager';
import type { AsrBackend, JobConfig, TranslationBackend } from '@bollyx/job-config';
import { stageFamilyScripts, type PythonStageScriptName } from '@bollyx/python-stages';
import { AlignLanguageUnsupportedError } from '../stages/align/align-errors';
import { TranslateLanguageUnsupportedError } from '../stages/translate/translate-errors';
import { pipelineLanguages } from './pipeline-layout';

export type PythonAsrBackend = Exclude<AsrBackend, 'whisper.cpp'>;
/** The text translators that run as Python stages (the `llm` one runs in-process). */
export type TextTranslator = Exclude<TranslationBackend, 'whisper' | 'llm'>;

interface PythonBackend {
  /** The stage family: which environment runs it. */
  family: StageFamily;
  /** The script in the package's `python/` folder. */
  script: PythonStageScriptName;
}

/** A backend of `family`, with the script @bollyx/python-stages names for that family. */
function backend(family: StageFamily): PythonBackend {
  return { family, script: stageFamilyScripts[family]! };
}

/**
 * The Python ASR backends: their family and script, and how `asr.model` (`base`, `large-v3`, …) names
 * their hub model: `<hubModelPrefix>-<model>` (`faster-whisper-base`, `mlx-whisper-base`). WhisperX
 * transcribes with faster-whisper and loads the same models.
 */
export const PYTHON_ASR_BACKENDS: Readonly<Record<PythonAsrBackend, PythonBackend & { hubModelPrefix: string }>> = {
  'faster-whisper': { ...backend('asr-faster-whisper'), hubModelPrefix: 'faster-whisper' },
  whisperx: { ...backend('asr-whisperx'), hubModelPrefix: 'faster-whisper' },
  mlx: { ...backend('asr-mlx'), hubModelPrefix: 'mlx-whisper' },
};

export const TEXT_TRANSLATORS: Readonly<Record<TextTranslator, PythonBackend>> = {
  nllb: backend('translate-nllb'),
  indictrans2: backend('translate-indictrans2'),
};

export const ALIGN_BACKEND = backend('align-whisperx');
export const NER_BACKEND = backend('ner-transformers');
export const DIARIZE_BACKEND = backend('diarize-pyannote');

/** pyannote's diarization pipeline first: it is the model the script loads; its config names the other two. */
const DIARIZATION_MODELS = ['pyannote-speaker-diarization-3.1', 'pyannote-segmentation-3.0', 'pyannote-wespeaker-voxceleb-resnet34-lm'];

const NLLB_MODEL = 'nllb-200-distilled-600m';
const INDICTRANS2_MODELS = { toEnglish: 'indictrans2-indic-en-1b', fromEnglish: 'indictrans2-en-indic-1b' };

/** A model given as a folder (`./my-model`, `/models/x`) rather than by name. */
const isFolder = (model: string) => isAbsolute(model) || /^\.\.?[\\/]/.test(model);

/** Whether the optional ner stage runs: `names.ner`, over a transcript. */
export const runsNer = (config: JobConfig): boolean => config.names.ner && pipelineBackends(config).transcribes;

/** The named-entity model for the language spoken: English's for English, IndicNER's (11 Indian languages) otherwise. */
export const nerHubModel = (language: string): string => (language === 'en' ? 'ner-en' : 'ner-indic');

/** What one Python stage family needs before the pipeline can run it. */
export interface PythonStageNeed {
  family: StageFamily;
  /** Hub models it loads (`bollyx models pull NAME`), the one its request names first; none with modelFolder. */
  models: string[];
  /** A model folder the config names instead of a hub model: given to the script as it is (made absolute). */
  modelFolder?: string;
}

/** The hub model of a Python ASR backend for `asr.model`: `base` → `faster-whisper-base`; a full name stays. */
export function asrHubModel(backend: PythonAsrBackend, model: string): string {
  const { hubModelPrefix } = PYTHON_ASR_BACKENDS[backend];
  return model.startsWith(`${hubModelPrefix}-`) ? model : `${hubModelPrefix}-${model}`;
}

/**
 * The translation model: `translation.model` when set, else NLLB-200 distilled 600M for nllb, and for
 * indictrans2 the model of the direction (Indic → English or English → Indic).
 */
export function translationHubModel(translator: TextTranslator, config: JobConfig): string {
  if (config.translation.model !== undefined) return config.translation.model;
  if (translator === 'nllb') return NLLB_MODEL;
  const { translated } = pipelineLanguages(config);
  if (config.sourceLanguage === 'en') return INDICTRANS2_MODELS.fromEnglish;
  const notEnglish = translated.find((language) => language !== 'en');
  if (notEnglish === undefined) return INDICTRANS2_MODELS.toEnglish;
  throw new TranslateLanguageUnsupportedError('indictrans2', notEnglish, {
    reason: `IndicTrans2 translates between English and Indian languages, and the source is ${config.sourceLanguage === 'auto' ? 'not set' : `"${config.sourceLanguage}"`}`,
    hint: config.sourceLanguage === 'auto' ? 'Set the source language (-s en) to translate from English' : 'Use -t en, or translation.backend nllb (--translator nllb)',
  });
}

const ALIGN_MODEL_PREFIX = 'whisperx-align-';

/** The alignment model is per language (the config requires a source language with align). */
function alignHubModel(language: string): string {
  const registered = hubModelRegistry.filter((entry) => entry.name.startsWith(ALIGN_MODEL_PREFIX)).map((entry) => entry.name.slice(ALIGN_MODEL_PREFIX.length));
  if (!registered.includes(language)) throw new AlignLanguageUnsupportedError(language, registered);
  return `${ALIGN_MODEL_PREFIX}${language}`;
}

/** Which backends a job's pipeline runs: what its stages are built from. */
export interface PipelineBackends {
  /** whisper.cpp runs (the default ASR backend, for the transcript or Whisper's translate task). */
  whisperCpp: boolean;
  /** The Python ASR backend that runs, if one does. */
  asr: PythonAsrBackend | undefined;
  /** ASR transcribes: for the source subtitles, or for a text translator's source text. */
  transcribes: boolean;
  align: boolean;
  diarize: boolean;
  textTranslator: TextTranslator | undefined;
  /** The llm translator translates the transcript (an OpenAI-compatible endpoint, in-process); textTranslator is then its fallback's. */
  llm: boolean;
}

export function pipelineBackends(config: JobConfig): PipelineBackends {
  const { transcribed, translated } = pipelineLanguages(config);
  const { backend } = config.translation;
  const llm = translated.length > 0 && backend === 'llm';
  const { fallback } = config.translation.llm;
  // The llm translator's Python fallback runs as the text translator does, over just the lines it failed on.
  const pythonTranslator = backend === 'llm' ? (fallback === 'nllb' || fallback === 'indictrans2' ? fallback : undefined) : backend !== 'whisper' ? backend : undefined;
  const textTranslator = translated.length > 0 ? pythonTranslator : undefined;
  // A text translator translates the transcript, so it needs one even when no source subtitles are written.
  const transcribes = transcribed !== undefined || textTranslator !== undefined || llm;
  // Whisper's translate task also stands in for the lines an llm translator fails on, when asked to.
  const whisperTranslates = translated.length > 0 && (backend === 'whisper' || (llm && fallback === 'whisper'));
  const recognises = transcribes || whisperTranslates;
  return {
    whisperCpp: recognises && config.asr.backend === 'whisper.cpp',
    asr: recognises && config.asr.backend !== 'whisper.cpp' ? config.asr.backend : undefined,
    transcribes,
    align: transcribes && config.asr.align,
    diarize: config.diarization.enabled,
    textTranslator,
    llm,
  };
}

/**
 * The Python stage families a job's pipeline runs, with the hub models each loads: what `bollyx run`
 * checks (environments) and pulls (models) before it builds the pipeline. Empty for the default
 * whisper.cpp job.
 */
export function pythonStageNeeds(config: JobConfig): PythonStageNeed[] {
  const backends = pipelineBackends(config);
  const needs: PythonStageNeed[] = [];
  if (backends.asr !== undefined) {
    const { family } = PYTHON_ASR_BACKENDS[backends.asr];
    needs.push(isFolder(config.asr.model) ? { family, models: [], modelFolder: config.asr.model } : { family, models: [asrHubModel(backends.asr, config.asr.model)] });
  }
  if (backends.align) needs.push({ family: ALIGN_BACKEND.family, models: [alignHubModel(config.sourceLanguage)] });
  if (backends.diarize) needs.push({ family: DIARIZE_BACKEND.family, models: DIARIZATION_MODELS });
  if (runsNer(config)) needs.push({ family: NER_BACKEND.family, models: [nerHubModel(config.sourceLanguage)] });
  if (backends.textTranslator !== undefined) {
    const model = translationHubModel(backends.textTranslator, config);
    needs.push({ family: TEXT_TRANSLATORS[backends.textTranslator].family, ...(isFolder(model) ? { models: [], modelFolder: model } : { models: [model] }) });
  }
  return needs;
}
