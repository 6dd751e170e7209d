import type { PromptLine, SubtitleStyle } from './llm-prompt';

/**
 * Tokens a text costs, roughly: about 4 characters of Latin script per token, and about 2 of other
 * scripts (Devanagari splits into more tokens in the tokenizers of Llama, Qwen and GPT models). An
 * estimate for sizing batches only; the server's own counts are the ones recorded.
 */
export function estimateTokens(text: string): number {
  let latin = 0;
  let other = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x250) latin += 1;
    else other += 1;
  }
  return Math.ceil(latin / 4 + other / 2);
}

/**
 * A line's length budget in characters: what the reading speed allows over its time, and never below
 * one subtitle line (a short interjection still gets a few words).
 */
export function lineBudget(durationSeconds: number, style: SubtitleStyle): number {
  return Math.max(style.maxCharsPerLine, Math.floor(style.maxCharsPerSecond * durationSeconds));
}

/** What one line costs a request: its text and budget in, its answer (about its budget) and the JSON around it out. */
const lineTokens = (line: PromptLine) => estimateTokens(line.text) + 6 + Math.ceil(line.budget / 4) + 10;

export interface BatchLimits {
  /** Lines per request, at most. */
  batchSize: number;
  /** The model's context window. */
  contextTokens: number;
  /** What every request carries besides its lines: the system prompt and the history. */
  fixedTokens: number;
}

/** Consecutive lines in batches of at most batchSize that fit the context window with the fixed part; never an empty batch. */
export function planBatches(lines: readonly PromptLine[], limits: BatchLimits): PromptLine[][] {
  const room = Math.max(0, limits.contextTokens - limits.fixedTokens);
  const batches: PromptLine[][] = [];
  let batch: PromptLine[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = lineTokens(line);
    if (batch.length > 0 && (batch.length >= limits.batchSize || used + cost > room)) {
      batches.push(batch);
      batch = [];
      used = 0;
    }
    batch.push(line);
    used += cost;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
