import type { StageDefinition } from '@bollyx/stage-runner';
import { LAYOUT } from './pipeline-layout';
import { DIARIZE_BACKEND } from './python-backends';
import { pythonStage } from './python-stage';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/**
 * pyannote diarization over the whole source audio (not the condensed speech: who speaks is told by
 * voices across the film, and its turns are then on the movie's timeline already).
 */
export function diarizeStage(options: ResolvedSubtitlePipelineOptions): StageDefinition {
  const { minSpeakers, maxSpeakers, device, threads } = options.config.diarization;
  const bounds = { ...(minSpeakers === undefined ? {} : { minSpeakers }), ...(maxSpeakers === undefined ? {} : { maxSpeakers }) };
  return pythonStage(options, {
    id: 'diarize',
    ...DIARIZE_BACKEND,
    backend: 'pyannote',
    needs: ['demux'],
    params: { minSpeakers: minSpeakers ?? null, maxSpeakers: maxSpeakers ?? null },
    output: LAYOUT.speakers,
    device,
    threads,
    request: (ctx) => ({ audio: ctx.needs.demux![0]!, ...bounds }),
  });
}
