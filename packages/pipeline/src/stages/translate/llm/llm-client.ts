import { setTimeout as sleep } from 'node:timers/promises';
import { BollyxError } from '@bollyx/errors';
import { LlmRequestFailedError, LlmUnreachableError } from './llm-errors';

/** Where the model is, and how patiently to ask it. */
export interface LlmEndpoint {
  /** The OpenAI-compatible API base, ending in /v1. */
  url: string;
  model: string;
  /** Sent as a bearer token; never logged nor put in an error. */
  key?: string;
  /** Per request. */
  timeoutMs: number;
  /** Retries after a timeout, a 429 or a 5xx. */
  maxRetries: number;
  /** The first backoff after a 5xx or a timeout (doubled each retry), and after a 429 without Retry-After. Default 1000. */
  retryDelayMs?: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  /** The messages, or how to write them for a request with the schema (true) or without (the numbered format). */
  messages: ChatMessage[] | ((structured: boolean) => ChatMessage[]);
  /** The JSON schema the answer must follow (`response_format: json_schema`); dropped for good once the server refuses it with a 400. */
  schema?: { name: string; schema: Record<string, unknown> };
  signal?: AbortSignal;
  /** The answer so far, as it streams in. */
  onText?: (text: string) => void;
}

export interface ChatAnswer {
  content: string;
  /** Whether the request carried the JSON schema (else the prompt must ask for the numbered format). */
  structured: boolean;
}

/** Tokens and requests of a client's life, as the server reported them. */
export interface LlmUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** Answers that reported no usage (a server without stream_options.include_usage). */
  unreported: number;
}

/** The endpoint's record of the model (GET /models): part of the cache key, so another build of a model under the same name runs again. */
export interface ModelIdentity {
  id: string;
  created?: number;
  ownedBy?: string;
}

/** A request that took longer than timeoutMs, every time it was tried. */
export class LlmTimeoutError extends BollyxError {
  constructor(url: string, timeoutMs: number, tries: number) {
    super('LLM_TIMEOUT', `The language model endpoint ${url} did not answer within ${timeoutMs} ms (${tries} tries)`, {
      hint: 'Raise translation.llm.timeoutMs or lower translation.llm.batchSize; a local model on a CPU is slow',
      details: { url, timeoutMs, tries },
    });
  }
}

