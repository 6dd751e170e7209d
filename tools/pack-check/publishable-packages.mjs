import { capture } from './run-command.mjs';

/** The workspace packages npm would publish (every one not private): name, folder and manifest. */
export async function publishablePackages(root) {
  // npm itself expands the root's `workspaces` globs.
  const workspaces = JSON.parse(await capture('npm', ['query', '.workspace'], { cwd: root }));
  return workspaces.filter((manifest) => !manifest.private).map((manifest) => ({ name: manifest.name, dir: manifest.path, manifest }));
}

/** Whether `list` (a manifest's `os` or `cpu`: names, or `!name` to exclude) lets `value` in, as npm reads it. */
function allows(list = [], value) {
  const only = list.filter((entry) => !entry.startsWith('!'));
  return !list.includes(`!${value}`) && (only.length === 0 || only.includes(value));
}

/** Whether npm would install `manifest` here: it refuses a tarball whose `os` or `cpu` leaves this machine out. */
export const fitsThisMachine = (manifest) => allows(manifest.os, process.platform) && allows(manifest.cpu, process.arch);

/**
 * `name` and the packages of `packages` it depends on, directly or not, as installing it here would bring
 * them: dependencies, and the optional ones that fit this machine.
 */
export function withDependencies(name, packages) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const found = new Set();
  const visit = (dependency) => {
    const pkg = byName.get(dependency);
    if (pkg === undefined || found.has(pkg) || !fitsThisMachine(pkg.manifest)) return;
    found.add(pkg);
    for (const next of Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.optionalDependencies })) visit(next);
  };
  visit(name);
  return [...found];
}
