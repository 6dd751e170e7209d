import path from 'node:path';
import { capture } from './run-command.mjs';

/**
 * `npm pack`s every package (one npm call) into `destination`; resolves with, by package name, the tarball's
 * path and the files in it.
 */
export async function packPackages(packages, destination) {
  const packed = JSON.parse(await capture('npm', ['pack', ...packages.map((pkg) => pkg.dir), '--pack-destination', destination, '--json']));
  return new Map(packed.map((tarball) => [tarball.name, { path: path.join(destination, tarball.filename), files: tarball.files.map((file) => file.path) }]));
}
