import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { capture } from './run-command.mjs';

/** The bytes of each path, as `du -sb` counts them (apparent sizes, each file once). */
async function diskUsage(paths) {
  const lines = (await capture('du', ['-sb', ...paths])).trim().split('\n');
  return lines.map((line) => {
    const [bytes, ...rest] = line.split('\t');
    return { path: rest.join('\t'), bytes: Number(bytes) };
  });
}

/** The top-level packages of `nodeModules`, scoped ones included: each holds what npm nested inside it. */
async function topLevelPackages(nodeModules) {
  const entries = await readdir(nodeModules, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  const nested = await Promise.all(
    folders.map(async (entry) =>
      entry.name.startsWith('@')
        ? (await readdir(path.join(nodeModules, entry.name))).map((name) => `${entry.name}/${name}`)
        : [entry.name],
    ),
  );
  return nested.flat();
}

/** The size of an install's `node_modules` and its `top` largest packages, largest first. */
export async function installSize(nodeModules, top = 8) {
  const [total] = await diskUsage([nodeModules]);
  const names = await topLevelPackages(nodeModules);
  const sizes = await diskUsage(names.map((name) => path.join(nodeModules, name)));
  const largest = sizes
    .map((size) => ({ name: path.relative(nodeModules, size.path), bytes: size.bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
  return { bytes: total.bytes, largest };
}

/** `bytes` in MB (10^6), one decimal, as npm and du -h --si write sizes. */
export const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
