import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { deviceSchema } from './device';
import type { Executor } from './executors/executor';

const EXECUTOR_KINDS = new Set<string>(['in-process', 'binary', 'python', 'container']);

const stageIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'a stage id is letters, digits, - and _ (it names the stage log and manifest files)');

const declaredOutputSchema = z
  .string()
  .min(1)
  .refine((path) => !isAbsolute(path) && !path.split(/[\\/]/).includes('..'), 'an output is a path inside the job folder');

const stageParamsSchema = z.record(z.string(), z.json());
export type StageParams = z.infer<typeof stageParamsSchema>;

/** A stage: what it needs, what it reads and writes, how it runs. Everything but `run` is data. */
export const stageDefinitionSchema = z.object({
  id: stageIdSchema,
  /** Bump it when the stage's code changes what it writes: a new version runs again. */
  version: z.string().min(1),
  needs: z.array(stageIdSchema).default([]),
  /** JSON values that shape the output; part of the cache key. */
  params: stageParamsSchema.default({}),
  /** Files the stage reads from outside the pipeline, absolute or relative to the job folder; hashed into the key. */
  inputs: z.array(z.string().min(1)).default([]),
  /** Files the stage writes, relative to the job folder. */
  outputs: z.array(declaredOutputSchema).default([]),
  /** The device tried first, then each fallback in turn after a device error. */
  device: z
    .object({ preferred: deviceSchema, fallback: z.array(deviceSchema).default([]) })
    .default({ preferred: 'cpu', fallback: [] }),
  /** The runtime the stage runs in; its fingerprint is part of the key. Python stages need one. */
  environment: z.object({ name: z.string().min(1), fingerprint: z.string().min(1) }).optional(),
  /** Per attempt. */
  timeoutMs: z.number().int().positive().optional(),
  /** What does the work (e.g. `whisper.cpp`, `onnxruntime`), for the manifest; defaults to the executor kind. */
  backend: z.string().min(1).optional(),
  /** Versions of the tools the stage uses, for the manifest (Node's own is added). */
  toolVersions: z.record(z.string(), z.string()).default({}),
  run: z.custom<Executor>(
    (value) => typeof value === 'object' && value !== null && EXECUTOR_KINDS.has((value as { kind?: unknown }).kind as string),
    'run must be an executor: inProcess(…), binary(…), python(…) or container(…)',
  ),
});

/** A stage as written by its author (defaults not yet applied). */
export type StageDefinition = z.input<typeof stageDefinitionSchema>;
/** A stage after validation, with defaults applied. */
export type Stage = z.output<typeof stageDefinitionSchema>;
