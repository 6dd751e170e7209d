import type { Recommendation } from '@bollyx/hardware-detection';
import { CONFIG_FIELDS, CONFIG_FIELDS_BY_PATH, fieldValueFromText } from './config-fields';
import { toConfigIssues } from './config-issues';
import { JobConfigSchema, type ConfigSource, type JobConfig, type Provenance } from './config-schema';
import { ConfigInvalidError, type ConfigIssue } from './errors';

/** A config file's parsed content and where it was read from (see `loadConfigFile`). */
export interface ConfigFileLayer {
  path: string;
  data: unknown;
}

/** The layers of a job config, lowest first: defaults < recommendation < file < flags < env. */
export interface ConfigSources {
  /** From `recommend(await detectHardware())` of `@bollyx/hardware-detection`. */
  recommendation?: Recommendation;
  file?: ConfigFileLayer;
  /** Values by dotted field path (`{ 'asr.model': 'small', targetLanguages: 'en,hi' }`); text is read as the field's kind. */
  flags?: Readonly<Record<string, unknown>>;
  /** An environment (usually `process.env`): its `BOLLYX_*` variables named in `CONFIG_FIELDS` are read. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ResolvedConfig {
  config: JobConfig;
  provenance: Provenance;
}

interface Assignment {
  path: string;
  value: unknown;
  source: ConfigSource;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The leaves of a nested object as dotted paths; lists are leaves. */
function leaves(value: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  return Object.entries(value).flatMap(([key, child]): Array<[string, unknown]> => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return isPlainObject(child) ? leaves(child, path) : [[path, child]];
  });
}

function recommendationAssignments(recommendation: Recommendation): Assignment[] {
  const source = 'recommendation';
  return [
    { path: 'asr.model', value: recommendation.whisperModel.value, source },
    { path: 'asr.computeType', value: recommendation.computeType.value, source },
    { path: 'asr.threads', value: recommendation.threads.value, source },
    { path: 'asr.batchSize', value: recommendation.batchSize.value, source },
    { path: 'asr.device', value: recommendation.stages.asr.device, source },
    { path: 'vad.device', value: recommendation.stages.vad.device, source },
    { path: 'translation.device', value: recommendation.stages.translation.device, source },
    // The precision the recommendation found this machine's GPU good for; the script adapts it to the device it runs on.
    { path: 'translation.computeType', value: recommendation.computeType.value, source },
    { path: 'translation.threads', value: recommendation.threads.value, source },
    { path: 'diarization.device', value: recommendation.stages.diarization.device, source },
    { path: 'diarization.threads', value: recommendation.threads.value, source },
  ];
}

/** What a path that is not a field could have been: the fields of the group it names, or its siblings. */
function allowedInstead(path: string): string {
  const children = CONFIG_FIELDS.filter((field) => field.path.startsWith(`${path}.`)).map((field) => field.path);
  if (children.length > 0) return `a mapping of ${children.join(', ')}`;
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.') + 1) : '';
  const siblings = new Set(
    CONFIG_FIELDS.filter((field) => field.path.startsWith(parent)).map((field) => field.path.slice(parent.length).split('.')[0]),
  );
  return `no such field; the fields ${parent === '' ? 'at the top' : `under ${parent.slice(0, -1)}`} are ${[...siblings].join(', ')}`;
}

function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const child = node[segment];
    node = isPlainObject(child) ? child : (node[segment] = {});
  }
  node[segments[segments.length - 1]!] = value;
}

/** The source of a field, or of the list or group an element path such as `targetLanguages[1]` sits in. */
function sourceLookup(provenance: Provenance): (path: string) => ConfigSource | undefined {
  return (path) => {
    for (let current = path; current !== ''; current = current.replace(/(\[\d+\]|\.?[^.[]+)$/, '')) {
      const source = provenance[current];
      if (source !== undefined) return source;
    }
    return undefined;
  };
}

/**
 * The job config from its layers, each field with the layer that set it. Pure: reads no files and no
 * process state, so callers pass the recommendation, the parsed config file, the flags and the env.
 * Throws ConfigInvalidError naming every bad field, its value, what it allows and where it came from.
 */
export function resolveConfig(sources: ConfigSources = {}): ResolvedConfig {
  const assignments: Assignment[] = [];
  const issues: ConfigIssue[] = [];

  if (sources.recommendation) assignments.push(...recommendationAssignments(sources.recommendation));

  if (sources.file) {
    const source: ConfigSource = `file:${sources.file.path}`;
    const { data } = sources.file;
    if (isPlainObject(data)) {
      for (const [path, value] of leaves(data)) {
        // An empty YAML value (`clip:`) sets nothing.
        if (value === null) continue;
        if (CONFIG_FIELDS_BY_PATH.has(path)) assignments.push({ path, value, source });
        else issues.push({ path, value, allowed: allowedInstead(path), source });
      }
    } else if (data !== null && data !== undefined) {
      issues.push({ path: '(the whole file)', value: data, allowed: 'a mapping of config fields', source });
    }
  }

  for (const [path, raw] of Object.entries(sources.flags ?? {})) {
    if (raw === undefined) continue;
    const field = CONFIG_FIELDS_BY_PATH.get(path);
    if (!field) issues.push({ path, value: raw, allowed: allowedInstead(path), source: 'flag' });
    else assignments.push({ path, value: typeof raw === 'string' ? fieldValueFromText(field.kind, raw) : raw, source: 'flag' });
  }

  for (const field of CONFIG_FIELDS) {
    const raw = sources.env?.[field.env];
    if (raw !== undefined && raw !== '') {
      assignments.push({ path: field.path, value: fieldValueFromText(field.kind, raw), source: `env:${field.env}` });
    }
  }

  const input: Record<string, unknown> = {};
  const layered: Record<string, ConfigSource> = {};
  for (const { path, value, source } of assignments) {
    setIn(input, path, value);
    layered[path] = source;
  }

  const parsed = JobConfigSchema.safeParse(input);
  if (!parsed.success) issues.push(...toConfigIssues(parsed.error, input, sourceLookup(layered)));
  if (issues.length > 0 || !parsed.success) throw new ConfigInvalidError(issues);

  // In field order, so explanations read like the schema; unset optional fields have no source.
  const resolved = new Map(leaves(parsed.data));
  const provenance: Provenance = {};
  for (const { path } of CONFIG_FIELDS) {
    if (resolved.get(path) !== undefined) provenance[path] = layered[path] ?? 'default';
  }
  return { config: parsed.data, provenance };
}
