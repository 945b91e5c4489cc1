/**
 * The built package as users get it: `import` (ESM) and `require` (CJS) of
 * `decant` by name (Node resolves a package's own name through its exports
 * map), and the `decant` bin. Runs on dist/, which `npm test` builds first.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const seed = join(root, 'seeds', '002_73e29b0033e02edc.txt')
const expectedTitle = JSON.parse(readFileSync(seed.replace('.txt', '.expected.json'), 'utf8')).title as string

function node(args: string[], input?: string): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', input })
}

describe('the built package', () => {
  it('is importable as ESM', () => {
    const script = `import { extract } from 'decant'; import { readdirSync, readFileSync } from 'node:fs'; console.log(extract(readFileSync(${JSON.stringify(seed)}, 'utf8')).title)`
    expect(node(['--input-type=module', '-e', script]).trim()).toBe(expectedTitle)
  })

  it('is requirable as CommonJS', () => {
    const script = `const { extract, DecantError } = require('decant'); console.log(extract(require('node:fs').readFileSync(${JSON.stringify(seed)}, 'utf8')).title, typeof DecantError)`
    expect(node(['-e', script]).trim()).toBe(`${expectedTitle} function`)
  })

  it('is ASCII only, so that Node holds its source at one byte a character (tsup.config.ts)', () => {
    const files = readdirSync(join(root, 'dist')).filter((name) => /\.c?js$/.test(name))
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'text.js', 'cli.js']))
    for (const name of files) {
      const offending = readFileSync(join(root, 'dist', name), 'utf8').match(/[^\x00-\x7f]/)
      expect(offending?.[0], name).toBeUndefined()
    }
  })

  it('runs the decant bin', () => {
    const out = JSON.parse(node([join(root, 'dist', 'cli.js'), '--format', 'json', seed])) as { title: string; mode: string }
    expect(out).toMatchObject({ title: expectedTitle, mode: 'text' })
  })
})
