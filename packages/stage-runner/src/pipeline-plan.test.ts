import { describe, expect, it } from 'vitest';
import { binary } from './executors/binary';
import { container } from './executors/container';
import { inProcess } from './executors/in-process';
import { python } from './executors/python';
import { planPipeline } from './pipeline-plan';
import type { StageDefinition } from './stage-definition';

const noop = inProcess(async () => undefined);
const stage = (id: string, needs: string[] = [], extra: Partial<StageDefinition> = {}): StageDefinition => ({
  id,
  version: '1',
  needs,
  run: noop,
  ...extra,
});

// demux → vad → asr → translate → subtitles → mux, with a side branch.
const pipeline = [
  stage('mux', ['subtitles', 'demux']),
  stage('demux'),
  stage('vad', ['demux']),
  stage('asr', ['vad']),
  stage('translate', ['asr']),
  stage('subtitles', ['translate', 'asr']),
  stage('thumbnails'),
];

function problem(run: () => unknown): { code: string; message: string; hint?: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; hint?: string };
  }
  throw new Error('expected planPipeline to throw');
}

describe('planPipeline', () => {
  it('orders stages after their needs, keeping the given order between independent stages', () => {
    const { order, modes } = planPipeline(pipeline);
    expect(order.map((s) => s.id)).toEqual(['demux', 'thumbnails', 'vad', 'asr', 'translate', 'subtitles', 'mux']);
    expect(new Set(modes.values())).toEqual(new Set(['auto']));
  });

  it('applies the defaults of a stage definition', () => {
    const [only] = planPipeline([stage('demux')]).order;
    expect(only).toMatchObject({ params: {}, inputs: [], outputs: [], toolVersions: {}, device: { preferred: 'cpu', fallback: [] } });
  });

  it('names the cycle', () => {
    const error = problem(() => planPipeline([stage('a', ['c']), stage('b', ['a']), stage('c', ['b']), stage('d')]));
    expect(error.code).toBe('PIPELINE_INVALID');
    expect(error.message).toBe('Stages form a cycle: a → c → b → a');
    expect(problem(() => planPipeline([stage('self', ['self'])])).message).toBe('Stages form a cycle: self → self');
  });

  it('names an unknown stage and lists the known ones', () => {
    const error = problem(() => planPipeline([stage('demux'), stage('asr', ['vda'])]));
    expect(error.message).toBe('Stage asr needs vda, which is not a stage of this pipeline');
    expect(error.hint).toBe('Use one of: demux, asr');
    expect(problem(() => planPipeline(pipeline, { from: 'nope' })).message).toBe('There is no stage nope in this pipeline');
  });

  it.each<[string, StageDefinition[], string]>([
    ['duplicate ids', [stage('a'), stage('a')], 'Two stages are called a'],
    ['a shared output', [stage('a', [], { outputs: ['x.wav'] }), stage('b', [], { outputs: ['x.wav'] })], 'Stages a and b both declare the output x.wav'],
    ['an output outside the job', [stage('a', [], { outputs: ['../x.wav'] })], 'outputs.0: an output is a path inside the job folder'],
    ['an id unfit for a file name', [stage('a/b')], 'id: a stage id is letters, digits'],
    ['a missing executor', [{ id: 'a', version: '1' } as StageDefinition], 'run: run must be an executor'],
    ['params that are not JSON', [stage('a', [], { params: { when: new Date() as never } })], 'params.when'],
    ['python without an environment', [stage('a', [], { run: python({ script: 'x.py', args: () => [] }) })], 'Python stage a names no environment'],
    [
      'a container on Metal',
      [stage('a', [], { device: { preferred: 'metal' }, run: container({ engine: 'docker', image: 'x', command: () => [] }) })],
      'Container stage a asks for Metal',
    ],
  ])('rejects %s', (_, stages, message) => {
    const error = problem(() => planPipeline(stages));
    expect(error.code).toBe('PIPELINE_INVALID');
    expect(error.message).toContain(message);
  });

  it('selects with force, from and only', () => {
    const modes = (selection: Parameters<typeof planPipeline>[1]) => Object.fromEntries(planPipeline(pipeline, selection).modes);
    expect(modes({ force: true })).toMatchObject({ demux: 'force', mux: 'force', thumbnails: 'force' });
    expect(modes({ from: 'translate' })).toEqual({
      demux: 'auto',
      vad: 'auto',
      asr: 'auto',
      translate: 'force',
      subtitles: 'force',
      mux: 'force',
      thumbnails: 'auto',
    });
    expect(modes({ only: 'asr' })).toEqual({
      demux: 'cache-only',
      vad: 'cache-only',
      asr: 'force',
      translate: 'skip',
      subtitles: 'skip',
      mux: 'skip',
      thumbnails: 'skip',
    });
    expect(problem(() => planPipeline(pipeline, { from: 'asr', only: 'asr' })).message).toBe('from, only and segment cannot be combined');
  });

  it('accepts every executor kind', () => {
    const stages = [
      stage('a', [], { run: binary({ command: 'true', args: () => [] }) }),
      stage('b', ['a'], { environment: { name: 'py', fingerprint: 'f' }, run: python({ script: 'b.py', args: () => [] }) }),
      stage('c', ['b'], { run: container({ engine: 'podman', image: 'bollyx/asr', command: () => [] }) }),
    ];
    expect(planPipeline(stages).order.map((s) => s.run.kind)).toEqual(['binary', 'python', 'container']);
  });
});
