import { defineConfig } from 'tsup'

// unified, retext and franc are ESM-only: they are bundled so that the CJS
// build can `require` them. jsdom, linkedom, htmlparser2 and Readability stay
// external (they ship CJS and are large).
const bundled = [/^unified/, /^retext/, /^parse-latin/, /^nlcst/, /^unist/, /^franc/, /^trigram/, /^collapse-white-space/, /^n-gram/, /^vfile/, /^bail/, /^devlop/, /^is-plain-obj/, /^trough/, /^extend/, /^iso-639-3/, /^stopwords-iso/]

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
