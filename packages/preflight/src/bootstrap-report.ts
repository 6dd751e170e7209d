import { z } from 'zod';

/** The steps of a bootstrap, in the order they run. */
const BootstrapStepSchema = z.enum(['hardware', 'config', 'tools', 'engine', 'workspace', 'environments', 'models']);
export type BootstrapStep = z.infer<typeof BootstrapStepSchema>;

/** done: work happened now; skipped: nothing to do (up to date, not needed, declined); failed: see `fix`. */
const BootstrapStatusSchema = z.enum(['done', 'skipped', 'failed']);

/** What one item of a step (a tool, the engine, an environment, a model) came to. */
const BootstrapItemSchema = z.object({
  step: BootstrapStepSchema,
  /** Stable id, as preflight names its checks: `tool:ffmpeg`, `engine`, `environment:whisperx`, `model:base`. */
  id: z.string().min(1),
  status: BootstrapStatusSchema,
  reason: z.string(),
  fix: z.string().optional(),
  durationMs: z.number().nonnegative(),
});
export type BootstrapItem = z.infer<typeof BootstrapItemSchema>;

export const BootstrapReportSchema = z.object({
  ok: z.boolean(),
  items: z.array(BootstrapItemSchema),
});
export type BootstrapReport = z.infer<typeof BootstrapReportSchema>;
