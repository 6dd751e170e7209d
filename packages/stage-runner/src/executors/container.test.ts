import { describe, expect, it } from 'vitest';
import { stageDefinitionSchema } from '../stage-definition';
import { stageKey } from '../stage-key';
import { container, containerInvocation, containerRequest } from './container';
import type { StageContext } from './executor';

function context(device: StageContext['device']): StageContext {
  const temps = ['/jobs/j1/transcripts/asr.partial-r1.json'];
  return {
    stageId: 'asr',
    runId: 'r1',
    jobDir: '/jobs/j1',
    params: {},
    device,
    inputs: ['/jobs/j1/audio/audio.wav', '/home/me/Movies/Sholay (1975).mkv'],
    outputs: temps,
    needs: { vad: ['/jobs/j1/audio/speech.json'] },
    signal: new AbortController().signal,
    output: () => temps[0]!,
    progress: () => undefined,
    log: () => undefined,
    metrics: () => undefined,
  };
}

const asr = (engine: 'docker' | 'podman') =>
  container({
    engine,
    image: 'ghcr.io/bollyx/asr:1',
    modelCacheDir: '/home/me/.cache/bollyx/models',
    env: { HF_TOKEN: 'secret-value' },
    command: (ctx) => ['transcribe', '--audio', ctx.inputs[0]!, '--movie', ctx.inputs[1]!, '--vad', ctx.needs.vad![0]!, '--out', ctx.output('transcripts/asr.json'), '--device', ctx.device],
  });

describe('containerInvocation', () => {
  it('mounts the job rw, the models ro, outside inputs ro, and asks docker for the GPUs on cuda', () => {
    const { file, args } = containerInvocation(asr('docker'), context('cuda'), { uid: 1000, gid: 1000 });
    expect(file).toBe('docker');
    expect(args).toEqual([
      'run',
      '--rm',
      '--init',
      '--name',
      'bollyx-r1-asr',
      '--user',
      '1000:1000',
      '--volume',
      '/jobs/j1:/job:rw',
      '--workdir',
      '/job',
      '--volume',
      '/home/me/.cache/bollyx/models:/models:ro',
      '--volume',
      '/home/me/Movies/Sholay (1975).mkv:/inputs/1/Sholay (1975).mkv:ro',
      '--gpus',
      'all',
      '--env',
      'HF_TOKEN',
      'ghcr.io/bollyx/asr:1',
      'transcribe',
      '--audio',
      '/job/audio/audio.wav',
      '--movie',
      '/inputs/1/Sholay (1975).mkv',
      '--vad',
      '/job/audio/speech.json',
      '--out',
      '/job/transcripts/asr.partial-r1.json',
      '--device',
      'cuda',
    ]);
    expect(args.join(' ')).not.toContain('secret-value');
  });

  it('uses CDI devices and keep-id on podman, and no GPU flag on cpu', () => {
    const cuda = containerInvocation(asr('podman'), context('cuda'), { uid: 1000, gid: 1000 }).args;
    expect(cuda).toContain('--userns=keep-id');
    expect(cuda.slice(cuda.indexOf('--device'), cuda.indexOf('--device') + 2)).toEqual(['--device', 'nvidia.com/gpu=all']);
    expect(cuda).not.toContain('--user');

    const cpu = containerInvocation(asr('docker'), context('cpu'), {}).args;
    expect(cpu).not.toContain('--gpus');
    expect(cpu).not.toContain('--user');
  });

  it('passes the request by its path inside the job folder, or mounts one that lies outside', () => {
    const inJob = containerInvocation(asr('docker'), context('cpu'), {}, '/jobs/j1/transcripts/asr.partial-r1request.json').args;
    expect(inJob.slice(-2)).toEqual(['--request', '/job/transcripts/asr.partial-r1request.json']);

    const outside = containerInvocation(asr('docker'), context('cpu'), {}, '/tmp/bollyx-r1-asr-request.json').args;
    expect(outside).toContain('/tmp/bollyx-r1-asr-request.json:/inputs/request/bollyx-r1-asr-request.json:ro');
    expect(outside.slice(-2)).toEqual(['--request', '/inputs/request/bollyx-r1-asr-request.json']);
  });

  it('rewrites the host paths of a request to the container’s, and nothing else', () => {
    const request = {
      output: '/jobs/j1/transcripts/asr.partial-r1.json',
      movie: '/home/me/Movies/Sholay (1975).mkv',
      model: '/home/me/.cache/bollyx/models/ggml-base.bin',
      texts: ['/jobs/j1x/elsewhere', 'relative/path', 'नमस्ते'],
      beam: 5,
    };
    expect(containerRequest(asr('docker'), context('cpu'), request)).toEqual({
      output: '/job/transcripts/asr.partial-r1.json',
      movie: '/inputs/1/Sholay (1975).mkv',
      model: '/models/ggml-base.bin',
      texts: ['/jobs/j1x/elsewhere', 'relative/path', 'नमस्ते'],
      beam: 5,
    });
  });

  it('refuses a host path that --volume cannot carry', () => {
    const ctx = { ...context('cpu'), inputs: ['/media/C:/movie.mkv'] };
    expect(() => containerInvocation(asr('docker'), ctx, {})).toThrow(expect.objectContaining({ code: 'CONTAINER_PATH_UNSUPPORTED' }));
  });

  it('mounts a Windows path: its drive colon is the one --volume expects', () => {
    const ctx = { ...context('cpu'), jobDir: 'D:\\jobs\\j1', inputs: [] };
    expect(containerInvocation(asr('docker'), ctx, {}).args).toContain('D:\\jobs\\j1:/job:rw');
  });
});

describe('the stage key of a container stage', () => {
  const stage = (image: string) =>
    stageDefinitionSchema.parse({ id: 'asr', version: '1', outputs: ['asr.json'], run: container({ engine: 'docker', image, command: () => ['true'] }) });

  it('changes with the image tag, so another image runs the stage again', () => {
    const first = stageKey(stage('bollyx/asr-whispercpp:0123456789ab'), [], []);

    expect(stageKey(stage('bollyx/asr-whispercpp:0123456789ab'), [], [])).toBe(first);
    expect(stageKey(stage('bollyx/asr-whispercpp:ba9876543210'), [], [])).not.toBe(first);
  });
});
