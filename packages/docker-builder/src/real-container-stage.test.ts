import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containerizeStages, manifestSchema, python, runPipeline, type StageDefinition } from '@bollyx/stage-runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSYBOX, privateDockerdSkipReason, startPrivateDockerd, type PrivateDockerd } from '../../../tools/test-dockerd/private-dockerd';
import { buildImages } from './build-images';
import { planBuild } from './plan-build';

const skip = privateDockerdSkipReason({ busybox: true });

/**
 * The stage-script contract in busybox sh: reads `--request FILE`, copies the request to the request's
 * `output`, and says on stdout (the stage log) where the request was and what the environment held.
 */
const ECHO_REQUEST = String.raw`
while [ "$#" -gt 0 ]; do
  if [ "$1" = --request ]; then request=$2; fi
  shift
done
output=$(busybox sed -n 's/^  "output": "\(.*\)",\{0,1\}$/\1/p' "$request")
echo "request=$request"
echo "HF_HOME=$HF_HOME"
echo "HF_TOKEN=${'$'}{HF_TOKEN:+set}"
busybox cp "$request" "$output"
`;
const ENTRY = ['/bin/busybox', 'sh', '/opt/bollyx/echo-request.sh'];
const TOKEN = 'hf_never_in_argv_4c1d';

let root: string;
let daemon: PrivateDockerd | undefined;

describe.skipIf(skip !== undefined)(`a containerized Python stage in a private dockerd${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  let image: string;
  let jobDir: string;
  let cacheDir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bollyx-dockerd-stage-'));
    daemon = await startPrivateDockerd(root);
    await writeFile(join(root, 'echo-request.sh'), ECHO_REQUEST);
    const plan = await planBuild('native', {
      repository: 'bollyx-test',
      nodes: [
        {
          name: 'echo-request',
          description: 'busybox and a stage script that echoes its request',
          modes: ['native'],
          dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\nCOPY echo-request.sh /opt/bollyx/echo-request.sh\n',
          context: [
            { path: 'busybox', from: BUSYBOX },
            { path: 'echo-request.sh', from: join(root, 'echo-request.sh') },
          ],
          estimatedSizeMb: 2,
        },
      ],
    });
    const report = await buildImages(plan, { outDir: join(root, 'out'), env: daemon.env });
    image = report.images[0]!.ref;

    jobDir = join(root, 'job');
    cacheDir = join(root, 'cache');
    await mkdir(jobDir);
    await mkdir(join(cacheDir, 'huggingface'), { recursive: true });
    await writeFile(join(jobDir, 'words.txt'), 'quiet words');
  });
  afterAll(async () => {
    await daemon?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  /** A Python stage as the pipeline builds one: a script, its env (a cache folder, a token), a request per attempt. */
  const echoStage = (): StageDefinition => ({
    id: 'echo',
    version: '1',
    inputs: ['words.txt'],
    outputs: ['result/echo.json'],
    environment: { name: 'tools', fingerprint: 'host-venv-fingerprint' },
    run: python({
      script: '/host/scripts/echo_request.py',
      env: { HF_HOME: join(cacheDir, 'huggingface'), HF_TOKEN: TOKEN },
      // Made on the host: it reads the input there; its paths are written as the container sees them.
      request: async (ctx) => ({
        output: ctx.output('result/echo.json'),
        words: await readFile(ctx.inputs[0]!, 'utf8'),
        input: ctx.inputs[0],
        model: join(cacheDir, 'huggingface', 'hub', 'models--org--model', 'snapshots', 'c0ffee'),
      }),
    }),
  });
  const run = () =>
    runPipeline(containerizeStages([echoStage()], { engine: 'docker', modelCacheDir: cacheDir, imageFor: () => ({ image, entry: ENTRY }) }), { jobDir });

  it('writes the request into the job folder, runs the script in the image, and the output comes back through /job', async () => {
    const summary = await run();

    expect(summary.stages[0]).toMatchObject({ id: 'echo', status: 'ran' });
    const runId = summary.runId;
    const request = JSON.parse(await readFile(join(jobDir, 'result', 'echo.json'), 'utf8')) as Record<string, unknown>;
    expect(request).toEqual({
      output: `/job/result/echo.partial-${runId}.json`,
      words: 'quiet words',
      input: '/job/words.txt',
      model: '/models/huggingface/hub/models--org--model/snapshots/c0ffee',
    });

    const log = await readFile(join(jobDir, 'logs', 'echo.log'), 'utf8');
    expect(log).toContain(`request=/job/result/echo.partial-${runId}request.json`);
    expect(log).toContain('HF_HOME=/models/huggingface');
    expect(log).toContain('HF_TOKEN=set');
    expect(log).not.toContain(TOKEN);
    // The request file is removed after the attempt.
    expect(await readdir(join(jobDir, 'result'))).toEqual(['echo.json']);

    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(jobDir, 'manifests', 'echo.json'), 'utf8')));
    expect(manifest).toMatchObject({ executor: 'container', environment: { name: 'tools', fingerprint: image } });
  });

  it('reuses the result on a re-run', async () => {
    const again = await run();

    expect(again.stages[0]).toMatchObject({ id: 'echo', status: 'cached' });
  });
});
