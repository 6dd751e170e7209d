import type { PipelineSummary, SubtitlePipelineOutputs } from '@bollyx/stage-runner';
import { formatDuration, formatTable } from '../../output/format';

export interface RunSummary {
  ok: true;
  jobId: string;
  jobDir: string;
  stages: { id: string; status: PipelineSummary['stages'][number]['status']; durationMs: number }[];
  /** Absolute paths: subtitles by language and format, muxed videos by container. */
  outputs: SubtitlePipelineOutputs;
  /** False when VAD heard no speech: the subtitles are empty. */
  speechFound: boolean;
}

/** What `bollyx run` prints at the end: the stages, then every output file. */
export function renderRunSummary(summary: RunSummary): string {
  const stages = summary.stages.map((stage) => `${stage.id} ${stage.status}${stage.status === 'ran' ? ` (${formatDuration(stage.durationMs)})` : ''}`);
  const rows = [
    ...Object.entries(summary.outputs.subtitles).flatMap(([language, files]) =>
      Object.entries(files).map(([format, file]) => [`${language} ${format}`, file]),
    ),
    ...Object.entries(summary.outputs.video).map(([container, file]) => [`video ${container}`, file]),
  ];
  const noSpeech = summary.speechFound ? '' : 'No speech was found: the subtitle files are empty.\n';
  return `Job ${summary.jobId}: ${stages.join(', ')}\n${noSpeech}Outputs:\n${formatTable(rows)}\n`;
}