/** The base URL as it may be shown: no user name, password or query (they may hold a key). */
export const shownUrl = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname.replace(/\/$/, '')}`;
};

const endpointOf = (base: string, path: string) => `${base.replace(/\/$/, '')}/${path}`;

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The server's own short reason, from an OpenAI-style `{ error: { message } }` body or its text. */
async function reasonOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    if (message) return message.slice(0, 300);
  } catch {
    // Not JSON: the text itself.
  }
  return text.trim().slice(0, 300) || response.statusText;
}

interface StreamChunk {
  choices?: { delta?: { content?: string | null }; message?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

/** Reads an SSE body of chat-completion chunks (`data: {…}` lines, then `data: [DONE]`). */
async function readStream(body: ReadableStream<Uint8Array>, onText: ((text: string) => void) | undefined): Promise<{ content: string; usage: StreamChunk['usage'] }> {
  const decoder = new TextDecoder();
  let buffered = '';
  let content = '';
  let usage: StreamChunk['usage'];
  const take = (line: string) => {
    if (!line.startsWith('data:')) return;
    const data = line.slice(5).trim();
    if (data === '' || data === '[DONE]') return;
    const chunk = JSON.parse(data) as StreamChunk;
    if (chunk.error) throw new Error(chunk.error.message ?? 'error event in the stream');
    const piece = chunk.choices?.[0]?.delta?.content;
    if (piece) {
      content += piece;
      onText?.(content);
    }
    if (chunk.usage) usage = chunk.usage;
  };
  for await (const bytes of body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) take(line.trimEnd());
  }
  take(buffered.trim());
  return { content, usage };
}

/** A timeout of this request, told apart from the caller's cancellation. */
class RequestTimedOut extends Error {}

/**
 * An OpenAI-compatible chat-completions client (Ollama, llama.cpp's llama-server, LM Studio, vLLM, hosted
 * APIs): streamed answers (SSE) with progress, structured output by JSON schema where the server takes
 * it, retries with backoff after timeouts, 429 (honouring Retry-After) and 5xx, cancellation through the
 * AbortSignal, and the usage it reports summed up.
 */
export function createLlmClient(endpoint: LlmEndpoint) {
  const url = shownUrl(endpoint.url);
  const retryDelayMs = endpoint.retryDelayMs ?? 1000;
  const headers = { 'content-type': 'application/json', ...(endpoint.key ? { authorization: `Bearer ${endpoint.key}` } : {}) };
  const usage: LlmUsage = { requests: 0, promptTokens: 0, completionTokens: 0, unreported: 0 };
  let structured = true;

  /** One HTTP request with the request timeout; connection failures and timeouts retried with backoff. */
  async function send(path: string, init: RequestInit, signal: AbortSignal | undefined, read: (response: Response) => Promise<unknown>): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      signal?.throwIfAborted();
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new RequestTimedOut()), endpoint.timeoutMs);
      const both = signal === undefined ? timeout.signal : AbortSignal.any([signal, timeout.signal]);
      let wait: number;
      try {
        const response = await fetch(endpointOf(endpoint.url, path), { ...init, headers, signal: both });
        if (response.ok) return await read(response);
        if (response.status !== 429 && response.status < 500) throw new LlmRequestFailedError(url, response.status, await reasonOf(response));
        if (attempt >= endpoint.maxRetries) throw new LlmRequestFailedError(url, response.status, await reasonOf(response));
        await response.body?.cancel();
        wait = (response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : undefined) ?? retryDelayMs * 2 ** attempt;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (timeout.signal.aborted) {
          if (attempt >= endpoint.maxRetries) throw new LlmTimeoutError(url, endpoint.timeoutMs, attempt + 1);
        } else if (error instanceof TypeError && error.message === 'fetch failed') {
          // undici's connection failure: the reason is in the cause (ECONNREFUSED, ENOTFOUND, a TLS error).
          if (attempt >= endpoint.maxRetries) throw new LlmUnreachableError(url, String((error.cause as Error | undefined)?.message ?? error.message));
        } else {
          throw error;
        }
        wait = retryDelayMs * 2 ** attempt;
      } finally {
        clearTimeout(timer);
      }
      await sleep(wait, undefined, { signal });
    }
  }

  async function chat(request: ChatRequest): Promise<ChatAnswer> {
    const body = (withSchema: boolean) =>
      JSON.stringify({
        model: endpoint.model,
        messages: typeof request.messages === 'function' ? request.messages(withSchema) : request.messages,
        temperature: 0.2,
        stream: true,
        stream_options: { include_usage: true },
        ...(withSchema && request.schema ? { response_format: { type: 'json_schema', json_schema: { ...request.schema, strict: true } } } : {}),
      });
    const read = async (response: Response) => {
      if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
        // A server that ignores `stream` answers with one JSON body.
        const json = (await response.json()) as StreamChunk;
        return { content: json.choices?.[0]?.message?.content ?? '', usage: json.usage };
      }
      return readStream(response.body!, request.onText);
    };
    let answer: { content: string; usage: StreamChunk['usage'] };
    const withSchema = structured && request.schema !== undefined;
    try {
      answer = (await send('chat/completions', { method: 'POST', body: body(withSchema) }, request.signal, read)) as typeof answer;
    } catch (error) {
      // A server that does not take response_format says so with a 400: ask for the numbered format from then on.
      if (!(withSchema && error instanceof LlmRequestFailedError && (error.details as { status: number }).status === 400)) throw error;
      structured = false;
      return chat(request);
    }
    usage.requests += 1;
    if (answer.usage) {
      usage.promptTokens += answer.usage.prompt_tokens ?? 0;
      usage.completionTokens += answer.usage.completion_tokens ?? 0;
    } else {
      usage.unreported += 1;
    }
    return { content: answer.content, structured: withSchema };
  }

  /** The endpoint's entry for the model (GET /models); a server without the list, or serving one model under another name (llama-server), is taken at its word. */
  async function modelIdentity(signal?: AbortSignal): Promise<ModelIdentity> {
    let listed: { data?: { id: string; created?: number; owned_by?: string }[] };
    try {
      listed = (await send('models', { method: 'GET' }, signal, (response) => response.json())) as typeof listed;
    } catch (error) {
      if (error instanceof LlmRequestFailedError && (error.details as { status: number }).status === 404) return { id: endpoint.model };
      throw error;
    }
    const models = listed.data ?? [];
    const entry = models.find((model) => model.id === endpoint.model) ?? (models.length === 1 ? models[0] : undefined);
    if (entry === undefined) {
      throw new LlmRequestFailedError(url, 404, `no model "${endpoint.model}" among ${models.map((model) => model.id).join(', ') || 'none'}`);
    }
    return { id: entry.id, ...(entry.created === undefined ? {} : { created: entry.created }), ...(entry.owned_by === undefined ? {} : { ownedBy: entry.owned_by }) };
  }

  return {
    chat,
    modelIdentity,
    /** Whether the server still takes response_format. */
    get structured() {
      return structured;
    },
    usage,
  };
}

export type LlmClient = ReturnType<typeof createLlmClient>;
