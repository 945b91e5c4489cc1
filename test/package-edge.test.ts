/**
 * `decant/text` in a browser or edge runtime: dist/text.js bundled the way a
 * user's bundler would (esbuild, platform browser, minified) must come out as
 * one ES module without imports, and extract a seed in a bare V8 context with
 * no Node built-ins. Prints the bundle's size. Runs on dist/, which `npm test` builds first.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const seed = join(root, 'seeds', '004_6207a246a3a6b95d.txt')
const gold = JSON.parse(readFileSync(seed.replace('.txt', '.expected.json'), 'utf8')) as { title: string }
const work = mkdtempSync(join(tmpdir(), 'decant-edge-'))

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('decant/text as an edge bundle', () => {
  it('bundles into one ES module and extracts a seed without Node built-ins', async () => {
    const result = await build({
      stdin: { contents: `export { extract } from ${JSON.stringify(join(root, 'dist', 'text.js'))}`, resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
    })
    const code = result.outputFiles[0]!.contents
    const bundle = join(work, 'edge.js')
    writeFileSync(bundle, code)
    const gzipped = gzipSync(code, { level: 9 }).length
    console.log(`decant/text edge bundle: ${(code.length / 1024).toFixed(1)} KiB minified, ${(gzipped / 1024).toFixed(1)} KiB gzipped`)

    const out = execFileSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', join(root, 'test', 'package', 'edge-run.mjs'), bundle, seed], { encoding: 'utf8' })
    const run = JSON.parse(out) as { globals: string[]; title: string; wordCount: number; mode: string }
    expect(run.globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined'])
    expect(run).toMatchObject({ title: gold.title, mode: 'text' })
    expect(run.wordCount).toBeGreaterThan(300)
  })

  it('imports nothing from an HTML parser or jsdom', () => {
    const text = readFileSync(join(root, 'dist', 'text.js'), 'utf8')
    expect(text).not.toMatch(/^\s*import\s/m)
    for (const name of ['jsdom', 'linkedom', 'htmlparser2', '@mozilla/readability']) expect(text).not.toContain(`node_modules/${name}/`)
  })
})
