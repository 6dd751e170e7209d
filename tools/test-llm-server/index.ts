import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the server does with one chat request: answer every line (`ok`), or fail as models and servers do
 * — leave a line out, fold two lines into one, write broken JSON, refuse with 429 (Retry-After 1) or 500,
 * or never answer.
 */
export type LlmFault = 'ok' | 'drop-line' | 'merge-lines' | 'bad-json' | '429' | '500' | 'hang';

export interface RecordedLlmRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The parsed JSON body of a POST. */
  body?: {
    model: string;
    messages: { role: string; content: string }[];
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
    response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
  };
}

export interface LoopbackLlmServerOptions {
  /** The models GET /v1/models lists (`created`, `owned_by` as OpenAI's list has them). Default one, `test-model`. */
  models?: { id: string; created: number; owned_by: string }[];
  /** The translations it knows, by source text; any other line is answered `EN(<n>) <source>`. */
  fixtures?: Record<string, string>;
  /** The fault of each chat request in turn; the ones after the list are `ok`. */
  faults?: LlmFault[];
  /** Lines the "model" always chokes on: a request that asks any of these numbers gets broken JSON. */
  failLines?: number[];
  /** Answer 400 to a request with `response_format`, as servers without structured output do. */
  refuseResponseFormat?: boolean;
}

export interface LoopbackLlmServer {
  /** The API base, ending in /v1. */
  url: string;
  /** Every request, in order. */
  requests: RecordedLlmRequest[];
  /** The chat requests among them. */
  chats(): RecordedLlmRequest[];
  /** The faults still to come, in order: push more for the next requests. */
  faults: LlmFault[];
  close(): Promise<void>;
}

/** The numbered lines of a request's last user message: `12. [≤42] text` (a review's `draft:` lines aside). */
function askedLines(content: string): { n: number; text: string }[] {
  return [...content.matchAll(/^(\d+)\. (?:\[≤\d+\] )?(.*)$/gm)].map((match) => ({ n: Number(match[1]), text: match[2]! }));
}

/** OpenAI's usage counts are the tokenizer's; a quarter of the characters stands in for it here. */
const tokens = (text: string) => Math.ceil([...text].length / 4);

/**
 * A loopback server speaking the OpenAI chat-completions protocol as Ollama, llama-server, LM Studio and
 * vLLM do: POST /v1/chat/completions, streamed (SSE `chat.completion.chunk`s, the usage in a last empty
 * chunk with `stream_options.include_usage`, then `[DONE]`) or not (`chat.completion`), with
 * `response_format: json_schema` answered as `{"lines":[{"n","text"}]}` and plain requests in the
 * numbered format; GET /v1/models. Answers from fixtures, fails on cue, records every request. For tests.
 */
export async function startLoopbackLlmServer(options: LoopbackLlmServerOptions = {}): Promise<LoopbackLlmServer> {
  const models = options.models ?? [{ id: 'test-model', created: 1_733_000_000, owned_by: 'library' }];
  const faults = [...(options.faults ?? [])];
  const requests: RecordedLlmRequest[] = [];
  const sockets = new Set<Socket>();
  let chatCount = 0;

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const error = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) =>
    json(response, status, { error: { message, type: status === 429 ? 'rate_limit_error' : 'server_error', param: null, code: null } }, headers);

  function answer(request: NonNullable<RecordedLlmRequest['body']>, fault: LlmFault): string {
    const user = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
    const review = user.startsWith('Review:');
    let lines = askedLines(user).map(({ n, text }) => ({
      n,
      text: review ? (options.fixtures?.[text] ?? `EN(${n}) ${text}`).replace(/\.$/, '') : (options.fixtures?.[text] ?? `EN(${n}) ${text}`),
    }));
    if (fault === 'drop-line') lines = lines.slice(0, -1);
    if (fault === 'merge-lines' && lines.length > 1) lines = [{ n: lines[0]!.n, text: `${lines[0]!.text} ${lines[1]!.text}` }, ...lines.slice(2)];
    const structured = request.response_format?.type === 'json_schema';
    if (fault === 'bad-json') return structured ? `{"lines":[{"n":${lines[0]?.n ?? 1},"text":"unterminated` : 'I cannot translate this.';
    return structured ? JSON.stringify({ lines }) : lines.map((line) => `${line.n}. ${line.text}`).join('\n');
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://loopback').pathname;
      const method = request.method ?? 'GET';
      const recorded: RecordedLlmRequest = { method, path, authorization: request.headers.authorization };
      requests.push(recorded);
      if (method === 'GET' && path === '/v1/models') {
        json(response, 200, { object: 'list', data: models.map((model) => ({ ...model, object: 'model' })) });
        return;
      }
      if (method !== 'POST' || path !== '/v1/chat/completions') {
        error(response, 404, `no route ${method} ${path}`);
        return;
      }
      let body: NonNullable<RecordedLlmRequest['body']>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        error(response, 400, 'the body is not JSON');
        return;
      }
      recorded.body = body;
      if (!models.some((model) => model.id === body.model)) {
        error(response, 404, `model "${body.model}" not found, try pulling it first`);
        return;
      }
      if (options.refuseResponseFormat && body.response_format !== undefined) {
        error(response, 400, "Invalid parameter: 'response_format' is not supported");
        return;
      }
      chatCount += 1;
      const asked = askedLines(body.messages.findLast((message) => message.role === 'user')?.content ?? '');
      const fault = asked.some((line) => options.failLines?.includes(line.n)) ? 'bad-json' : (faults.shift() ?? 'ok');
      if (fault === 'hang') return; // Never answers: the client's timeout must end it.
      if (fault === '429') return error(response, 429, 'Rate limit reached', { 'retry-after': '1' });
      if (fault === '500') return error(response, 500, 'llama runner process has terminated');
      const content = answer(body, fault);
      const usage = {
        prompt_tokens: body.messages.reduce((sum, message) => sum + tokens(message.content), 0),
        completion_tokens: tokens(content),
        total_tokens: 0,
      };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      const id = `chatcmpl-${chatCount}`;
      const created = Math.floor(Date.now() / 1000);
      if (!body.stream) {
        json(response, 200, {
          id,
          object: 'chat.completion',
          created,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage,
        });
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const withUsage = body.stream_options?.include_usage === true;
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
        response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices, ...(withUsage ? { usage: null } : {}), ...extra })}\n\n`);
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
      // A few pieces, cut anywhere, as tokens arrive.
      const size = Math.max(1, Math.ceil(content.length / 4));
      for (let at = 0; at < content.length; at += size) chunk([{ index: 0, delta: { content: content.slice(at, at + size) }, finish_reason: null }]);
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
      if (withUsage) chunk([], { usage });
      response.end('data: [DONE]\n\n');
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    faults,
    chats: () => requests.filter((request) => request.path === '/v1/chat/completions'),
    close: async () => {
      // A hung request holds its socket open: end them all so close() returns.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
