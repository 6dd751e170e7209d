import { z } from 'zod';
import { JobConfigSchema } from './config-schema';
import { JobFileSchema } from './job-schema';

/**
 * JSON Schema (draft 2020-12) of what a user may write in `bollyx.config.yaml`: every field optional,
 * with its default and description, for editor completion. The package ships it as
 * `schema/job-config.schema.json`.
 */
export function jobConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(JobConfigSchema.meta({ title: 'bollyx job config (bollyx.config.yaml)' }), { io: 'input' });
}

/** JSON Schema of a job's `job.yaml`; the package ships it as `schema/job.schema.json`. */
export function jobFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(JobFileSchema.meta({ title: 'bollyx job (job.yaml)' }), { io: 'input' });
}
