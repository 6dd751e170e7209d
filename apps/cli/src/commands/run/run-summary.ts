import type { Device, PipelineSummary, SubtitlePipelineOutputs } from '@bollyx/stage-runner';
import { formatDuration, formatTable } from '../../output/format';

type StageResult = PipelineSummary['stages'][number];

export interface RunSummaryStage {
  id: string;
  status: StageResult['status'];
  durationMs: number;
  /** What did the work (`whisper.cpp`, `faster-whisper`, `pyannote`, …) and on which device, from its manifest. */
  backend?: string;
  device?: Device;
  /** The devices that failed with a device error before `device` succeeded (the manifest's attempts). */
  fellBackFrom?: Device[];
}

export interface RunSummary {
  ok: true;
  jobId: string;
  jobDir: string;
  stages: RunSummaryStage[];
  /** Absolute paths: subtitles by language and format, muxed videos by container. */
  outputs: SubtitlePipelineOutputs;
  /** False when VAD heard no speech: the subtitles are empty. */
  speechFound: boolean;
}

/** A stage of the summary: its result, with the backend and device its manifest (this run's or the cached one) records. */
export function runSummaryStage({ id, status, durationMs, device, manifest }: StageResult): RunSummaryStage {
  const failed = manifest?.attempts.filter((attempt) => attempt.status === 'failed').map((attempt) => attempt.device) ?? [];
  const ran = manifest?.device ?? device;
  return {
    id,
    status,
    durationMs,
    ...(manifest === undefined ? {} : { backend: manifest.backend }),
    ...(ran === undefined ? {} : { device: ran }),
    ...(failed.length === 0 ? {} : { fellBackFrom: failed }),
  };
}

/** `asr ran (12 s, faster-whisper on cpu after cuda failed)`; a cached stage says only that. */
function describeStage(stage: RunSummaryStage): string {
  if (stage.status !== 'ran') return `${stage.id} ${stage.status}`;
  // A stage with no backend of its own (plain TypeScript in this process) has nothing to add.
  const ranWith =
    stage.backend === undefined || stage.backend === 'in-process'
      ? []
      : [`${stage.backend} on ${stage.device ?? 'cpu'}${stage.fellBackFrom === undefined ? '' : ` after ${stage.fellBackFrom.join(', ')} failed`}`];
  return `${stage.id} ran (${[formatDuration(stage.durationMs), ...ranWith].join(', ')})`;
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
  const noSpeech = summary.speechFound ? '' : 'No speech was found: the subtitle files are empty.\n';
  return `Job ${summary.jobId}: ${stages.join(', ')}\n${noSpeech}Outputs:\n${formatTable(rows)}\n`;
}
