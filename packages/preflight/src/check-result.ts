import { z } from 'zod';

/** One preflight check: what was found, why it matters and, when it failed, the command that fixes it. */
const CheckResultSchema = z.object({
  /** Stable id: `tool:ffmpeg`, `engine`, `environment:whisperx`, `model:base`, `disk`, `config`, `secret:hf-token`, `workspace`. */
  id: z.string().min(1),
  ok: z.boolean(),
  /** What was found, e.g. `ffmpeg 5.1.6 at /usr/bin/ffmpeg` or `ffmpeg is not on PATH`. Never a secret's value. */
  what: z.string(),
  /** Why bollyx needs it. */
  why: z.string(),
  /** The exact command (or change) that fixes a failed check. */
  fix: z.string().optional(),
  /** A failed check's own error code (`MODEL_FILE_INVALID`), where its failure has one that says more than PREFLIGHT_FAILED. */
  code: z.string().optional(),
  /** True when the result came from the 24-hour cache instead of being checked now. */
  cached: z.boolean(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const PreflightReportSchema = z.object({
  ok: z.boolean(),
  checks: z.array(CheckResultSchema),
});
export type PreflightReport = z.infer<typeof PreflightReportSchema>;
