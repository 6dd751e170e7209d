import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Every entry point of `packages` that has types (`@bollyx/pipeline`, `@bollyx/pipeline/stages`, …). */
const typedEntryPoints = (packages) =>
  packages.flatMap((pkg) =>
    Object.entries(pkg.manifest.exports ?? {})
      .filter(([, target]) => typeof target === 'object' && JSON.stringify(target).includes('"types"'))
      .map(([subpath]) => pkg.name + subpath.slice(1)),
  );

/**
 * Writes into `dir` a module that imports every typed entry point of `packages` as ESM (`.ts`) and one that
 * does as CommonJS (`.cts`), so a type-check of `dir` checks every published declaration file, `.d.ts` and
 * `.d.cts`, not just those the example's own code reaches.
 */
export async function writeEntryPointImports(dir, packages) {
  const specifiers = typedEntryPoints(packages);
  const lines = (statement) => `// Written by tools/pack-check: every typed entry point, for the type-check.\n${specifiers.map(statement).join('\n')}\n`;
  await writeFile(path.join(dir, 'every-entry-point.ts'), lines((specifier, index) => `import type * as entry${index} from '${specifier}';`));
  await writeFile(path.join(dir, 'every-entry-point.cts'), lines((specifier, index) => `import type entry${index} = require('${specifier}');`));
}
