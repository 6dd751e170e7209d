import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EnvironmentSpec, EnvironmentVariant } from './environment-spec';

/**
 * What shapes an installed environment, for one variant: the Python range, the requirement lines
 * (the spec's and the variant's), the variant's index and the probes. The description, the platforms and
 * the families served do not: changing them never makes an environment stale.
 */
export const EnvironmentInputsSchema = z.object({
  python: z.string(),
  requirements: z.array(z.string()),
  indexUrl: z.string().optional(),
  probes: z.array(z.string()),
});
export type EnvironmentInputs = z.infer<typeof EnvironmentInputsSchema>;

export function environmentInputs(spec: EnvironmentSpec, variant: EnvironmentVariant): EnvironmentInputs {
  const chosen = spec.variants?.[variant];
  return {
    python: spec.python,
    requirements: [...spec.requirements, ...(chosen?.requirements ?? [])],
    ...(chosen?.indexUrl === undefined ? {} : { indexUrl: chosen.indexUrl }),
    probes: spec.probes,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The spec hash: order-independent (reordered lines install the same thing). */
export function inputsHash(inputs: EnvironmentInputs): string {
  return sha256(
    JSON.stringify([inputs.python, [...inputs.requirements].sort(), inputs.indexUrl ?? null, [...inputs.probes].sort()]),
  );
}

/** The fingerprint stored in the environment: spec hash, Python version, platform and variant. */
export function environmentFingerprint(facts: { specHash: string; pythonVersion: string; platform: string; variant: EnvironmentVariant }): string {
  return sha256(JSON.stringify([facts.specHash, facts.pythonVersion, facts.platform, facts.variant]));
}

const requirementName = (line: string) => line.split(/[[=;\s]/, 1)[0]!.toLowerCase().replace(/[-_.]+/g, '-');

function describeRequirementChanges(before: readonly string[], after: readonly string[]): string[] {
  const old = new Map(before.map((line) => [requirementName(line), line.trim()]));
  const current = new Map(after.map((line) => [requirementName(line), line.trim()]));
  const changes: string[] = [];
  for (const [name, line] of current) {
    const previous = old.get(name);
    if (previous === undefined) changes.push(`requirement ${line} added`);
    else if (previous !== line) changes.push(`requirement ${previous} is now ${line}`);
  }
  for (const [name, line] of old) if (!current.has(name)) changes.push(`requirement ${line} removed`);
  return changes;
}

/** What differs between the inputs an environment was built from and the spec's now, in words. */
export function describeInputChanges(before: EnvironmentInputs, after: EnvironmentInputs): string {
  const changes: string[] = [];
  if (before.python !== after.python) changes.push(`Python range ${before.python} is now ${after.python}`);
  changes.push(...describeRequirementChanges(before.requirements, after.requirements));
  if ((before.indexUrl ?? '') !== (after.indexUrl ?? '')) changes.push(`index ${before.indexUrl ?? 'PyPI only'} is now ${after.indexUrl ?? 'PyPI only'}`);
  const added = after.probes.filter((probe) => !before.probes.includes(probe));
  const removed = before.probes.filter((probe) => !after.probes.includes(probe));
  if (added.length > 0) changes.push(`probe ${added.join(', ')} added`);
  if (removed.length > 0) changes.push(`probe ${removed.join(', ')} removed`);
  return changes.length > 0 ? `the spec changed: ${changes.join('; ')}` : 'the spec changed';
}
