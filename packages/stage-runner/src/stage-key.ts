import { createHash } from 'node:crypto';
import type { Manifest } from './manifest';
import type { Stage } from './stage-definition';

/** JSON with object keys sorted at every level, so equal values always hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The cache key of a stage: its id, version, parameters, declared outputs, the content of its input files (in order, not
 * their paths: a moved movie is the same movie), the content of the outputs of the stages it needs, its
 * environment's fingerprint and, for a container stage, its image. Equal keys mean the stage would write the same outputs.
 */
export function stageKey(stage: Stage, inputSha256s: readonly string[], neededManifests: readonly Manifest[]): string {
  const material = canonicalJson({
    id: stage.id,
    version: stage.version,
    params: stage.params,
    outputs: stage.outputs,
    inputs: inputSha256s,
    needs: [...neededManifests].sort((a, b) => (a.stageId < b.stageId ? -1 : 1)).map((manifest) => ({
      id: manifest.stageId,
      outputs: manifest.outputs.map((output) => [output.path, output.sha256]),
    })),
    environment: stage.environment?.fingerprint ?? null,
    // Another image is other code: a container stage runs again when its image (tag) changes.
    ...(stage.run.kind === 'container' ? { image: stage.run.image } : {}),
  });
  return createHash('sha256').update(material).digest('hex');
}
