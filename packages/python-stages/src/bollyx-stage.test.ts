import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { pythonStageScript, pythonStageScriptNames } from './python-scripts';
import { errorOf, runStageScript } from './run-stage-script';
import { scriptCases, useTonesClip } from './script-cases';

// bollyx_stage.py, the contract module: its request checks through one script, its word timing and
// batching called directly in python3 (the edges the stand-ins do not reach).

const pythonDir = dirname(pythonStageScript('asr_faster_whisper'));

const tempDir = useTempDirs();
const tonesClip = useTonesClip();

it('refuses a request it cannot read, naming the field and what it must be (exit 2)', async () => {
  const valid = scriptCases.find((script) => script.name === 'asr_faster_whisper')!.request(tonesClip());
  const notWav = join(await tempDir(), 'notes.wav');
  await writeFile(notWav, 'not audio');
  const bad: Array<[Record<string, unknown>, string]> = [
    [{ device: 'tpu' }, '`device` must be one of cpu, cuda, metal, not "tpu"'],
    [{ model: 'base' }, '`model` must be a Hugging Face repo id (org/name) or an absolute folder, not "base"'],
    [{ output: 'result.json' }, '`output` must be an absolute path, not "result.json"'],
    [{ output: '/no/such/folder/result.json' }, 'the folder of `output` does not exist: /no/such/folder'],
    [{ threads: true }, '`threads` must be an integer of at least 1, not true'],
    [{ language: 'hindi' }, '`language` must be an ISO 639-1 code such as hi or en, not "hindi"'],
    [{ audio: notWav }, `\`audio\` is not a PCM WAV file (file does not start with RIFF id): ${notWav}`],
  ];
  for (const [fields, message] of bad) {
    const run = await runStageScript('asr_faster_whisper', { ...valid, ...fields }, { dir: await tempDir() });
    expect(run.exitCode, message).toBe(2);
    expect(errorOf(run)).toEqual({ event: 'error', code: 'BAD_REQUEST', message });
  }
});

it('refuses a request file that is not a JSON object, or none (exit 2)', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'broken.json'), '{"device": ');
  await writeFile(join(dir, 'list.json'), '[]');
  const script = pythonStageScript('asr_faster_whisper');
  const cases: Array<[string[], RegExp]> = [
    [['--request', join(dir, 'broken.json')], /^the request .*broken\.json is not JSON: /],
    [['--request', join(dir, 'list.json')], /^the request .*list\.json must be a JSON object$/],
    [['--request', join(dir, 'none.json')], /^cannot read the request .*none\.json: No such file or directory$/],
    [[], /^the following arguments are required: --request \(usage: .* --request REQUEST\.json\)$/],
  ];
  for (const [args, message] of cases) {
    const run = await execa('python3', ['-u', script, ...args], { reject: false, extendEnv: false, env: { PATH: process.env.PATH, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(run.exitCode).toBe(2);
    const error = JSON.parse(run.stderr) as { code: string; message: string };
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
  }
});

async function python(code: string): Promise<unknown> {
  const { stdout } = await execa('python3', ['-c', `import json, bollyx_stage as stage\n${code}`], {
    extendEnv: false,
    env: { PATH: process.env.PATH, PYTHONPATH: pythonDir, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return JSON.parse(stdout);
}

it("strips Whisper's leading spaces and drops empty words", async () => {
  const segment = await python(
    'print(json.dumps(stage.heard_segment(" hello  world ", 1, 2, [(" hello", 1.0, 1.4), ("  ", 1.4, 1.5), (" world", 1.5, 2.0)])))',
  );

  expect(segment).toEqual({
    start: 1,
    end: 2,
    text: 'hello world',
    words: [{ text: 'hello', start: 1, end: 1.4 }, { text: 'world', start: 1.5, end: 2 }],
  });
});

it('shares the gap between timed neighbours among untimed words, by length', async () => {
  const words = await python(
    'print(json.dumps([stage.heard_segment("a 12 3456 b", 0, 4, [("a", 0, 1), ("12", None, None), ("3456", None, None), ("b", 3.5, 4)])["words"],' +
      ' stage.heard_segment("a 7", 0, 3, [("a", 0, 1), ("7", None, None)])["words"]]))',
  );

  expect(words).toEqual([
    [
      { text: 'a', start: 0, end: 1 },
      { text: '12', start: 1, end: 1.833 },
      { text: '3456', start: 1.833, end: 3.5 },
      { text: 'b', start: 3.5, end: 4 },
    ],
    [
      { text: 'a', start: 0, end: 1 },
      { text: '7', start: 1, end: 3 },
    ],
  ]);
});

it('spreads a segment without words over its time by visible length: Devanagari vowel signs take none', async () => {
  // नमस्ते: न म स त (4) and two combining signs; दुनिया: द न य (3) and three signs.
  const segment = await python('print(json.dumps(stage.heard_segment("नमस्ते दुनिया", 0, 1.4, [])))');

  expect(segment).toEqual({
    start: 0,
    end: 1.4,
    text: 'नमस्ते दुनिया',
    words: [{ text: 'नमस्ते', start: 0, end: 0.8 }, { text: 'दुनिया', start: 0.8, end: 1.4 }],
  });
});

it('drops a segment in which nothing was heard', async () => {
  expect(await python('print(json.dumps(stage.heard_segment("  ", 0, 1, [])))')).toBeNull();
});

it('fails a translation batch whose count the model changed, rather than shifting every later text', async () => {
  const failure = await python(
    'try:\n  stage.translate_in_batches(["a", "b"], 2, lambda batch: ["ab"], stage.Progress())\n' +
      'except stage.StageError as error:\n  print(json.dumps([error.code, error.message]))',
  );

  expect(failure).toEqual(['FAILED', 'the translator returned 1 texts for a batch of 2']);
});

it('keeps to the Python 3.9 grammar in every script and stand-in', async () => {
  const { stdout } = await execa('python3', [
    '-c',
    'import ast, pathlib, sys\n' +
      'paths = [p for root in sys.argv[1:] for p in sorted(pathlib.Path(root).rglob("*.py"))]\n' +
      'for path in paths: ast.parse(path.read_text(encoding="utf-8"), str(path), feature_version=(3, 9))\n' +
      'print(len(paths))',
    pythonDir,
  ]);

  // The scripts, bollyx_stage.py and the stand-ins, all parsed.
  expect(Number(stdout)).toBeGreaterThan(pythonStageScriptNames.length + 1);
});
