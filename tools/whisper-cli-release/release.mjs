#!/usr/bin/env node
// Builds this platform's prebuilt whisper-cli package and packs it, after `npm run build`:
//   node tools/whisper-cli-release/release.mjs [--out DIR] [--jobs N]
// Writes DIR/whisper-cli-<platform>-<arch>/ (the package with bin/ filled) and the .tgz beside it.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPortableEngine, prebuiltPackageName } from '@bollyx/environment-manager';
import { execa } from 'execa';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(root, 'dist', 'whisper-cli') },
    jobs: { type: 'string', default: String(os.availableParallelism()) },
  },
});
const out = path.resolve(values.out);

const name = prebuiltPackageName();
const folder = name.slice('@bollyx/'.length);
const template = path.join(root, 'packages', folder);
const manifest = await readFile(path.join(template, 'package.json'), 'utf8').then(JSON.parse, () => null);
if (manifest === null) {
  console.error(`bollyx ships no prebuilt whisper-cli for ${process.platform}-${process.arch} (no packages/${folder}): there it builds whisper.cpp from source`);
  process.exit(1);
}

// The package is staged outside the workspace, whose link would otherwise carry the binary into every
// test run of this checkout. os and cpu go only into the published manifest: npm refuses a workspace
// whose os or cpu is not the machine's (EBADPLATFORM), so the repository's copies leave them out.
const staged = path.join(out, folder);
await rm(staged, { recursive: true, force: true });
await cp(template, staged, { recursive: true, filter: (file) => !['bin', '.gitignore'].includes(path.relative(template, file)) });
await writeFile(path.join(staged, 'package.json'), `${JSON.stringify({ ...manifest, os: [process.platform], cpu: [process.arch] }, null, 2)}\n`);

let reported = '';
const engine = await buildPortableEngine({
  binDir: path.join(staged, 'bin'),
  jobs: Number(values.jobs),
  onProgress: ({ phase, percent, message }) => {
    const step = `${phase} ${Math.floor(percent / 10) * 10}%`;
    if (step === reported) return;
    reported = step;
    console.error(`${step} ${message}`);
  },
});

const { stdout } = await execa('npm', ['pack', '--json', '--pack-destination', out], { cwd: staged });
const [packed] = JSON.parse(stdout);
console.log(`${name}@${manifest.version}: whisper.cpp ${engine.version} from ${engine.source}, built in ${engine.buildSeconds} s`);
console.log(`  ${engine.files.length} files in bin/: ${engine.files.join(' ')}`);
console.log(`  ${path.join(out, packed.filename)}: ${(packed.size / 1e6).toFixed(1)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(1)} MB unpacked`);
