import { ModelUnknownError } from '../models/model-errors';
import type { HubModelEntry, HubModelRegistry } from './hub-model-registry-schema';

// faster-whisper's own list (faster_whisper.utils.download_model passes these as allow_patterns); the
// large-v3 models carry preprocessor_config.json for their 128 mel bins, the smaller ones have none.
const FASTER_WHISPER_FILES = ['config.json', 'model.bin', 'tokenizer.json', 'vocabulary.*'];
const FASTER_WHISPER_128_MEL_FILES = [...FASTER_WHISPER_FILES, 'preprocessor_config.json'];

// pyannote.audio 3's Model.from_pretrained loads pytorch_model.bin; it also asks for the model's config.yaml,
// only for the hub's download counters, and goes on without it.
const PYANNOTE_MODEL_FILES = ['pytorch_model.bin'];

function fasterWhisper(size: string, repo: string, files: string[]): HubModelEntry {
  return {
    name: `faster-whisper-${size}`,
    kind: 'hf-repo',
    repo,
    revision: 'main',
    files,
    // OpenAI's Whisper weights are MIT; the CTranslate2 conversions keep it.
    license: 'MIT',
    gated: false,
    // WhisperX transcribes with faster-whisper and loads the same repositories.
    families: ['asr-faster-whisper', 'asr-whisperx'],
  };
}

// mlx-examples' whisper/benchmark.py loads mlx-community/whisper-<size>-mlx; large-v3-turbo is
// mlx_whisper.transcribe's own default repository (mlx-whisper 0.4.3).
function mlxWhisper(size: string, repo = `mlx-community/whisper-${size}-mlx`): HubModelEntry {
  return {
    name: `mlx-whisper-${size}`,
    kind: 'hf-repo',
    repo,
    // No file list: mlx_whisper.load_models calls snapshot_download on the whole repository.
    revision: 'main',
    license: 'MIT',
    gated: false,
    families: ['asr-mlx'],
  };
}

function indicTrans2(direction: 'indic-en' | 'en-indic', variant: '1B' | 'dist-200M'): HubModelEntry {
  return {
    name: `indictrans2-${direction}-${variant.toLowerCase()}`,
    kind: 'hf-repo',
    repo: `ai4bharat/indictrans2-${direction}-${variant}`,
    // No file list: the model code (trust_remote_code), SentencePiece models and dictionaries are all needed.
    revision: 'main',
    license: 'MIT',
    // AI4Bharat asks users to accept its terms on the model page before the files are served.
    gated: true,
    families: ['translate-indictrans2'],
  };
}

/**
 * The Hugging Face models bollyx's Python backends load, by name. Revisions follow `main` (no commit is
 * pinned); `bollyx models pull` records the commit it got in `refs/main`. Validated against
 * HubModelRegistrySchema by its test rather than on every import (a cost to each `bollyx` start).
 *
 * English alignment uses a hub wav2vec2 model rather than WhisperX's default (torchaudio's
 * WAV2VEC2_ASR_BASE_960H, which torchaudio downloads into TORCH_HOME at run time, outside the cache bollyx
 * pulls and verifies).
 */
