import path from 'node:path';
import { capture } from './run-command.mjs';

const bin = (root, name) => path.join(root, 'node_modules', '.bin', name);
// Each attw run loads TypeScript: two at a time keep both cores busy without thrashing them.
const AT_ONCE = 2;

/** What a published package carries besides code, that no linter asks for: its licence, where its source and issues are. */
function missingMetadata(root, pkg, packed) {
  const folder = path.relative(root, pkg.dir);
  const { repository, homepage, bugs } = pkg.manifest;
  return [
    packed.files.includes('LICENSE') ? undefined : 'no LICENSE in the tarball',
    repository?.directory === folder ? undefined : `repository.directory is not ${folder}`,
    homepage === undefined ? 'no homepage' : undefined,
    bugs === undefined ? 'no bugs' : undefined,
  ].filter((problem) => problem !== undefined);
}

/**
 * esbuild writes `import.meta` as an empty object in a CommonJS build unless tsup's --shims is on: then
 * `import.meta.url` is undefined and `require` users get a TypeError where ESM users get none.
 */
async function emptyImportMeta(pkg, packed) {
  const main = pkg.manifest.main;
  if (typeof main !== 'string' || !main.endsWith('.cjs')) return undefined;
  const code = await capture('tar', ['-xzOf', packed.path, path.posix.join('package', main)]);
  return /\bimport_meta\s*=\s*\{\s*\}/.test(code) ? `${main} reads import.meta, which is empty in CommonJS: build with tsup --shims` : undefined;
}

/**
 * Checks the tarball of `pkg`, as published (not the folder it was packed from): its metadata and CommonJS entry, then publint
 * --strict and attw. attw runs in the package's folder so that a `.attw.json` there (its profile, the rules
 * it ignores) applies here as it does to `npx attw --pack .`.
 */
async function checkTarball(root, pkg, packed) {
  const missing = [...missingMetadata(root, pkg, packed), await emptyImportMeta(pkg, packed)].filter((problem) => problem !== undefined);
  if (missing.length > 0) throw new Error(missing.join('; '));
  await capture(bin(root, 'publint'), ['run', packed.path, '--strict']);
  await capture(bin(root, 'attw'), [packed.path, '--format', 'ascii'], { cwd: pkg.dir });
}

/** Checks every package's tarball; rejects naming every package that failed, with what was wrong. */
export async function checkTarballs(root, packages, tarballs) {
  const queue = [...packages];
  const failures = [];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg !== undefined; pkg = queue.shift()) {
      await checkTarball(root, pkg, tarballs.get(pkg.name)).catch((error) => failures.push(`${pkg.name}: ${error.message}`));
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  if (failures.length > 0) throw new Error(`publish checks failed:\n${failures.join('\n')}`);
}
