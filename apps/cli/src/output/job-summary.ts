import type { Job, JobFile } from '@bollyx/job-config';
import { formatDuration, formatTable } from './format';

const METHODS: Readonly<Record<JobFile['media']['method'], string>> = {
  hardlink: 'hard-linked',
  copy: 'copied',
  'clip-copy': 'clipped, streams copied',
  'clip-reencode-audio': 'clipped, audio re-encoded to AAC',
};

function describeMedia(job: JobFile): string {
  const { info, method } = job.media;
  const clip = job.config.clip;
  const range = clip && method.startsWith('clip') ? `, ${clip.start ?? 0}–${clip.end ?? job.source.durationSeconds} s of the source` : '';
  const audio = info.audioStreams.map((stream) => [stream.codec, stream.language].filter(Boolean).join(' ')).join(', ');
  const video = info.videoStreams[0];
  return [
    `${job.media.file} (${METHODS[method]}${range})`,
    formatDuration(info.durationSeconds * 1000),
    `audio ${audio}`,
    ...(video ? [`video ${video.codec} ${video.width ?? '?'}x${video.height ?? '?'}`] : []),
  ].join(', ');
}

/** A job in a few lines: where it is, its media and what the pipeline will do with it. */
export function renderJob(job: Job, heading: string): string {
  const { config } = job;
  const languages = config.workflow === 'transcribe' ? config.sourceLanguage : `${config.sourceLanguage} → ${config.targetLanguages.join(', ')}`;
  const rows = [
    ['folder', job.dir],
    ['state', job.state],
    ['created', job.createdAt],
    ['source', job.source.path],
    ['media', describeMedia(job)],
    ['workflow', `${config.workflow}: ${languages}`],
    ['speech', `${config.asr.backend}, model ${config.asr.model}, ${config.asr.computeType} on ${config.asr.device}`],
    ['outputs', `${config.output.formats.join(', ')}${config.output.mux.enabled ? `; muxed into ${config.output.mux.containers.join(', ')}` : ''}`],
  ];
  return `${heading} ${job.id}\n${formatTable(rows)}\n`;
}

/** Every resolved config value with the layer it came from (`--explain`). */
export function renderConfigSources(job: JobFile): string {
  const rows = Object.entries(job.provenance).map(([path, source]) => {
    const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], job.config);
    return [path, JSON.stringify(value), source];
  });
  return `Config (lowest first: default < recommendation < file < flag < env)\n${formatTable(rows)}\n`;
}
