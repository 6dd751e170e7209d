import { isBollyxError } from '@bollyx/errors';
import { JobConfigSchema, resolveConfig } from '@bollyx/job-config';
import type { ConfigSources, JobConfig } from '@bollyx/job-config';
import { errorOutcome, type CheckDefinition, type CheckOutcome } from './check-definition';
import type { JobStages, JobStagesOf } from './job-stages';

/** A job's config: already resolved (a prepared job's), or its layers, resolved here so a bad one is a failed check. */
export type PreflightConfig = { resolved: JobConfig } | { sources: ConfigSources };

/** The config and the stages it runs, or why it cannot run. */
export type ConfigAssessment = (CheckOutcome & { ok: true; config: JobConfig; stages: JobStages }) | (CheckOutcome & { ok: false });

const failure = (error: unknown): CheckOutcome & { ok: false } => {
  if (!isBollyxError(error)) throw error;
  return errorOutcome(error);
};

function resolved(config: PreflightConfig): { config: JobConfig; what: string } | (CheckOutcome & { ok: false }) {
  if ('resolved' in config) {
    const parsed = JobConfigSchema.safeParse(config.resolved);
    if (parsed.success) return { config: parsed.data, what: 'the job config is valid' };
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, what: `the job config is invalid: ${issues.join('; ')}`, fix: 'prepare the job again with a valid config (`bollyx prepare …`)' };
  }
  try {
    const file = config.sources.file?.path;
    return { config: resolveConfig(config.sources).config, what: `the config is valid${file ? ` (${file})` : ''}` };
  } catch (error) {
    return failure(error);
  }
}

/** Validates the config and asks what it runs; either failing is the config check failing, with the fix. */
export function assessConfig(config: PreflightConfig, stagesOf: JobStagesOf): ConfigAssessment {
  const found = resolved(config);
  if ('ok' in found) return found;
  try {
    return { ok: true, config: found.config, stages: stagesOf(found.config), what: found.what };
  } catch (error) {
    return failure(error);
  }
}

/** The job config validates and the pipeline can run it; a bad field is named with what it allows and where it was set. */
export function configCheck(assessment: ConfigAssessment): CheckDefinition {
  return {
    id: 'config',
    why: 'every stage reads its settings from the job config',
    check: async () => (assessment.ok ? { ok: true, what: assessment.what } : assessment),
  };
}
