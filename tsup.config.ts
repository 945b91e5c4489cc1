import { defineConfig } from 'tsup'

// Every dependency is bundled except these, which ship CommonJS (or a dual
// build) and are large: so the ESM-only unified/remark/rehype/retext/franc
// family ends up inside dist/index.cjs and `require('decant')` works without
// relying on Node's require(esm).
//
// linkedom is not among them: decant parses with its own patched copy
// (patches/, applied by patch-package on install), bundled so that a user's
// linkedom is never touched. `canvas` is linkedom's optional peer, required
// inside a try.
const external = ['jsdom', 'htmlparser2', '@mozilla/readability', 'chardet', 'canvas']
function allBut(names: string[]): RegExp[] {
  return [new RegExp(`^(?!(?:${names.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})(?:/|$))`)]
}

// No `clean` here: the configs build in parallel, so `npm run build` empties dist/ first.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    noExternal: allBut(external),
    sourcemap: false,
  },
  {
    entry: { text: 'src/text-entry.ts' },
    format: ['cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    noExternal: allBut(external),
  },
  {
    // `decant/text` as ES module: one self-contained file with no Node
    // built-in and no import, so that the same file serves Node, browsers,
    // workers and edge runtimes (chardet's `browser` field drops its fs use).
    entry: { text: 'src/text-entry.ts' },
    format: ['esm'],
    dts: true,
    target: 'es2022',
    platform: 'browser',
    noExternal: [/./],
  },
  {
    // The worker shares a chunk with the command, so the library is loaded from one file by both.
    entry: { cli: 'src/cli.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // ESM imports every dependency as it is (tinypool must stay a real package
    // anyway: it finds its own worker script next to its module); only JSON
    // data is inlined, since importing it would need an import attribute.
    // linkedom, a devDependency, is bundled as tsup bundles every one.
    noExternal: [/^stopwords-iso/],
    banner: { js: '#!/usr/bin/env node' },
  },
])
