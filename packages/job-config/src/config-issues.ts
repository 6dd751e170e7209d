import type { z } from 'zod';
import type { ConfigSource } from './config-schema';
import type { ConfigIssue } from './errors';

/** `targetLanguages[1]`, `asr.model`: how users write a field. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const MAX_LISTED_VALUES = 12;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  string: 'text',
  array: 'a list',
  object: 'a mapping of fields',
};

/** What the field accepts, in words, from the zod issue about it. */
function allowedFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length <= MAX_LISTED_VALUES ? issue.values.map(String).join(' | ') : issue.message;
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'too_small':
      if (issue.origin === 'array') return `at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'non-empty text';
      return `a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `at most ${issue.maximum} items`;
      return `a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    default:
      return issue.message;
  }
}

/**
 * Readable issues from a failed parse: each names the field, the value found at it in `input`, what
 * the field allows and, through `sourceOf`, which layer set it.
 */
export function toConfigIssues(
  error: z.ZodError,
  input: unknown,
  sourceOf: (path: string) => ConfigSource | undefined = () => undefined,
): ConfigIssue[] {
  return error.issues.flatMap((issue): ConfigIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = formatPath([...issue.path, key]);
        return { path, value: valueAt(input, [...issue.path, key]), allowed: 'no such field', source: sourceOf(path) };
      });
    }
    const path = formatPath(issue.path);
    return [{ path, value: valueAt(input, issue.path), allowed: allowedFor(issue), source: sourceOf(path) }];
  });
}
