import { z } from 'zod';

/** What the llm translator writes for one target (`transcripts/<lang>.texts.json`): the texts, and how they came to be. */
export const llmTextsSchema = z.object({
  language: z.string().min(1),
  /** One per transcript segment, in order; empty where the source was, and where a Python fallback (nllb, indictrans2) translates next. */
  texts: z.array(z.string()),
  /** The endpoint's model (its GET /models id). */
  model: z.string(),
  /** Lines the model failed on, and who translated them instead. */
  fallbacks: z.array(z.object({ line: z.number().int().nonnegative(), reason: z.string(), translator: z.string() })),
  usage: z.object({
    requests: z.number().int().nonnegative(),
    promptTokens: z.number().int().nonnegative(),
    completionTokens: z.number().int().nonnegative(),
    /** Answers without usage counts (a server that does not send them when streaming). */
    unreported: z.number().int().nonnegative(),
  }),
  /** Lines the first pass wrote over their budget (within the tolerance). */
  overBudget: z.number().int().nonnegative(),
  /** Lines the review pass changed (0 without --llm-review). */
  reviewed: z.number().int().nonnegative(),
  /** Whether the server took the JSON schema (else the numbered format). */
  structured: z.boolean(),
});
export type LlmTexts = z.infer<typeof llmTextsSchema>;
