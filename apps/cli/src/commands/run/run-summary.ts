import type { RunSummary, RunSummaryStage } from '@bollyx/pipeline';
import { formatDuration, formatTable } from '../../output/format';

/** `asr ran (12 s, faster-whisper on cpu after cuda failed)`; a cached stage says only that. */
function describeStage(stage: RunSummaryStage): string {
  if (stage.status !== 'ran') return `${stage.id} ${stage.status}`;
  // A stage with no backend of its own (plain TypeScript in this process) has nothing to add.
  const ranWith =
    stage.backend === undefined || stage.backend === 'in-process'
      ? []
      : [`${stage.backend} on ${stage.device ?? 'cpu'}${stage.fellBackFrom === undefined ? '' : ` after ${stage.fellBackFrom.join(', ')} failed`}`];
  // A language model's cost: what its requests took and gave.
  const { llmPromptTokens, llmCompletionTokens } = stage.metrics ?? {};
  const tokens = llmPromptTokens === undefined ? [] : [`${llmPromptTokens} tokens in, ${llmCompletionTokens ?? 0} out`];
  return `${stage.id} ran (${[formatDuration(stage.durationMs), ...ranWith, ...tokens].join(', ')})`;
}

/** What `bollyx run` prints at the end: the stages, then every output file. */
export function renderRunSummary(summary: RunSummary): string {
  const stages = summary.stages.map(describeStage);
  const rows = [
    ...Object.entries(summary.outputs.subtitles).flatMap(([language, files]) =>
      Object.entries(files).map(([format, file]) => [`${language} ${format}`, file]),
    ),
    ...Object.entries(summary.outputs.video).map(([container, file]) => [`video ${container}`, file]),
  ];
  const noSpeech = summary.speechFound === false ? 'No speech was found: the subtitle files are empty.\n' : '';
  const outputs = rows.length === 0 ? 'Outputs: none yet (the stages that write them have not run)\n' : `Outputs:\n${formatTable(rows)}\n`;
  return `Job ${summary.jobId}: ${stages.join(', ')}\n${noSpeech}${outputs}`;
}
