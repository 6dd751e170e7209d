import { estimateTokens, lineBudget, planBatches } from './llm-batches';
import { checkAnswer } from './llm-check';
import { LlmTimeoutError, type LlmClient } from './llm-client';
import { LlmRequestFailedError } from './llm-errors';
import { LINES_SCHEMA, messages, reviewPrompt, reviewRequest, systemPrompt, translateRequest, type HistoryLine, type PromptLine, type PromptSetting } from './llm-prompt';

export interface LlmSourceLine {
  text: string;
  /** Seconds the line is on screen: its reading-speed budget. */
  duration: number;
}

/** A line the model failed on, and what the fallback translator made of it. */
export interface LlmFallback {
  /** The line's index among the source lines. */
  line: number;
  /** Why the model's last answer was refused. */
  reason: string;
  /** Who translated it instead (`whisper`), or `none` when it kept its source text. */
  translator: string;
}

export interface LlmTranslateOptions {
  client: LlmClient;
  setting: PromptSetting;
  batchSize: number;
  contextTokens: number;
  /** Previous translated lines sent as history. */
  contextLines: number;
  /** Times a refused batch is asked again before it is halved. */
  maxRetries: number;
  /** A second pass that shortens and smooths. */
  review: boolean;
  /** The secondary translator: the texts of the lines at these indices. */
  fallback: { name: string; translate(indices: readonly number[]): Promise<string[]> };
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  log?: (line: string) => void;
}

export interface LlmTranslation {
  /** One per source line, in order; empty where the source was. */
  texts: string[];
  fallbacks: LlmFallback[];
  /** Lines the model wrote over their budget (within the tolerance). */
  overBudget: number;
  /** Lines the review pass changed. */
  reviewed: number;
  /** Whether the server took the JSON schema (else the numbered format was used). */
  structured: boolean;
}

/** A failure of one request that a smaller batch may not meet: a timeout, or a 400/413 (too long for the context). */
function batchProblem(error: unknown): string | undefined {
  if (error instanceof LlmTimeoutError) return 'timed out';
  if (error instanceof LlmRequestFailedError && [400, 413].includes((error.details as { status: number }).status)) return error.message;
  return undefined;
}

/** Numbered lines or JSON entries seen so far in a streamed answer: progress inside a batch. */
const linesSeen = (text: string) => (text.match(/"n"\s*:|^\s*\d+\s*[.)]/gm) ?? []).length;

/**
 * Translates film lines with a chat model, as subtitles: batches sized to the model's context, each with
 * the style, the film's glossary and synopsis, and the lines before it as history; each answer checked
 * (every line once, names in their Latin form, within budget). A refused batch is asked again, then
 * halved, then its lines go to the fallback translator, each recorded. With `review`, a second pass
 * shortens and smooths; a refused review keeps the first pass.
 */
export async function llmTranslate(lines: readonly LlmSourceLine[], options: LlmTranslateOptions): Promise<LlmTranslation> {
  const { client, setting, signal, log } = options;
  const texts: (string | undefined)[] = lines.map((line) => (line.text.trim() === '' ? '' : undefined));
  const refused = new Map<number, string>();
  const asked: PromptLine[] = lines.flatMap((line, index) =>
    texts[index] === '' ? [] : [{ n: index + 1, text: line.text.trim(), budget: lineBudget(line.duration, setting.style) }],
  );
  const fixedTokens = estimateTokens(systemPrompt(setting, client.structured)) + options.contextLines * 40;
  const batches = planBatches(asked, { batchSize: options.batchSize, contextTokens: options.contextTokens, fixedTokens });
  let overBudget = 0;
  let done = 0;
  const passes = options.review ? 2 : 1;
  const progress = (pass: number, partial: number) => options.onProgress?.((pass * asked.length + done + partial) / (passes * Math.max(1, asked.length)));

  const history = (before: number): HistoryLine[] => {
    const previous: HistoryLine[] = [];
    for (let index = before - 2; index >= 0 && previous.length < options.contextLines; index -= 1) {
      const translation = texts[index];
      if (translation) previous.unshift({ source: lines[index]!.text.trim(), translation });
    }
    return previous;
  };

  /** One request for `batch`, checked: the texts, or why they were refused. */
  async function ask(batch: readonly PromptLine[], pass: number, drafts?: readonly string[]) {
    const user = drafts === undefined ? translateRequest(batch, history(batch[0]!.n)) : reviewRequest(batch, drafts);
    try {
      const answer = await client.chat({
        messages: (structured) => messages(drafts === undefined ? systemPrompt(setting, structured) : reviewPrompt(setting, structured), user),
        schema: LINES_SCHEMA,
        ...(signal === undefined ? {} : { signal }),
        onText: (text) => progress(pass, Math.min(batch.length, linesSeen(text))),
      });
      return checkAnswer(answer.content, batch, setting.glossary);
    } catch (error) {
      const problem = batchProblem(error);
      if (problem === undefined) throw error;
      return { ok: false as const, problem, timedOut: error instanceof LlmTimeoutError };
    }
  }

  const span = (batch: readonly PromptLine[]) => `lines ${batch[0]!.n}–${batch.at(-1)!.n}`;

  async function translateBatch(batch: readonly PromptLine[]): Promise<void> {
    let problem = '';
    for (let attempt = 0; attempt <= options.maxRetries; attempt += 1) {
      const checked = await ask(batch, 0);
      if (checked.ok) {
        batch.forEach((line, index) => (texts[line.n - 1] = checked.texts[index]));
        overBudget += checked.overBudget.length;
        done += batch.length;
        progress(0, 0);
        return;
      }
      problem = checked.problem;
      log?.(`${span(batch)}: ${problem}`);
      // The client already retried the timeout; asking the same again would wait as long again.
      if ('timedOut' in checked && checked.timedOut) break;
    }
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      log?.(`${span(batch)}: halved`);
      await translateBatch(batch.slice(0, half));
      await translateBatch(batch.slice(half));
      return;
    }
    refused.set(batch[0]!.n - 1, problem);
    done += 1;
  }

  for (const batch of batches) await translateBatch(batch);

  const failed = [...refused.keys()].sort((a, b) => a - b);
  const fallbacks: LlmFallback[] = [];
  if (failed.length > 0) {
    const instead = await options.fallback.translate(failed);
    failed.forEach((line, index) => {
      texts[line] = instead[index] ?? '';
      fallbacks.push({ line, reason: refused.get(line)!, translator: options.fallback.name });
    });
    log?.(`${failed.length} line${failed.length === 1 ? '' : 's'} from the fallback translator (${options.fallback.name})`);
  }

  let reviewed = 0;
  if (options.review) {
    done = 0;
    const drafted = asked.filter((line) => !refused.has(line.n - 1));
    for (const batch of planBatches(drafted, { batchSize: options.batchSize, contextTokens: options.contextTokens, fixedTokens })) {
      const drafts = batch.map((line) => texts[line.n - 1]!);
      const checked = await ask(batch, 1, drafts);
      if (checked.ok) {
        batch.forEach((line, index) => {
          if (checked.texts[index] !== drafts[index]) reviewed += 1;
          texts[line.n - 1] = checked.texts[index];
        });
      } else {
        log?.(`review of ${span(batch)}: ${checked.problem}; the first pass stays`);
      }
      done += batch.length;
      progress(1, 0);
    }
  }
  options.onProgress?.(1);
  return { texts: texts.map((text) => text ?? ''), fallbacks, overBudget, reviewed, structured: client.structured };
}
