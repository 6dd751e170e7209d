import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JobConfigSchema } from '@bollyx/job-config';
import type { JobConfigInput } from '@bollyx/job-config';
import { GlossarySchema } from '@bollyx/names';
import { containerizeStages, inProcess, runPipeline, type StageContext, type StageDefinition } from '@bollyx/stage-runner';
import { pythonStandInsDir } from '../../../../tools/python-stand-ins';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { buildSubtitlePipeline } from './build-subtitle-pipeline';
import { LAYOUT } from './pipeline-layout';
import { pythonStageNeeds } from './python-backends';
import type { SubtitlePipelineOptions } from './subtitle-pipeline-options';

const tempDir = useTempDirs();
const runtime = (name: string) => ({ environment: { name, fingerprint: `${name}-fp` }, env: {}, model: `/cache/hub/models--x--${name}/snapshots/abc` });

const glossary = GlossarySchema.parse({
  version: 1,
  entries: [
    { latin: 'Shah Rukh Khan', devanagari: 'शाहरुख़ ख़ान', kind: 'person' },
    { latin: 'Meghna', devanagari: 'मेघना', kind: 'character' },
    { latin: 'Preeti', devanagari: 'प्रीति', kind: 'character' },
  ],
});

/** The header of a ggml model whose vocabulary is the 256 byte tokens: all whisper.cpp's tokenizer reads. */
async function byteVocabularyModel(dir: string): Promise<string> {
  const head = Buffer.alloc(4 + 4 * 11 + 8 + 4);
  head.writeUInt32LE(0x67676d6c, 0);
  head.writeInt32LE(256, 4 + 4 * 11 + 8); // n_mel = n_fft = 0, then n_vocab
  const tokens = Array.from({ length: 256 }, (_, byte) => Buffer.from([1, 0, 0, 0, byte]));
  const file = join(dir, 'ggml-bytes.bin');
  await writeFile(file, Buffer.concat([head, ...tokens]));
  return file;
}

const build = (config: JobConfigInput, extra: Partial<SubtitlePipelineOptions> = {}) =>
  buildSubtitlePipeline({
    config: JobConfigSchema.parse(config),
    mediaPath: '/jobs/1/media/Dil Se (1998).mp4',
    whisperCli: { binary: '/engines/whisper-cli', version: '1.9.1', backend: 'cpu' },
    asrModelPath: '/models/ggml-base.bin',
    vadModelPath: '/models/silero-vad-v5.onnx',
    threads: 4,
    ...extra,
  });
const byId = (stages: StageDefinition[]) => Object.fromEntries(stages.map((stage) => [stage.id, stage]));

function context(stage: StageDefinition, needs: StageContext['needs'], inputs: string[] = []): StageContext {
  return {
    stageId: stage.id,
    runId: 'r1',
    jobDir: '/jobs/1',
    params: stage.params ?? {},
    device: 'cpu',
    inputs,
    outputs: [],
    needs: { 'speech-audio': ['/jobs/1/audio/speech.wav', '/jobs/1/audio/speech-timeline.json'], ...needs },
    signal: new AbortController().signal,
    output: (declared) => `/jobs/1/${declared}.partial`,
    progress: () => undefined,
    log: () => undefined,
    metrics: () => undefined,
  } as StageContext;
}

