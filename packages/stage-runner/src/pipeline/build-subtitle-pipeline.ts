import { z } from 'zod';
import { PipelineDefinitionError } from '../errors';
import type { StageDefinition } from '../stage-definition';
import { audioStages } from './audio-stages';
import { outputStages } from './output-stages';
import { subtitlePipelineOptionsSchema } from './subtitle-pipeline-options';
import type { SubtitlePipelineOptions } from './subtitle-pipeline-options';
import { whisperStages } from './whisper-stages';

/**
 * The stages that turn a job's movie into subtitles, for `runPipeline`: demux → vad → speech-audio →
 * asr → transcript (source language) and translate → translation (targets), → subtitles → mux. Which
 * stages there are follows the config's workflow and output settings.
 */
export function buildSubtitlePipeline(options: SubtitlePipelineOptions): StageDefinition[] {
  const parsed = subtitlePipelineOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new PipelineDefinitionError(`Bad subtitle pipeline options: ${z.prettifyError(parsed.error)}`, 'Pass the job config and the paths preflight found');
  }
  return [...audioStages(parsed.data), ...whisperStages(parsed.data), ...outputStages(parsed.data)];
}
