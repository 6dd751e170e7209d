import type { Glossary } from '@bollyx/names';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackLlmServer, type LlmFault, type LoopbackLlmServer, type LoopbackLlmServerOptions } from '../../../../../../tools/test-llm-server';
import { createLlmClient } from './llm-client';
import { llmTranslate, type LlmTranslateOptions } from './llm-translate';

const KEY = 'sk-loopback-never-logged-91c3';

const glossary: Glossary = {
  version: 1,
  film: { title: 'Dilwale Dulhania Le Jayenge', year: 1995, synopsis: 'Raj and Simran meet on a trip across Europe.' },
  entries: [
    { latin: 'Simran', devanagari: 'सिमरन', kind: 'character', translate: false, aliases: [], sources: ['tmdb'], note: 'played by Kajol' },
    { latin: 'Raj', devanagari: 'राज', kind: 'character', translate: false, aliases: [], sources: ['tmdb'] },
  ],
  notes: [],
};

/** Four lines of a scene, with the translations the loopback "model" gives them. */
const scene = [
  { text: 'सिमरन, रुको!', duration: 1.5 },
  { text: 'राज, तुम यहाँ क्या कर रहे हो?', duration: 2.5 },
  { text: 'मैं तुम्हें लेने आया हूँ।', duration: 2 },
  { text: 'बाबूजी नहीं मानेंगे।', duration: 2 },
];
const fixtures = {
  'सिमरन, रुको!': 'Simran, wait!',
  'राज, तुम यहाँ क्या कर रहे हो?': 'Raj, what are you doing here?',
  'मैं तुम्हें लेने आया हूँ।': "I've come to take you.",
  'बाबूजी नहीं मानेंगे।': "Babuji won't agree.",
};
const english = Object.values(fixtures);

let server: LoopbackLlmServer;
afterEach(async () => server?.close());

async function translate(faults: LlmFault[], options: Partial<LlmTranslateOptions> = {}, serverOptions: LoopbackLlmServerOptions = {}) {
  server = await startLoopbackLlmServer({ fixtures, faults, models: [{ id: 'qwen2.5:7b', created: 1_730_000_000, owned_by: 'library' }], ...serverOptions });
  const client = createLlmClient({ url: server.url, model: 'qwen2.5:7b', key: KEY, timeoutMs: 2000, maxRetries: 3, retryDelayMs: 10 });
  const fellBack: number[][] = [];
  const progress: number[] = [];
  const result = await llmTranslate(scene, {
    client,
    setting: { source: 'hi', target: 'en', style: { maxCharsPerLine: 42, maxLines: 2, maxCharsPerSecond: 17 }, glossary },
    batchSize: 4,
    contextTokens: 4096,
    contextLines: 8,
    maxRetries: 1,
    review: false,
    fallback: {
      name: 'whisper',
      translate: async (indices) => {
        fellBack.push([...indices]);
        return indices.map((index) => `whisper ${index}`);
      },
    },
    onProgress: (fraction) => progress.push(fraction),
    ...options,
  });
  return { result, client, fellBack, progress };
}

