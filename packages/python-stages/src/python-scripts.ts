import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Python stage scripts this package ships in its `python/` folder, by name. */
export const pythonStageScriptNames = [
  'asr_faster_whisper',
  'asr_whisperx',
  'asr_mlx',
  'align_whisperx',
  'diarize_pyannote',
  'translate_indictrans2',
  'translate_nllb',
  'ner_transformers',
] as const;
export type PythonStageScriptName = (typeof pythonStageScriptNames)[number];

// Found through the package's own package.json: the same path from src/ (tests), dist/ and node_modules.
function pythonDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@bollyx/python-stages/package.json')), 'python');
}

/** The absolute path of a Python stage script, run as `<interpreter> -u <script> --request <request.json>`. */
export function pythonStageScript(name: PythonStageScriptName): string {
  return join(pythonDir(), `${name}.py`);
}

