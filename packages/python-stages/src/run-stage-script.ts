import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { pythonStandInsDir } from '../../../tools/python-stand-ins';
import { pythonStageScript, type PythonStageScriptName } from './python-scripts';
import { scriptEventSchema, type ScriptEvent } from './script-results';

export interface StageScriptRun {
  exitCode: number;
  /** Every stderr line, parsed: a line that is not a contract event fails the run. */
  events: ScriptEvent[];
  progress: number[];
  /** The parsed `output` file, when the script wrote one. */
  result: unknown;
  /** The files left in the run's folder, besides the request and the result. */
  strayFiles: string[];
}

export interface RunStageScriptOptions {
  /** The folder for the request and the result (`output` defaults to `<dir>/result.json`). */
  dir: string;
  /** Put the stand-in outside libraries on PYTHONPATH (default true). */
  standIns?: boolean;
  env?: Record<string, string>;
}

/** Test helper: runs a stage script with `python3 -u script --request file` in a clean environment. */
export async function runStageScript(
  name: PythonStageScriptName,
  request: Record<string, unknown>,
  options: RunStageScriptOptions,
): Promise<StageScriptRun> {
  const requestPath = join(options.dir, 'request.json');
  const output = typeof request.output === 'string' ? request.output : join(options.dir, 'result.json');
  await writeFile(requestPath, JSON.stringify({ output, ...request }));
  const run = await execa('python3', ['-u', pythonStageScript(name), '--request', requestPath], {
    reject: false,
    extendEnv: false,
    env: {
      PATH: process.env.PATH,
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONPATH: options.standIns === false ? '' : pythonStandInsDir,
      ...options.env,
    },
  });
  const events = run.stderr
    .split('\n')
    .filter((line) => line !== '')
    .map(parseEvent);
  const files = await readdir(options.dir);
  return {
    exitCode: run.exitCode ?? -1,
    events,
    progress: events.flatMap((event) => (event.event === 'progress' ? [event.fraction] : [])),
    result: files.includes('result.json') ? JSON.parse(await readFile(join(options.dir, 'result.json'), 'utf8')) : undefined,
    strayFiles: files.filter((file) => file !== 'request.json' && file !== 'result.json'),
  };
}

function parseEvent(line: string): ScriptEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`a stage script wrote a line that is not JSON to stderr: ${line}`);
  }
  const parsed = scriptEventSchema.safeParse(value);
  if (!parsed.success) throw new Error(`not a stage script event: ${line}`);
  return parsed.data;
}

/** The error event a failed run ended with. */
export function errorOf(run: StageScriptRun): Extract<ScriptEvent, { event: 'error' }> | undefined {
  const last = run.events.at(-1);
  return last?.event === 'error' ? last : undefined;
}