describe('llmTranslate against an OpenAI-compatible server', () => {
  it('sends the style limits, the synopsis, the glossary and the history, and takes the JSON answer', async () => {
    const { result, client, progress } = await translate([], { batchSize: 2 });
    expect(result).toMatchObject({ texts: english, fallbacks: [], structured: true });
    const [first, second] = server.chats().map((request) => request.body!);
    expect(first!.stream).toBe(true);
    expect(first!.stream_options).toEqual({ include_usage: true });
    expect(first!.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'subtitle_lines' } });
    const [system, user] = first!.messages.map((message) => message.content);
    expect(system).toContain('at most 2 lines of 42 characters (84 in all), read at 17 characters per second');
    expect(system).toContain('Synopsis: Raj and Simran meet on a trip across Europe.');
    expect(system).toContain('- सिमरन → Simran (character; played by Kajol)');
    expect(user).toBe('Translate:\n1. [≤42] सिमरन, रुको!\n2. [≤42] राज, तुम यहाँ क्या कर रहे हो?');
    // The second batch carries the first one's lines as history.
    expect(second!.messages[1]!.content).toContain('सिमरन, रुको! → Simran, wait!\nराज, तुम यहाँ क्या कर रहे हो? → Raj, what are you doing here?');
    expect(second!.messages[1]!.content).toContain('3. [≤42] मैं तुम्हें लेने आया हूँ।');
    // Usage as the server reported it in the streams' last chunks; progress from the streamed lines.
    expect(client.usage.requests).toBe(2);
    expect(client.usage.promptTokens).toBeGreaterThan(100);
    expect(client.usage.completionTokens).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect(progress.some((fraction) => fraction > 0 && fraction < 0.5)).toBe(true);
    expect(server.requests.every((request) => request.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('asks again after a dropped line', async () => {
    const { result } = await translate(['drop-line']);
    expect(result.texts).toEqual(english);
    expect(server.chats()).toHaveLength(2);
  });

  it('halves a batch refused every time (merged lines, bad JSON), then sends the lines it still cannot get to the fallback, recorded', async () => {
    // Batch of 4: merged, merged (maxRetries 1) → halves; 1–2: bad JSON twice → halves; 1 alone: bad JSON twice → fallback; then all fine.
    const { result, fellBack } = await translate(['merge-lines', 'merge-lines', 'bad-json', 'bad-json', 'bad-json', 'bad-json']);
    expect(fellBack).toEqual([[0]]);
    expect(result.texts).toEqual(['whisper 0', ...english.slice(1)]);
    expect(result.fallbacks).toEqual([{ line: 0, reason: 'the answer is not valid JSON', translator: 'whisper' }]);
    const asked = server.chats().map((request) => [...request.body!.messages[1]!.content.matchAll(/^(\d+)\./gm)].map((match) => Number(match[1])));
    expect(asked).toEqual([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2], [1, 2], [1], [1], [2], [3, 4]]);
  });

  it('waits out a 429 (Retry-After) and a 500, and asks again after a request that hangs past the timeout', async () => {
    const { result, client } = await translate(['429', '500', 'hang'], {}, {});
    expect(result.texts).toEqual(english);
    expect(server.chats()).toHaveLength(4);
    // Only the answered request counts.
    expect(client.usage.requests).toBe(1);
  });

  it('falls back to the numbered format when the server refuses response_format with a 400', async () => {
    const { result } = await translate([], {}, { refuseResponseFormat: true });
    expect(result).toMatchObject({ texts: english, structured: false });
    const [refused, numbered] = server.chats().map((request) => request.body!);
    expect(refused!.response_format).toBeDefined();
    expect(numbered!.response_format).toBeUndefined();
    expect(numbered!.messages[0]!.content).toContain('as "<number>. <subtitle>"');
  });

  it('reviews the first pass on request, keeping what the checks pass', async () => {
    const { result } = await translate([], { review: true });
    // The loopback reviewer drops the final full stops.
    expect(result.texts).toEqual(['Simran, wait!', 'Raj, what are you doing here?', "I've come to take you", "Babuji won't agree"]);
    expect(result.reviewed).toBe(2);
    expect(server.chats()[1]!.body!.messages[1]!.content).toContain("3. [≤42] मैं तुम्हें लेने आया हूँ।\n   draft: I've come to take you.");
  });

  it('stops at once when cancelled, even in a request that hangs', async () => {
    const controller = new AbortController();
    server = await startLoopbackLlmServer({ fixtures, faults: ['hang'] });
    const client = createLlmClient({ url: server.url, model: 'test-model', timeoutMs: 60_000, maxRetries: 2 });
    const asking = client.chat({ messages: [{ role: 'user', content: 'Translate:\n1. हाँ' }], signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 50);
    await expect(asking).rejects.toThrow('cancelled by the user');
  });

  it('names the status and the hint on a refused key, never the key', async () => {
    server = await startLoopbackLlmServer({ models: [{ id: 'other', created: 1, owned_by: 'me' }, { id: 'more', created: 2, owned_by: 'me' }] });
    const client = createLlmClient({ url: server.url, model: 'missing', key: KEY, timeoutMs: 2000, maxRetries: 0 });
    const failure = await client.chat({ messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'LLM_REQUEST_FAILED', details: { status: 404 } });
    expect(JSON.stringify(failure) + String(failure)).not.toContain(KEY);
    await expect(client.modelIdentity()).rejects.toMatchObject({ code: 'LLM_REQUEST_FAILED', message: expect.stringContaining('no model "missing" among other, more') });
  });

  it('reads the model identity from GET /models, and says when nothing listens', async () => {
    server = await startLoopbackLlmServer();
    expect(await createLlmClient({ url: `${server.url}/`, model: 'test-model', timeoutMs: 2000, maxRetries: 0 }).modelIdentity()).toEqual({
      id: 'test-model',
      created: 1_733_000_000,
      ownedBy: 'library',
    });
    const url = server.url;
    await server.close();
    await expect(createLlmClient({ url, model: 'test-model', timeoutMs: 2000, maxRetries: 1, retryDelayMs: 10 }).modelIdentity()).rejects.toMatchObject({
      code: 'LLM_UNREACHABLE',
    });
  });
});
