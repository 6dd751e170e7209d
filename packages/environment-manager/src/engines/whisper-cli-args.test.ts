import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { whisperCliArgs } from './whisper-cli-args';

const base = { model: '/models/ggml-tiny.bin', input: '/job/audio.wav', outputPrefix: '/job/asr/hi', threads: 4 };

describe('whisperCliArgs', () => {
  it('asks for full JSON and progress, with whisper’s decoding defaults', () => {
    expect(whisperCliArgs(base)).toEqual([
      '--model', '/models/ggml-tiny.bin',
      '--file', '/job/audio.wav',
      '--output-file', '/job/asr/hi',
      '--output-json-full',
      '--print-progress',
      '--threads', '4',
      '--language', 'auto',
      '--beam-size', '5',
      '--best-of', '5',
    ]);
  });

  it('passes greedy decoding without fallback, translation, context and the CPU fallback', () => {
    const args = whisperCliArgs({
      ...base,
      language: 'hi',
      beamSize: 1,
      bestOf: 1,
      noFallback: true,
      translate: true,
      maxContext: 0,
      useGpu: false,
    });
    expect(args.slice(10)).toEqual([
      '--language', 'hi',
      '--beam-size', '1',
      '--best-of', '1',
      '--no-fallback',
      '--translate',
      '--max-context', '0',
      '--no-gpu',
    ]);
  });

  it('keeps a file name that starts with a dash as the value of its option', () => {
    const args = whisperCliArgs({ ...base, input: '-weird name.wav' });
    expect(args[args.indexOf('--file') + 1]).toBe('-weird name.wav');
  });

  it('passes a prompt carried into every window, and refuses one that max-context 0 would drop', () => {
    const args = whisperCliArgs({ ...base, prompt: 'Names: Amar, Meghna.', carryInitialPrompt: true, maxContext: 9 });
    expect(args.slice(-5)).toEqual(['--max-context', '9', '--prompt', 'Names: Amar, Meghna.', '--carry-initial-prompt']);
    expect(() => whisperCliArgs({ ...base, prompt: 'Names: Amar.', maxContext: 0 })).toThrow(/max-context/);
  });

  it('rejects options whisper-cli would misread, naming them', () => {
    expect(() => whisperCliArgs({ ...base, threads: 0 })).toThrow(ZodError);
    expect(() => whisperCliArgs({ ...base, language: 'Hindi' })).toThrow(/language|ISO 639-1/);
  });
});
