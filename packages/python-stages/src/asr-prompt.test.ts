import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { scriptCases, useTonesClip } from './script-cases';

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const PROMPT = 'नाम: अमर, मेघना, शाहरुख़ ख़ान।';

/** Runs an ASR script with the prompt; the calls its stand-in library recorded. */
async function calls(name: 'asr_faster_whisper' | 'asr_whisperx' | 'asr_mlx', prompt: string | null): Promise<unknown[]> {
  const dir = await tempDir();
  const file = join(dir, 'calls.jsonl');
  const request = { ...scriptCases.find((script) => script.name === name)!.request(tonesClip()), prompt };
  const run = await runStageScript(name, request, { dir, env: { BOLLYX_STANDIN_CALLS: file } });
  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  return (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as unknown);
}

it('gives faster-whisper the names as hotwords (before every window), WhisperX and mlx-whisper as initial_prompt', async () => {
  expect(await calls('asr_faster_whisper', PROMPT)).toEqual([{ call: 'faster_whisper.WhisperModel.transcribe', initial_prompt: null, hotwords: PROMPT }]);
  expect(await calls('asr_whisperx', PROMPT)).toEqual([{ call: 'whisperx.FasterWhisperPipeline.transcribe', initial_prompt: PROMPT, hotwords: null }]);
  expect(await calls('asr_mlx', PROMPT)).toEqual([{ call: 'mlx_whisper.transcribe', initial_prompt: PROMPT }]);
});

it('passes no prompt when the request has none', async () => {
  expect(await calls('asr_faster_whisper', null)).toEqual([{ call: 'faster_whisper.WhisperModel.transcribe', initial_prompt: null, hotwords: null }]);
});