export const hubModelRegistry: HubModelRegistry = [
  fasterWhisper('tiny', 'Systran/faster-whisper-tiny', FASTER_WHISPER_FILES),
  fasterWhisper('base', 'Systran/faster-whisper-base', FASTER_WHISPER_FILES),
  fasterWhisper('small', 'Systran/faster-whisper-small', FASTER_WHISPER_FILES),
  fasterWhisper('medium', 'Systran/faster-whisper-medium', FASTER_WHISPER_FILES),
  fasterWhisper('large-v3', 'Systran/faster-whisper-large-v3', FASTER_WHISPER_128_MEL_FILES),
  // faster-whisper's own choice for "large-v3-turbo"/"turbo".
  fasterWhisper('large-v3-turbo', 'mobiuslabsgmbh/faster-whisper-large-v3-turbo', FASTER_WHISPER_128_MEL_FILES),
  {
    // whisperx.alignment.DEFAULT_ALIGN_MODELS_HF["hi"], loaded with transformers' Wav2Vec2Processor/ForCTC.
    name: 'whisperx-align-hi',
    kind: 'hf-repo',
    repo: 'theainerd/Wav2Vec2-large-xlsr-hindi',
    revision: 'main',
    license: 'NOASSERTION',
    gated: false,
    families: ['align-whisperx'],
  },
  {
    // A model name that is not a torchaudio bundle makes whisperx.load_align_model use transformers.
    name: 'whisperx-align-en',
    kind: 'hf-repo',
    repo: 'jonatasgrosman/wav2vec2-large-xlsr-53-english',
    revision: 'main',
    license: 'Apache-2.0',
    gated: false,
    families: ['align-whisperx'],
  },
  indicTrans2('indic-en', '1B'),
  indicTrans2('en-indic', '1B'),
  indicTrans2('indic-en', 'dist-200M'),
  indicTrans2('en-indic', 'dist-200M'),
  {
    name: 'nllb-200-distilled-600m',
    kind: 'hf-repo',
    repo: 'facebook/nllb-200-distilled-600M',
    revision: 'main',
    license: 'CC-BY-NC-4.0',
    gated: false,
    families: ['translate-nllb'],
  },
  {
    // Named entities (PER, LOC, ORG) in the Indian languages, for the optional ner stage.
    name: 'ner-indic',
    kind: 'hf-repo',
    repo: 'ai4bharat/IndicNER',
    revision: 'main',
    license: 'MIT',
    gated: false,
    families: ['ner-transformers'],
  },
  {
    // Named entities in English (CoNLL-2003: PER, LOC, ORG, MISC).
    name: 'ner-en',
    kind: 'hf-repo',
    repo: 'dslim/bert-base-NER',
    revision: 'main',
    license: 'MIT',
    gated: false,
    families: ['ner-transformers'],
  },
  {
    name: 'pyannote-segmentation-3.0',
    kind: 'hf-repo',
    repo: 'pyannote/segmentation-3.0',
    revision: 'main',
    files: PYANNOTE_MODEL_FILES,
    license: 'MIT',
    gated: true,
    families: ['diarize-pyannote'],
  },
  {
    // The pipeline's config.yaml names the segmentation model above and the embedding model below, which
    // pyannote.audio 3 loads by hub id from PYANNOTE_CACHE (envVarsFor points it at the hub cache).
    name: 'pyannote-speaker-diarization-3.1',
    kind: 'hf-repo',
    repo: 'pyannote/speaker-diarization-3.1',
    revision: 'main',
    // pyannote.audio 3's Pipeline.from_pretrained reads the pipeline's config.yaml and nothing else of it.
    files: ['config.yaml'],
    license: 'MIT',
    gated: true,
    families: ['diarize-pyannote'],
  },
  {
    name: 'pyannote-wespeaker-voxceleb-resnet34-lm',
    kind: 'hf-repo',
    repo: 'pyannote/wespeaker-voxceleb-resnet34-LM',
    revision: 'main',
    files: PYANNOTE_MODEL_FILES,
    license: 'CC-BY-4.0',
    gated: false,
    families: ['diarize-pyannote'],
  },
  mlxWhisper('tiny'),
  mlxWhisper('base'),
  mlxWhisper('small'),
  mlxWhisper('medium'),
  mlxWhisper('large-v3'),
  mlxWhisper('large-v3-turbo', 'mlx-community/whisper-turbo'),
];

/** The registry entry of a Hugging Face model, or undefined when the name is not one. */
export function findHubModel(name: string): HubModelEntry | undefined {
  return hubModelRegistry.find((entry) => entry.name === name);
}

export function hubModelEntry(name: string): HubModelEntry {
  const entry = findHubModel(name);
  if (entry === undefined) throw new ModelUnknownError(name, hubModelRegistry.map((candidate) => candidate.name));
  return entry;
}
