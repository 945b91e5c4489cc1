import { defineConfig } from 'tsup'

// Every dependency is bundled except these, which ship CommonJS (or a dual
// build) and are large: so the ESM-only unified/remark/rehype/retext/franc
// family ends up inside dist/index.cjs and `require('decant')` works without
// relying on Node's require(esm).
const external = ['jsdom', 'linkedom', 'htmlparser2', '@mozilla/readability', 'chardet']
const bundled = [new RegExp(`^(?!(?:${external.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})(?:/|$))`)]

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    noExternal: bundled,
    sourcemap: false,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: bundled,
    banner: { js: '#!/usr/bin/env node' },
  },
])