describe('names in the pipeline', () => {
  it('prompts whisper-cli with the glossary (a need: an edit runs ASR again), sizing max-context to the prompt; no names, no prompt', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'names'));
    const glossaryFile = join(dir, 'names', 'glossary.json');
    await writeFile(glossaryFile, JSON.stringify(glossary));
    const model = await byteVocabularyModel(dir);
    const stages = byId(build({ sourceLanguage: 'hi', targetLanguages: ['en'] }));
    for (const [id, prompt] of [['asr', 'नाम: मेघना, प्रीति, शाहरुख़ ख़ान।'], ['translate', 'Names: Meghna, Preeti, Shah Rukh Khan.']] as const) {
      const stage = stages[id]!;
      expect(stage.needs).toContain('names');
      if (stage.run.kind !== 'binary') throw new Error('whisper.cpp runs as a binary stage');
      const args = stage.run.args(context(stage, { names: [glossaryFile, join(dir, 'names', 'glossary.state.json')] }, [model]));
      expect(args[args.indexOf('--prompt') + 1]).toBe(prompt);
      expect(args).toContain('--carry-initial-prompt');
      // Every token of this model is one byte: the prompt's tokens are its bytes, plus whisper's <|startofprev|>.
      expect(args[args.indexOf('--max-context') + 1]).toBe(String(Buffer.byteLength(prompt) + 1));
    }
    // In a container whisper-cli gets the container's paths; the prompt is still read from this machine's files.
    const [inImage] = containerizeStages([stages.asr!], { engine: 'docker', imageFor: () => ({ image: 'bollyx/asr-whispercpp:1', entry: ['/usr/local/bin/whisper-cli'] }), modelCacheDir: dir });
    if (inImage!.run.kind !== 'container') throw new Error('container');
    const host = context(inImage!, { names: [glossaryFile] }, [model]);
    const inner = { ...host, jobDir: '/job', inputs: ['/inputs/0/ggml-bytes.bin'], needs: { 'speech-audio': ['/job/audio/speech.wav'], names: ['/job/names/glossary.json'] } };
    expect(inImage!.run.command(inner, host)).toContain('नाम: मेघना, प्रीति, शाहरुख़ ख़ान।');
    const off = byId(build({ sourceLanguage: 'hi', names: { enabled: false } })).asr!;
    expect(off.needs).not.toContain('names');
    if (off.run.kind !== 'binary') throw new Error('binary');
    const args = off.run.args(context(off, {}, [model]));
    expect(args).not.toContain('--prompt');
    expect(args[args.indexOf('--max-context') + 1]).toBe('0');
  });

  it('prompts a Python ASR backend with the names in the request', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'names'));
    const glossaryFile = join(dir, 'names', 'glossary.json');
    await writeFile(glossaryFile, JSON.stringify(glossary));
    const asr = byId(build({ sourceLanguage: 'hi', asr: { backend: 'faster-whisper' } }, { python: { 'asr-faster-whisper': runtime('whisperx') } })).asr!;
    expect(asr.needs).toEqual(['speech-audio', 'names']);
    if (asr.run.kind !== 'python' || asr.run.request === undefined) throw new Error('python');
    expect(await asr.run.request(context(asr, { names: [glossaryFile] }))).toMatchObject({ task: 'transcribe', prompt: 'नाम: मेघना, प्रीति, शाहरुख़ ख़ान।' });
  });

  it('corrects names in the transcript and translation, with a corrections file per language, unless names.fix is off', () => {
    const on = byId(build({ sourceLanguage: 'hi', targetLanguages: ['en'], translation: { backend: 'nllb' } }, { python: { 'translate-nllb': runtime('indictrans2') } }));
    expect(on.transcript!.outputs).toEqual(['transcripts/hi.json', 'names/corrections.hi.json']);
    expect(on.translation!.outputs).toEqual(['transcripts/en.json', 'names/corrections.en.json']);
    expect(on['translate-en']!.needs).toEqual(['transcript', 'names']);
    const off = byId(build({ sourceLanguage: 'hi', targetLanguages: ['en'], names: { fix: false } }));
    expect(off.transcript!.outputs).toEqual(['transcripts/hi.json']);
    expect(off.transcript!.needs).not.toContain('names');
    expect(off.translation!.outputs).toEqual(['transcripts/en.json']);
  });

  it('gives a text translator the names as placeholders', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'names'));
    const glossaryFile = join(dir, 'names', 'glossary.json');
    await writeFile(glossaryFile, JSON.stringify(glossary));
    const transcriptFile = join(dir, 'hi.json');
    const words = (text: string, start: number) => text.split(' ').map((word, i) => ({ text: word, start: start + i, end: start + i + 1 }));
    await writeFile(transcriptFile, JSON.stringify({ language: 'hi', segments: [{ start: 0, end: 3, words: words('मेघना और प्रीति', 0) }] }));
    const stage = byId(build({ sourceLanguage: 'hi', targetLanguages: ['en'], translation: { backend: 'nllb' } }, { python: { 'translate-nllb': runtime('indictrans2') } }))['translate-en']!;
    if (stage.run.kind !== 'python' || stage.run.request === undefined) throw new Error('python');
    const request = (await stage.run.request(context(stage, { transcript: [transcriptFile], names: [glossaryFile] }))) as { texts: string[] };
    expect(request.texts).toEqual(['__N0__ और __N1__']);
  });

  it('proposes missing names with a named-entity model only when names.ner is on', () => {
    expect(build({ sourceLanguage: 'hi' }).map((stage) => stage.id)).not.toContain('ner');
    const ids = build({ sourceLanguage: 'hi', names: { ner: true } }, { python: { 'ner-transformers': runtime('indictrans2') } }).map((stage) => stage.id);
    expect(ids).toEqual(expect.arrayContaining(['ner', 'propose-names']));
    expect(pythonStageNeeds(JobConfigSchema.parse({ sourceLanguage: 'hi', names: { ner: true } }))).toContainEqual({ family: 'ner-transformers', models: ['ner-indic'] });
  });

  it('runs the named-entity model over the transcript and proposes what the glossary lacks', async () => {
    const jobDir = await tempDir();
    const words = (text: string) => text.split(' ').map((word, i) => ({ text: word, start: 10 + i, end: 11 + i }));
    const built = byId(build({ sourceLanguage: 'en', names: { ner: true } }, { python: { 'ner-transformers': { ...runtime('indictrans2'), env: { PYTHONPATH: pythonStandInsDir }, model: 'dslim/bert-base-NER' } } }));
    const written = (id: string, file: string, value: unknown): StageDefinition => ({ id, version: '1', outputs: [file], run: inProcess((ctx) => writeFile(ctx.output(file), JSON.stringify(value))) });
    const summary = await runPipeline(
      [
        written('names', LAYOUT.glossary, glossary),
        written('transcript', LAYOUT.transcript('en'), { language: 'en', segments: [{ start: 10, end: 14, words: words('Meghna met Amar in Haflong') }] }),
        built.ner!,
        built['propose-names']!,
      ],
      { jobDir, resolveInterpreter: () => Promise.resolve('python3') },
    );
    expect(summary.stages.map((stage) => stage.status)).toEqual(['ran', 'ran', 'ran', 'ran']);
    const proposed = GlossarySchema.parse(JSON.parse(await readFile(join(jobDir, LAYOUT.proposedNames), 'utf8')));
    expect(proposed.entries.map(({ latin, kind, sources, note }) => ({ latin, kind, sources, note }))).toEqual([
      { latin: 'Amar', kind: 'person', sources: ['ner'], note: 'heard 1 time, first at 0:00:10' },
      { latin: 'Haflong', kind: 'place', sources: ['ner'], note: 'heard 1 time, first at 0:00:10' },
    ]);
  });
});
