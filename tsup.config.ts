import { defineConfig, type Options } from 'tsup'

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
// V8 keeps a module's source in memory for as long as it is loaded, and one
// character beyond Latin-1 (a dash in a comment, a letter in a cue pattern)
// makes it keep the whole file at two bytes a character: 4.4 MB instead of
// 2.2 for dist/index.js. esbuild escapes strings but leaves comments and
// regular expressions as written, so every non-ASCII character is escaped
// here; `\uXXXX` means the same code unit in all of them (a surrogate pair
// of escapes is one code point in a `u` pattern). After a backslash the
// escape would change the meaning, and in a String.raw template it would be
// kept as written, so either fails the build.
const asciiOnly: NonNullable<Options['plugins']>[number] = {
  name: 'ascii-only',
  renderChunk(code, chunk) {
    if (!/[^\x00-\x7f]/.test(code)) return
    if (/\\[^\x00-\x7f]/.test(code) || code.includes('String.raw')) {
      throw new Error(`${chunk.path}: a non-ASCII character after a backslash or in String.raw; escape it by hand`)
    }
    return { code: code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) }
  },
}

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
    plugins: [asciiOnly],
  },
  {
    entry: { text: 'src/text-entry.ts' },
    format: ['cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    noExternal: allBut(external),
    plugins: [asciiOnly],
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
    plugins: [asciiOnly],
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
    plugins: [asciiOnly],
  },
])
