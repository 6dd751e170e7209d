import { z } from 'zod';
import { PipelineDefinitionError } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { audioStages } from './audio-stages';
import { diarizeStage } from './diarize-stage';
import { namesStage } from './names-stage';
import { nerStages } from './ner-stage';
import { outputStages } from './output-stages';
import { pipelineBackends } from './python-backends';
import { subtitlePipelineOptionsSchema } from './subtitle-pipeline-options';
import type { SubtitlePipelineOptions } from './subtitle-pipeline-options';
import { transcriptStages } from './transcript-stages';
import { translationStages } from './translation-stages';

/**
 * The stages that turn a job's movie into subtitles, for `runPipeline`: demux → vad → speech-audio →
 * asr → (align) → transcript (source language), (diarize: speakers), translate → translation (targets),
 * → subtitles → mux. Which stages there are, and which backend runs each, follows the config: the
 * workflow, the ASR and translation backends, alignment, diarization and the output settings. Sync and
 * pure: what the Python stages need (environments, env, models) comes in `options.python`.
 */
export function buildSubtitlePipeline(options: SubtitlePipelineOptions): StageDefinition[] {
  const parsed = subtitlePipelineOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new PipelineDefinitionError(`Bad subtitle pipeline options: ${z.prettifyError(parsed.error)}`, 'Pass the job config and the paths preflight found');
  }
  const resolved = parsed.data;
  const backends = pipelineBackends(resolved.config);
  return [
    // The glossary first: what recognises, corrects and translates names reads it.
    ...(resolved.config.names.enabled ? [namesStage(resolved)] : []),
    ...audioStages(resolved),
    ...transcriptStages(resolved, backends),
    ...nerStages(resolved),
    ...(backends.diarize ? [diarizeStage(resolved)] : []),
    ...translationStages(resolved, backends),
    ...outputStages(resolved),
  ];
}
