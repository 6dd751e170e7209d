import type { EnvironmentSpec, EnvironmentVariant } from '@bollyx/environment-manager';
import { requirementName } from './size-estimates';

/** torch builds differ per accelerator: they never go into the shared Python base. */
const ACCELERATOR_BOUND = new Set(['torch', 'torchaudio', 'torchvision']);

/** The requirement lines (same pin) that at least two environments install, without torch: base-ml holds them once. */
export function sharedRequirements(specs: readonly EnvironmentSpec[]): string[] {
  const counts = new Map<string, number>();
  for (const spec of specs) {
    for (const requirement of new Set(spec.requirements.map((line) => line.trim()))) counts.set(requirement, (counts.get(requirement) ?? 0) + 1);
  }
  return [...counts]
    .filter(([requirement, count]) => count >= 2 && !ACCELERATOR_BOUND.has(requirementName(requirement)))
    .map(([requirement]) => requirement)
    .sort();
}

/** A spec's requirements plus its variant's, as a pip requirements file (the variant's index as an extra index). */
export function requirementsFile(spec: EnvironmentSpec, variant: EnvironmentVariant): { text: string; requirements: string[] } {
  const extra = spec.variants?.[variant];
  const requirements = [...spec.requirements, ...(extra?.requirements ?? [])];
  const lines = [
    `# bollyx environment ${spec.name} (${variant}), from its spec in @bollyx/environment-manager`,
    ...(extra?.indexUrl === undefined ? [] : [`--extra-index-url ${extra.indexUrl}`]),
    ...requirements,
  ];
  return { text: `${lines.join('\n')}\n`, requirements };
}
