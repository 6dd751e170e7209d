import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobConfigSchema } from '@bollyx/job-config';
import { inProcess, readManifest, runPipeline, type PipelineEvent, type StageDefinition } from '@bollyx/stage-runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonStandInsDir } from '../../../../tools/python-stand-ins';
import { startLoopbackLlmServer, type LlmFault, type LoopbackLlmServer } from '../../../../tools/test-llm-server';
import { llmTextsSchema } from '../stages/translate/llm/llm-texts';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import { LAYOUT } from './pipeline-layout';
import { pipelineBackends, pythonStageNeeds } from './python-backends';
import { llmTranslationStages } from './llm-translation-stages';
import { subtitlePipelineOptionsSchema } from './subtitle-pipeline-options';

const KEY = 'sk-first-key-never-written-4b7d';
const OTHER_KEY = 'sk-second-key-never-written-a210';

let root: string;
let server: LoopbackLlmServer;

const word = (text: string, start: number, end: number) => ({ text, start, end });
const transcript = {
  language: 'hi',
  segments: [
    { start: 1, end: 2.5, words: [word('सिमरन,', 1, 1.6), word('रुको!', 1.7, 2.5)] },
    { start: 3, end: 5, words: [word('राज', 3, 3.4), word('यहाँ', 3.5, 4), word('है।', 4.1, 5)] },
    { start: 6, end: 7, words: [word('चलो।', 6, 7)] },
  ],
};
const glossary = {
  version: 1,
  film: { title: 'DDLJ', synopsis: 'Raj and Simran fall in love on a trip across Europe.' },
  entries: [
    { latin: 'Simran', devanagari: 'सिमरन', kind: 'character', translate: false, aliases: [], sources: ['tmdb'] },
    { latin: 'Raj', devanagari: 'राज', kind: 'character', translate: false, aliases: [], sources: ['tmdb'] },
  ],
  notes: [],
};
const fixtures = { 'सिमरन, रुको!': 'Simran, wait!', 'राज यहाँ है।': 'Raj is here.', 'चलो।': "Let's go." };

/** The stages the llm translator needs before it, as in-process stand-ins writing their files. */
const upstream: StageDefinition[] = [
  {
    id: 'transcript',
    version: '1',
    outputs: [LAYOUT.transcript('hi')],
    run: inProcess(async (ctx) => writeFile(ctx.output(LAYOUT.transcript('hi')), JSON.stringify(transcript))),
  },
  {
    id: 'names',
    version: '1',
    outputs: [LAYOUT.glossary],
    run: inProcess(async (ctx) => writeFile(ctx.output(LAYOUT.glossary), JSON.stringify(glossary))),
  },
];

function stages(llm: Record<string, unknown> = {}, created = 1_730_000_000) {
  const config = JobConfigSchema.parse({
    sourceLanguage: 'hi',
    targetLanguages: ['en'],
    translation: { backend: 'llm', llm: { url: server.url, model: 'qwen2.5:7b', ...llm } },
  });
  const options = subtitlePipelineOptionsSchema.parse({
    config,
    mediaPath: 'film.mp4',
    vadModelPath: 'vad.onnx',
    threads: 1,
    llmModel: { id: 'qwen2.5:7b', created, ownedBy: 'library' },
    // NLLB as the fallback: the real stage script, with the stand-in transformers (it reverses each text's words).
    python: { 'translate-nllb': { environment: { name: 'common', fingerprint: 'common-1' }, env: { PYTHONPATH: pythonStandInsDir }, model: 'facebook/nllb-200-distilled-600M' } },
  });
  return [...upstream, ...llmTranslationStages(options, ['en'], { python: pipelineBackends(config).textTranslator })];
}

async function run(jobDir: string, definitions: StageDefinition[], key: string) {
  process.env.BOLLYX_LLM_KEY = key;
  const events: PipelineEvent[] = [];
  const summary = await runPipeline(definitions, { jobDir, onEvent: (event) => events.push(event), resolveInterpreter: async () => 'python3' });
  return { statuses: Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status])), events };
}

