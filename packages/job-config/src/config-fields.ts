import type { z } from 'zod';
import { JobConfigSchema } from './config-schema';

/** How a field's text (an environment variable, a flag) becomes its value before validation. */
type ConfigFieldKind = 'text' | 'number' | 'boolean' | 'list';

interface ConfigField {
  /** Dotted path in the config, e.g. `asr.model`. */
  path: string;
  /** The environment variable that sets it, e.g. `BOLLYX_ASR_MODEL`. */
  env: string;
  kind: ConfigFieldKind;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch']);

/** The schema under defaults, optionals and transforms: what decides a value's kind. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

function kindOf(schema: z.core.$ZodType): ConfigFieldKind {
  switch (schema._zod.def.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'list';
    default:
      // Enums, strings and unions (timecodes) take the text as it is; the schema parses it.
      return 'text';
  }
}

const envSegment = (segment: string) => segment.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

function collectFields(schema: z.core.$ZodType, prefix: string[], fields: ConfigField[]): ConfigField[] {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
  if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) collectFields(child, [...prefix, key], fields);
  } else {
    fields.push({ path: prefix.join('.'), env: `BOLLYX_${prefix.map(envSegment).join('_')}`, kind: kindOf(inner) });
  }
  return fields;
}

/**
 * Every settable field of a job config with its environment variable, derived from the schema so the
 * two cannot drift: `asr.model` is `BOLLYX_ASR_MODEL`, `vad.minSpeechMs` is `BOLLYX_VAD_MIN_SPEECH_MS`.
 */
export const CONFIG_FIELDS: readonly ConfigField[] = collectFields(JobConfigSchema, [], []);

export const CONFIG_FIELDS_BY_PATH: ReadonlyMap<string, ConfigField> = new Map(CONFIG_FIELDS.map((field) => [field.path, field]));

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true, false: false, yes: true, no: false, on: true, off: false, '1': true, '0': false,
};

/**
 * A field's value from text. Text that does not read as the field's kind is returned unchanged, so the
 * schema rejects it with the value the user wrote.
 */
export function fieldValueFromText(kind: ConfigFieldKind, text: string): unknown {
  const trimmed = text.trim();
  switch (kind) {
    case 'number': {
      const value = Number(trimmed);
      return trimmed !== '' && Number.isFinite(value) ? value : text;
    }
    case 'boolean':
      return BOOLEAN_WORDS[trimmed.toLowerCase()] ?? text;
    case 'list':
      return trimmed.split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'text':
      return trimmed;
  }
}
