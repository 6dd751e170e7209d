import { basename } from 'node:path';
import type { StageFamily } from '@bollyx/environment-manager';
import type { StageDefinition } from '@bollyx/stage-runner';
import { stageFamilyScripts } from '@bollyx/python-stages';

/** Each Python stage script's family, by file name: the script tells which image runs the stage. */
const FAMILY_OF_SCRIPT: ReadonlyMap<string, StageFamily> = new Map(
  Object.entries(stageFamilyScripts).map(([family, script]) => [`${script}.py`, family as StageFamily]),
);

/**
 * The image stage (an `ImageStage` of `@bollyx/docker-builder`) whose image runs this stage in a
 * container: `asr-whispercpp` for a whisper-cli stage, a Python stage's family (from its script);
 * undefined for the stages that run in the bollyx process (demux, vad, speech-audio, transcript,
 * translation, subtitles, mux).
 */
export function imageStageOf(stage: StageDefinition): StageFamily | 'asr-whispercpp' | undefined {
  const { run } = stage;
  if (run.kind === 'binary' && stage.backend === 'whisper.cpp') return 'asr-whispercpp';
  if (run.kind === 'python') return FAMILY_OF_SCRIPT.get(basename(run.script));
  return undefined;
}
