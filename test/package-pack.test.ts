/**
 * The package as a user installs it: `npm pack`, the tarball installed into
 * an empty project, then `import` (ESM) and `require` (CJS) of `decant` and
 * `decant/text` on a seed, and the `decant` bin. Runs on dist/, which
 * `npm test` builds first; the install reads the npm cache or registry.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const seed = join(root, 'seeds', '004_6207a246a3a6b95d.txt')
const gold = JSON.parse(readFileSync(seed.replace('.txt', '.expected.json'), 'utf8')) as { title: string }
const work = mkdtempSync(join(tmpdir(), 'decant-pack-'))
const project = join(work, 'project')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
let files: string[] = []

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8' })
}

beforeAll(() => {
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string; files: { path: string }[] }[]
  files = packed!.files.map((f) => f.path).sort()
  execFileSync('mkdir', [project])
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'decant-pack-check', private: true, version: '0.0.0' }))
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(work, packed!.filename)], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] })
  console.log(`packed ${packed!.filename}: ${files.length} files (${files.join(', ')}); installed into ${project}`)
}, 300_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the packed tarball, installed', () => {
  it('holds dist, the README, the changelog and package.json, and no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/text.js', 'dist/text.cjs', 'dist/cli.js']))
    expect(files.filter((f) => /^(src|test|bench|seeds)\//.test(f))).toEqual([])
  })

  it('imports as ESM', () => {
    const script = `import { extract, toMarkdown } from 'decant'; import * as text from 'decant/text'; import { readFileSync } from 'node:fs'
const page = readFileSync(${JSON.stringify(seed)}); const a = extract(page)
console.log(JSON.stringify([a.title, text.extract(page).title, toMarkdown(a).split('\\n')[0]]))`
    const out = node(['--input-type=module', '-e', script])
    console.log(`ESM import: ${out.trim()}`)
    expect(JSON.parse(out)).toEqual([gold.title, gold.title, `# ${gold.title}`])
  })

  it('requires as CommonJS', () => {
    const script = `const { extract, toHtml, DecantError } = require('decant'); const text = require('decant/text')
const page = require('node:fs').readFileSync(${JSON.stringify(seed)}); const a = extract(page)
console.log(JSON.stringify([a.title, text.extract(page).title, typeof DecantError, toHtml(a).startsWith('<!doctype html>')]))`
    const out = node(['-e', script])
    console.log(`CJS require: ${out.trim()}`)
    expect(JSON.parse(out)).toEqual([gold.title, gold.title, 'function', true])
  })

  it('runs the decant bin', () => {
    const out = execFileSync(join(project, 'node_modules', '.bin', 'decant'), ['--format', 'jsonl', '--jobs', '2', seed, seed], { cwd: project, encoding: 'utf8' })
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { input: string; title: string; mode: string })
    console.log(`bin: ${lines.map((l) => `${l.title} (${l.mode})`).join(' | ')}`)
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(line).toMatchObject({ input: seed, title: gold.title, mode: 'text' })
  })
})
