import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { binary } from '../executors/binary';
import type { StageContext } from '../executors/executor';
import type { StageDefinition } from '../stage-definition';

/** What the generated stage script does, step by step (all optional). */
export interface ScriptBehaviour {
  /** Appends the stage id to this file: the proof that the stage really ran. */
  record?: string;
  /** Exits 1 with a CUDA out-of-memory message when run on this device. */
  deviceErrorOn?: string;
  /** Exits 2 with this message on stderr. */
  fail?: string;
  /** Creates this file, then waits (up to 20 s) until `await` exists: two stages that meet prove they overlapped. */
  touch?: string;
  await?: string;
  /** Writes 'half' to its first output, prints `ready` and waits until killed, while this file exists. */
  hangIfExists?: string;
  /** Writes 'SIGTERM' here when it receives one. */
  termFile?: string;
  /** Survives SIGTERM, so only SIGKILL ends it. */
  ignoreTerm?: boolean;
  /** Writes its pid here. */
  pidFile?: string;
  text?: string;
}

const SCRIPT = String.raw`
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
const spec = JSON.parse(process.argv[2]);
if (spec.record) appendFileSync(spec.record, spec.id + '\n');
if (spec.pidFile) writeFileSync(spec.pidFile, String(process.pid));
if (spec.deviceErrorOn && spec.deviceErrorOn === spec.device) {
  console.error('ggml_cuda_pool_malloc: CUDA error: out of memory');
  process.exit(1);
}
if (spec.fail) {
  console.error(spec.fail);
  process.exit(2);
}
if (spec.touch) writeFileSync(spec.touch, '');
if (spec.await) {
  const until = Date.now() + 20000;
  while (!existsSync(spec.await)) {
    if (Date.now() > until) {
      console.error('never saw ' + spec.await);
      process.exit(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
console.log('progress 0.5 halfway');
if (spec.hangIfExists && existsSync(spec.hangIfExists)) {
  if (spec.outputs[0]) writeFileSync(spec.outputs[0], 'half');
  process.on('SIGTERM', () => {
    if (spec.termFile) writeFileSync(spec.termFile, 'SIGTERM');
    if (!spec.ignoreTerm) process.exit(143);
  });
  console.log('ready');
  setInterval(() => undefined, 1000);
} else {
  const text = (spec.text ?? '') + spec.inputs.map((path) => readFileSync(path, 'utf8')).join('');
  for (const output of spec.outputs) writeFileSync(output, text);
  console.log('progress 1 done');
}
`;

/** Writes the stage script into `dir`; returns its path. */
export async function writeStageScript(dir: string): Promise<string> {
  const path = join(dir, 'stage-script.mjs');
  await writeFile(path, SCRIPT);
  return path;
}

const PROGRESS_LINE = /^progress (\S+) (.*)$/;

/**
 * A binary stage running the script with `node`: it writes `text`, then the content of its inputs and of
 * its needed stages' outputs, into each of its outputs.
 */
export function scriptStage(
  script: string,
  definition: Omit<StageDefinition, 'run' | 'version'> & { version?: string },
  behaviour: ScriptBehaviour | ((ctx: StageContext) => ScriptBehaviour) = {},
): StageDefinition {
  return {
    version: '1',
    ...definition,
    run: binary({
      command: process.execPath,
      args: (ctx) => [
        script,
        JSON.stringify({
          ...(typeof behaviour === 'function' ? behaviour(ctx) : behaviour),
          id: ctx.stageId,
          device: ctx.device,
          outputs: ctx.outputs,
          inputs: [...ctx.inputs, ...Object.values(ctx.needs).flat()],
        }),
      ],
      parseProgress: (line) => {
        const match = PROGRESS_LINE.exec(line);
        return match ? { fraction: Number(match[1]), message: match[2] } : undefined;
      },
    }),
  };
}
