import type { StageFamily } from '@bollyx/environment-manager';
import type { PythonStageScriptName } from './python-scripts';

/** The script each Python stage family runs (`tools` has none: a library environment). */
export const stageFamilyScripts: Readonly<Partial<Record<StageFamily, PythonStageScriptName>>> = {
  'asr-faster-whisper': 'asr_faster_whisper',
  'asr-whisperx': 'asr_whisperx',
  'asr-mlx': 'asr_mlx',
  'align-whisperx': 'align_whisperx',
  'diarize-pyannote': 'diarize_pyannote',
  'translate-indictrans2': 'translate_indictrans2',
  'translate-nllb': 'translate_nllb',
  'ner-transformers': 'ner_transformers',
};
