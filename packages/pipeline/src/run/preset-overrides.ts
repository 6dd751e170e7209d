import type { Job } from '@bollyx/job-config';
import type { PresetOverrides } from '../stages/subtitles/subtitle-preset';

const STYLE_FIELDS = ['maxCharsPerLine', 'maxLines', 'maxCharsPerSecond', 'minDurationSeconds', 'maxDurationSeconds', 'minGapFrames'] as const;

/** The subtitle limits the job's config set (not defaults): they replace the preset's, which are per language. */
export function presetOverrides(job: Pick<Job, 'config' | 'provenance'>): PresetOverrides {
  return Object.fromEntries(
    STYLE_FIELDS.filter((field) => job.provenance[`subtitles.${field}`] !== 'default').map((field) => [field, job.config.subtitles[field]]),
  );
}
