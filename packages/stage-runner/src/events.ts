import { z } from 'zod';
import { deviceSchema } from './device';
import { manifestSchema } from './manifest';

/** A failure as data: what `BollyxError#toJSON` gives, so it survives JSON lines and manifests. */
const errorInfoSchema = z.object({
  name: z.string().optional(),
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

export const skipReasonSchema = z.enum(['dependency-failed', 'not-selected', 'cancelled']);

export const stageResultSchema = z.object({
  id: z.string(),
  status: z.enum(['ran', 'cached', 'failed', 'skipped']),
  durationMs: z.number().nonnegative(),
  /** The device of the last attempt (absent for skipped stages and cache hits). */
  device: deviceSchema.optional(),
  reason: skipReasonSchema.optional(),
  /** For `dependency-failed`: the failed stage this one needed. */
  dependency: z.string().optional(),
  error: errorInfoSchema.optional(),
  manifest: manifestSchema.optional(),
});
export type StageResult = z.infer<typeof stageResultSchema>;

export const pipelineSummarySchema = z.object({
  runId: z.string(),
  jobDir: z.string(),
  status: z.enum(['succeeded', 'failed', 'cancelled']),
  durationMs: z.number().nonnegative(),
  stages: z.array(stageResultSchema),
});
export type PipelineSummary = z.infer<typeof pipelineSummarySchema>;

const at = z.iso.datetime();

/** Everything a run reports, in order; `logs/pipeline.jsonl` holds these lines (all but stage-log). */
export const pipelineEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('pipeline-start'),
    at,
    runId: z.string(),
    jobDir: z.string(),
    stages: z.array(z.string()),
    concurrency: z.number().int().positive(),
  }),
  z.object({
    type: z.literal('stage-start'),
    at,
    stageId: z.string(),
    device: deviceSchema,
    attempt: z.number().int().positive(),
  }),
  z.object({
    type: z.literal('stage-progress'),
    at,
    stageId: z.string(),
    fraction: z.number().min(0).max(1),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal('stage-log'),
    at,
    stageId: z.string(),
    line: z.string(),
  }),
  z.object({
    type: z.literal('stage-retry'),
    at,
    stageId: z.string(),
    fromDevice: deviceSchema,
    toDevice: deviceSchema,
    reason: z.string(),
  }),
  z.object({
    type: z.literal('stage-done'),
    at,
    stageId: z.string(),
    status: z.enum(['ran', 'cached']),
    durationMs: z.number().nonnegative(),
    device: deviceSchema,
  }),
  z.object({
    type: z.literal('stage-skipped'),
    at,
    stageId: z.string(),
    reason: skipReasonSchema,
    dependency: z.string().optional(),
  }),
  z.object({
    type: z.literal('stage-failed'),
    at,
    stageId: z.string(),
    durationMs: z.number().nonnegative(),
    error: errorInfoSchema,
  }),
  z.object({
    type: z.literal('pipeline-done'),
    at,
    summary: pipelineSummarySchema,
  }),
]);
export type PipelineEvent = z.infer<typeof pipelineEventSchema>;