/** Every file under `dir`, with its text. */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => ({ path: join(entry.parentPath, entry.name), text: await readFile(join(entry.parentPath, entry.name), 'utf8') })));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bollyx-llm-stages-'));
  // No secrets file of the machine's user is read.
  process.env.BOLLYX_CONFIG_DIR = join(root, 'config');
  server = await startLoopbackLlmServer({ fixtures, models: [{ id: 'qwen2.5:7b', created: 1_730_000_000, owned_by: 'library' }] });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
  delete process.env.BOLLYX_LLM_KEY;
  delete process.env.BOLLYX_CONFIG_DIR;
});

describe('a pipeline with --translator llm', () => {
  const config = (llm: Record<string, unknown> = {}, targetLanguages = ['en']) =>
    JobConfigSchema.parse({ sourceLanguage: 'hi', targetLanguages, names: { enabled: false }, translation: { backend: 'llm', llm } });
  const ids = (llm: Record<string, unknown> = {}) =>
    buildSubtitlePipeline({ config: config(llm), mediaPath: 'film.mp4', vadModelPath: 'vad.onnx', whisperCli: { binary: 'whisper-cli', version: '1', backend: 'cpu' }, asrModelPath: 'm.bin', threads: 1 }).map((stage) => stage.id);

  it('transcribes, then translates in-process with no Python; Whisper translates too only as the fallback', () => {
    expect(ids()).toEqual(expect.arrayContaining(['asr', 'transcript', 'translate-en', 'translation']));
    expect(ids()).not.toContain('translate');
    expect(pythonStageNeeds(config())).toEqual([]);
    expect(pipelineBackends(config())).toMatchObject({ llm: true, textTranslator: undefined, whisperCpp: true });
    expect(ids({ fallback: 'whisper' })).toEqual(expect.arrayContaining(['translate', 'translate-en']));
  });

  it('takes any target language, but only English with the whisper fallback', () => {
    expect(config({}, ['fr', 'en']).translation.backend).toBe('llm');
    expect(() => config({ fallback: 'whisper' }, ['fr'])).toThrow(/translation.llm.fallback to none/);
  });
});

