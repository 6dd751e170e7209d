import { dirname, join } from 'node:path';
import type { StageFamily } from '@bollyx/environment-manager';
import { pythonStageScript } from '@bollyx/stage-runner';

type StageScriptName = Parameters<typeof pythonStageScript>[0];

/** The script of each Python stage family in @bollyx/stage-runner's python/ (`tools` has none: a library environment). */
export const STAGE_SCRIPTS: Readonly<Partial<Record<StageFamily, StageScriptName>>> = {
  'asr-faster-whisper': 'asr_faster_whisper',
  'asr-whisperx': 'asr_whisperx',
  'asr-mlx': 'asr_mlx',
  'align-whisperx': 'align_whisperx',
  'diarize-pyannote': 'diarize_pyannote',
  'translate-indictrans2': 'translate_indictrans2',
  'translate-nllb': 'translate_nllb',
};

/** The host files an image serving `families` needs: their scripts and the contract module they import, beside them. */
export function stageScriptFiles(families: readonly StageFamily[]): string[] {
  const scripts = families.flatMap((family) => {
    const script = STAGE_SCRIPTS[family];
    return script === undefined ? [] : [pythonStageScript(script)];
  });
  if (scripts.length === 0) return [];
  return [...scripts, join(dirname(scripts[0]!), 'bollyx_stage.py')];
}
