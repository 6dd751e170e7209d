import { PipelineDefinitionError } from './errors';
import { stageDefinitionSchema, type Stage, type StageDefinition } from './stage-definition';

/**
 * How the run treats a stage: `auto` reuses a cached result or runs, `force` runs, `cache-only` reuses a
 * cached result or fails (the ancestors of `only`), `trusted` is taken from its manifest with only its
 * outputs checked (what a `segment` needs from outside it), `skip` is not part of this run.
 */
type StageMode = 'auto' | 'force' | 'cache-only' | 'trusted' | 'skip';

export interface StageSelection {
  force?: boolean;
  /** Run this stage and everything that depends on it again; earlier stages are reused when cached. */
  from?: string;
  /** Run just this stage again; the stages it needs must have cached results. */
  only?: string;
  /**
   * Run just these stages (reusing those cached); each stage they need from outside the segment is trusted
   * from its manifest: its outputs are checked, its inputs (the movie) are not read.
   */
  segment?: readonly string[];
}

export interface PipelinePlan {
  /** Dependencies first; ties keep the order the stages were given in. */
  order: Stage[];
  modes: ReadonlyMap<string, StageMode>;
  /** The stages that need each stage, directly. */
  dependents: ReadonlyMap<string, readonly string[]>;
}

function validStages(definitions: readonly StageDefinition[]): Stage[] {
  return definitions.map((definition, index) => {
    const parsed = stageDefinitionSchema.safeParse(definition);
    if (parsed.success) return parsed.data;
    const id = typeof definition?.id === 'string' ? ` (${definition.id})` : '';
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'stage'}: ${issue.message}`);
    throw new PipelineDefinitionError(`Stage #${index + 1}${id} is invalid: ${problems.join('; ')}`, 'Fix the stage definition', {
      index,
      problems,
    });
  });
}

function checkReferences(stages: readonly Stage[], byId: ReadonlyMap<string, Stage>, selection: StageSelection): void {
  const known = [...byId.keys()].join(', ');
  if (byId.size !== stages.length) {
    const seen = new Set<string>();
    const duplicate = stages.find((stage) => seen.size === seen.add(stage.id).size);
    throw new PipelineDefinitionError(`Two stages are called ${duplicate?.id}`, 'Give every stage its own id');
  }
  const owners = new Map<string, string>();
  for (const stage of stages) {
    for (const need of stage.needs) {
      if (!byId.has(need)) {
        throw new PipelineDefinitionError(`Stage ${stage.id} needs ${need}, which is not a stage of this pipeline`, `Use one of: ${known}`, {
          stageId: stage.id,
          unknown: need,
        });
      }
    }
    for (const output of stage.outputs) {
      const owner = owners.get(output);
      if (owner !== undefined) {
        throw new PipelineDefinitionError(`Stages ${owner} and ${stage.id} both declare the output ${output}`, 'Give each output file one owner');
      }
      owners.set(output, stage.id);
    }
    if (stage.run.kind === 'python' && stage.environment === undefined) {
      throw new PipelineDefinitionError(`Python stage ${stage.id} names no environment`, `Add environment: { name, fingerprint } to stage ${stage.id}`);
    }
    if (stage.run.kind === 'container' && [stage.device.preferred, ...stage.device.fallback].includes('metal')) {
      throw new PipelineDefinitionError(`Container stage ${stage.id} asks for Metal, which containers cannot reach`, `Use cpu or cuda for stage ${stage.id}`);
    }
  }
  const picks = [selection.from, selection.only, selection.segment].filter((pick) => pick !== undefined);
  if (picks.length > 1) throw new PipelineDefinitionError('from, only and segment cannot be combined', 'Pass one of them');
  if (selection.segment?.length === 0) throw new PipelineDefinitionError('segment names no stage', 'List the stages to run in segment');
  for (const picked of [selection.from, selection.only, ...(selection.segment ?? [])]) {
    if (picked !== undefined && !byId.has(picked)) {
      throw new PipelineDefinitionError(`There is no stage ${picked} in this pipeline`, `Use one of: ${known}`, { unknown: picked });
    }
  }
}

/** Kahn's algorithm; what is left over lies on or behind a cycle, which is then named stage by stage. */
function topologicalOrder(stages: readonly Stage[], byId: ReadonlyMap<string, Stage>, dependents: ReadonlyMap<string, string[]>): Stage[] {
  const waitingOn = new Map(stages.map((stage) => [stage.id, new Set(stage.needs).size]));
  const order: Stage[] = [];
  let ready = stages.filter((stage) => waitingOn.get(stage.id) === 0);
  while (ready.length > 0) {
    order.push(...ready);
    const next: string[] = [];
    for (const stage of ready) {
      for (const dependent of dependents.get(stage.id) ?? []) {
        const left = (waitingOn.get(dependent) ?? 0) - 1;
        waitingOn.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    ready = stages.filter((stage) => next.includes(stage.id));
  }
  if (order.length === stages.length) return order;

  const placed = new Set(order.map((stage) => stage.id));
  let current = stages.find((stage) => !placed.has(stage.id))!;
  const path: string[] = [];
  // Every unplaced stage needs another unplaced one, so walking needs must come back round.
  while (!path.includes(current.id)) {
    path.push(current.id);
    current = byId.get(current.needs.find((need) => !placed.has(need))!)!;
  }
  const cycle = [...path.slice(path.indexOf(current.id)), current.id];
  throw new PipelineDefinitionError(`Stages form a cycle: ${cycle.join(' → ')}`, `Remove one of the needs along ${cycle.join(' → ')}`, {
    cycle,
  });
}

function transitive(start: string, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const found = new Set<string>();
  const queue = [...(edges.get(start) ?? [])];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (found.has(id)) continue;
    found.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  return found;
}

/** Validates the stages and the selection and orders the stages; throws PipelineDefinitionError. */
export function planPipeline(definitions: readonly StageDefinition[], selection: StageSelection = {}): PipelinePlan {
  const stages = validStages(definitions);
  const byId = new Map(stages.map((stage) => [stage.id, stage]));
  checkReferences(stages, byId, selection);

  const dependents = new Map<string, string[]>(stages.map((stage) => [stage.id, []]));
  for (const stage of stages) for (const need of new Set(stage.needs)) dependents.get(need)?.push(stage.id);
  const order = topologicalOrder(stages, byId, dependents);

  const modes = new Map<string, StageMode>(stages.map((stage) => [stage.id, selection.force ? 'force' : 'auto']));
  if (selection.from !== undefined) {
    for (const id of [selection.from, ...transitive(selection.from, dependents)]) modes.set(id, 'force');
  }
  if (selection.only !== undefined) {
    const needs = new Map(stages.map((stage) => [stage.id, stage.needs]));
    const ancestors = transitive(selection.only, needs);
    for (const stage of stages) modes.set(stage.id, ancestors.has(stage.id) ? 'cache-only' : 'skip');
    modes.set(selection.only, 'force');
  }
  if (selection.segment !== undefined) {
    const segment = new Set(selection.segment);
    for (const stage of stages) modes.set(stage.id, segment.has(stage.id) ? (selection.force ? 'force' : 'auto') : 'skip');
    for (const id of segment) {
      for (const need of byId.get(id)!.needs) if (!segment.has(need)) modes.set(need, 'trusted');
    }
  }
  return { order, modes, dependents };
}