describe('the llm translate stages', () => {
  const jobDir = () => join(root, 'job');

  it('translate with the glossary into texts spread on the timeline, with the tokens in the manifest; a re-run, even with another key, sends nothing', async () => {
    await mkdir(jobDir(), { recursive: true });
    const first = await run(jobDir(), stages(), KEY);
    expect(first.statuses).toEqual({ transcript: 'ran', names: 'ran', 'translate-en': 'ran', translation: 'ran' });
    const [request] = server.chats();
    expect(request!.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.body!.messages[0]!.content).toContain('Synopsis: Raj and Simran fall in love on a trip across Europe.');
    expect(request!.body!.messages[0]!.content).toContain('- सिमरन → Simran (character)');
    expect(request!.body!.messages[0]!.content).toContain('at most 2 lines of 42 characters');

    const texts = llmTextsSchema.parse(JSON.parse(await readFile(join(jobDir(), LAYOUT.translatedTexts('en')), 'utf8')));
    expect(texts).toMatchObject({ texts: ['Simran, wait!', 'Raj is here.', "Let's go."], model: 'qwen2.5:7b', fallbacks: [], structured: true });
    const english = JSON.parse(await readFile(join(jobDir(), LAYOUT.transcript('en')), 'utf8')) as { segments: { start: number; words: { text: string }[] }[] };
    expect(english.segments.map((segment) => [segment.start, segment.words.map((w) => w.text).join(' ')])).toEqual([[1, 'Simran, wait!'], [3, 'Raj is here.'], [6, "Let's go."]]);

    const manifest = (await readManifest(join(jobDir(), 'manifests', 'translate-en.json')))!;
    expect(manifest.metrics).toEqual({ llmRequests: 1, llmPromptTokens: texts.usage.promptTokens, llmCompletionTokens: texts.usage.completionTokens, llmFallbackLines: 0 });
    expect(manifest.metrics!.llmPromptTokens).toBeGreaterThan(0);
    expect(manifest.params).toMatchObject({ url: server.url, model: 'qwen2.5:7b', identity: { id: 'qwen2.5:7b', created: 1_730_000_000, ownedBy: 'library' } });

    const again = await run(jobDir(), stages(), OTHER_KEY);
    expect(again.statuses).toEqual({ transcript: 'cached', names: 'cached', 'translate-en': 'cached', translation: 'cached' });
    expect(server.chats()).toHaveLength(1);

    // Neither key is in any file of the job (manifests, logs, outputs) nor in any event.
    for (const file of await filesUnder(jobDir())) {
      expect(file.text, file.path).not.toContain(KEY);
      expect(file.text, file.path).not.toContain(OTHER_KEY);
    }
    expect(JSON.stringify([...first.events, ...again.events])).not.toMatch(/sk-(first|second)-key/);
  });

  it('translates again when the endpoint reports another build of the model under the same name', async () => {
    const rebuilt = await run(jobDir(), stages({}, 1_740_000_000), KEY);
    expect(rebuilt.statuses['translate-en']).toBe('ran');
    expect(server.chats()).toHaveLength(2);
  });

  it('keeps the source text of a line the model keeps failing on with fallback none, and records it', async () => {
    const faulty = await startLoopbackLlmServer({ fixtures, faults: Array<LlmFault>(3).fill('bad-json'), models: [{ id: 'qwen2.5:7b', created: 1_730_000_000, owned_by: 'library' }] });
    const saved = server;
    server = faulty;
    try {
      const dir = join(root, 'job-fallback');
      await mkdir(dir);
      const { statuses } = await run(dir, stages({ maxRetries: 0, fallback: 'none' }), KEY);
      expect(statuses['translate-en']).toBe('ran');
      const texts = llmTextsSchema.parse(JSON.parse(await readFile(join(dir, LAYOUT.translatedTexts('en')), 'utf8')));
      // 1–3 refused → halved; 1–2 refused → halved; 1 refused → fallback; 2 and 3 fine.
      expect(texts.texts).toEqual(['सिमरन, रुको!', 'Raj is here.', "Let's go."]);
      expect(texts.fallbacks).toEqual([{ line: 0, reason: 'the answer is not valid JSON', translator: 'none' }]);
      expect((await readManifest(join(dir, 'manifests', 'translate-en.json')))!.metrics).toMatchObject({ llmRequests: 5, llmFallbackLines: 1 });
      const log = await readFile(join(dir, 'logs', 'translate-en.log'), 'utf8');
      expect(log).toContain('lines 1–3: the answer is not valid JSON');
      expect(log).toContain('lines 1–3: halved');
      expect(log).toContain('1 line from the fallback translator (none)');

      // With NLLB as the fallback, its stage translates just that line, and the translation takes its text.
      const nllbDir = join(root, 'job-nllb');
      await mkdir(nllbDir);
      faulty.faults.push(...Array<LlmFault>(3).fill('bad-json'));
      const nllb = await run(nllbDir, stages({ maxRetries: 0, fallback: 'nllb' }), KEY);
      expect(nllb.statuses).toMatchObject({ 'translate-en': 'ran', 'translate-en-fallback': 'ran', translation: 'ran' });
      expect(JSON.parse(await readFile(join(nllbDir, 'transcripts/en.fallback.json'), 'utf8'))).toEqual({ language: 'en', texts: ['रुको! सिमरन,'] });
      const english = JSON.parse(await readFile(join(nllbDir, LAYOUT.transcript('en')), 'utf8')) as { segments: { words: { text: string }[] }[] };
      expect(english.segments.map((segment) => segment.words.map((w) => w.text).join(' '))).toEqual(['रुको! सिमरन,', 'Raj is here.', "Let's go."]);
    } finally {
      server = saved;
      await faulty.close();
    }
  });
});
