import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';
import { VERBS } from './src/commands/verbs';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * main.ts loads each verb with `import('./commands/<verb>/index')`: that stays an import of the verb's own
 * bundle, `dist/commands/<verb>.js`, so `bollyx --help` loads none of them.
 */
const verbBundles: EsbuildPlugin = {
  name: 'verb-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/[a-z]+\/index$/ }, (args) =>
      /[\\/]src[\\/]main\.ts$/.test(args.importer) ? { path: `${args.path.slice(0, -'/index'.length)}.js`, external: true } : undefined,
    );
  },
};

/**
 * esbuild keeps all of zod, its 40 locales too, for `import { z } from 'zod'`, but only what is used for
 * `import * as z from 'zod'` (the same exports): the packages' builds are read with the second form.
 */
const zodNamespace: EsbuildPlugin = {
  name: 'zod-namespace',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/][^\\/]+\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/import \{ z(?: as (\w+))? \} from "zod";/g, (_, name = 'z') => `import * as ${name} from "zod";`),
      loader: 'js',
    }));
  },
};

/**
 * Each verb is one bundle of what it uses: the @bollyx packages and their libraries (zod, execa, yaml, …),
 * so `bollyx <verb>` reads one file instead of some three hundred. Not split into shared chunks: every verb
 * imports the packages' whole entry points, so esbuild would put all of a package in one chunk and
 * `bollyx prepare` would load what only `bollyx run` uses (50 ms more, bench/cli-start.mjs). The price is
 * disk: the libraries are in each verb's bundle, about 9 MB of JavaScript in all.
 */
export default defineConfig({
  entry: {
    main: 'src/main.ts',
    ...Object.fromEntries(Object.keys(VERBS).map((verb) => [`commands/${verb}`, `src/commands/${verb}/index.ts`])),
  },
  format: 'esm',
  target: 'node20',
  clean: true,
  sourcemap: true,
  // Maps for stack traces (node --enable-source-maps) without a copy of every bundled file's text.
  esbuildOptions: (options) => {
    options.sourcesContent = false;
  },
  splitting: false,
  noExternal: [/^@bollyx\//],
  // Imported on first use and found through their own files (native data, WASM): resolved at run time.
  external: ['systeminformation', 'onnxruntime-web'],
  esbuildPlugins: [verbBundles, zodNamespace],
  // Bundled CommonJS libraries (write-file-atomic, cross-spawn) call require and read __filename.
  shims: true,
  banner: { js: "import { createRequire as __bollyxCreateRequire } from 'node:module'; const require = __bollyxCreateRequire(import.meta.url);" },
});
