#!/usr/bin/env node
// The embedding example as a user gets it, with the publish checks: packs every publishable workspace
// package, checks each tarball (publint --strict, attw), installs them all into a copy of this folder, type-
// checks it strictly and runs its two programs on the sample film; then installs the CLI alone and says what
// that weighs. It builds nothing: its Nx target (project.json) builds every package first.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enginesDir } from '@bollyx/environment-manager';
import { importTypeScript } from '../../tools/import-typescript.mjs';
import { checkTarballs } from '../../tools/pack-check/check-tarball.mjs';
import { writeEntryPointImports } from '../../tools/pack-check/entry-point-imports.mjs';
import { installSize, megabytes } from '../../tools/pack-check/install-size.mjs';
import { packPackages } from '../../tools/pack-check/pack-packages.mjs';
import { fitsThisMachine, publishablePackages, withDependencies } from '../../tools/pack-check/publishable-packages.mjs';
import { capture, stream } from '../../tools/pack-check/run-command.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const film = path.join(root, 'samples/sample-hi-en.mp4');
// typescript and @types/node (the example's devDependencies) come from the npm cache the root install filled.
const npmInstall = (cwd, tarballs) => capture('npm', ['install', ...tarballs, '--prefer-offline', '--no-audit', '--no-fund'], { cwd });

/** Runs `work`, then says how long it took. */
async function step(what, work) {
  const started = performance.now();
  const result = await work();
  console.log(`${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** The size of `dir`'s node_modules and its largest packages, in one line. */
async function reportSize(what, dir) {
  const size = await installSize(path.join(dir, 'node_modules'));
  console.log(`${what}: node_modules ${megabytes(size.bytes)}; largest: ${size.largest.map((pkg) => `${pkg.name} ${megabytes(pkg.bytes)}`).join(', ')}`);
}

const started = performance.now();
const scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-embed-'));
try {
  const packages = await publishablePackages(root);
  const tarballDir = path.join(scratch, 'tarballs');
  await mkdir(tarballDir);
  const tarballs = await step(`packed ${packages.length} packages`, () => packPackages(packages, tarballDir));
  const tarballsOf = (chosen) => chosen.map((pkg) => tarballs.get(pkg.name).path);

  const example = path.join(scratch, 'example');
  const modelFile = path.join(scratch, 'ggml-test-tiny.bin');
  const bollyx = path.join(scratch, 'bollyx');
  const env = {
    ...process.env,
    // Its own jobs, caches and models; the engine is the one the other tests share (its build key does
    // not depend on the checkout, so an engine built once on this machine is found).
    BOLLYX_WORKSPACE: path.join(bollyx, 'work'),
    BOLLYX_CACHE_DIR: path.join(bollyx, 'cache'),
    BOLLYX_MODELS_DIR: path.join(bollyx, 'models'),
    BOLLYX_ENGINES_DIR: enginesDir(),
    // The random-weights test model decodes greedily, as in the CLI's tests.
    BOLLYX_ASR_BEAM_SIZE: '1',
  };
  // Independent, so at once (the checks are CPU-bound, the install mostly waits on the disk); all settle
  // before a failure is reported, so none still writes into the folder the finally block removes.
  const setup = await Promise.allSettled([
    step('metadata, publint --strict and attw pass on every tarball', () => checkTarballs(root, packages, tarballs)),
    step('installed every tarball into a copy of examples/embed', async () => {
      await Promise.all(['package.json', 'tsconfig.json', 'src'].map((entry) => cp(path.join(here, entry), path.join(example, entry), { recursive: true })));
      await npmInstall(example, tarballsOf(packages.filter((pkg) => fitsThisMachine(pkg.manifest))));
      await writeEntryPointImports(path.join(example, 'src'), packages);
    }),
    step('wrote the test Whisper model and seeded the Silero VAD model', async () => {
      const { writeTestWhisperModel } = await importTypeScript(new URL('../../tools/ggml-model/index.ts', import.meta.url));
      const { seedSileroModel } = await importTypeScript(new URL('../../tools/silero-model/index.ts', import.meta.url));
      await Promise.all([writeTestWhisperModel(modelFile, { seed: 7 }), seedSileroModel(env.BOLLYX_MODELS_DIR)]);
    }),
  ]);
  const failed = setup.find((result) => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  // One tsc both checks and emits (noEmitOnError): Node 20 runs no TypeScript.
  await step('tsc: strict, exactOptionalPropertyTypes, skipLibCheck false; the programs and every .d.ts and .d.cts', () =>
    capture(process.execPath, [path.join(example, 'node_modules/typescript/bin/tsc'), '-p', example]),
  );
  await step('ran the ESM program', () => stream(process.execPath, ['dist/main.js', film, modelFile], { cwd: example, env }));
  await step('ran the CommonJS script on the same job', () => stream(process.execPath, ['src/cached-run.cjs', film, modelFile], { cwd: example, env }));
  await reportSize('the example', example);

  const cli = path.join(scratch, 'cli');
  await mkdir(cli);
  await writeFile(path.join(cli, 'package.json'), '{ "private": true }\n');
  await step('installed the CLI alone', () => npmInstall(cli, tarballsOf(withDependencies('@bollyx/cli', packages))));
  await reportSize('@bollyx/cli and its @bollyx packages', cli);
  console.log(`examples/embed passed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
