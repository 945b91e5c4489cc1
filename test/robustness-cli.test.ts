/**
 * The CLI over awkward inputs (issue 7): odd paths, a directory of 10,000
 * files, inputs that cannot be read or are not text, a reader that leaves
 * early. Every input of a batch gets exactly one output line, an article or
 * an error, in order.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decant, nodeArgs } from './cli-harness.js'
import { noise, sentence, withPrefix } from './robustness-inputs.js'

const MANY = 10_000
let dir: string

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'decant-robust-cli-'))
  const odd = join(dir, 'odd dir', 'ünïcødé – 新闻')
  mkdirSync(odd, { recursive: true })
  writeFileSync(join(odd, 'a page with spaces.txt'), `${sentence(0)}\n\n${sentence(1)}\n`)
  writeFileSync(join(odd, 'статья.html'), `<html><body><p>${sentence(2)}</p></body></html>`)

  const mixed = join(dir, 'mixed')
  mkdirSync(mixed)
  writeFileSync(join(mixed, 'a.txt'), `${sentence(0)}\n`)
  writeFileSync(join(mixed, 'b.png'), withPrefix([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], noise(2048)))
  symlinkSync(join(mixed, 'nowhere.txt'), join(mixed, 'c-dangling.txt'))
  writeFileSync(join(mixed, 'd.txt'), `${sentence(3)}\n`)

  const many = join(dir, 'many')
  mkdirSync(many)
  for (let i = 0; i < MANY; i++) writeFileSync(join(many, `${String(i).padStart(5, '0')}.txt`), `Page ${i}. ${sentence(i)}\n`)
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('decant CLI on awkward inputs', () => {
  it('reads paths with spaces and unicode, as files and as a directory', async () => {
    const file = join('odd dir', 'ünïcødé – 新闻', 'a page with spaces.txt')
    const single = await decant(dir, ['--format', 'json', file])
    expect(single.code).toBe(0)
    expect(JSON.parse(single.stdout).body).toContain(sentence(1))

    const r = await decant(dir, ['--format', 'jsonl', 'odd dir'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(jsonLines(r.stdout).map((l) => l.input)).toEqual([file, join('odd dir', 'ünïcødé – 新闻', 'статья.html')])
  })

  it('gives every input one line, an error for the ones that cannot be read or are not text, and exits 1', async () => {
    const r = await decant(dir, ['--format', 'jsonl', 'mixed', 'missing.txt'])
    expect(r.code).toBe(1)
    const out = jsonLines(r.stdout)
    expect(out.map((l) => l.input)).toEqual(['mixed/a.txt', 'mixed/b.png', 'mixed/c-dangling.txt', 'mixed/d.txt', 'missing.txt'])
    expect(out.map((l) => (l.error as { code?: string } | undefined)?.code ?? 'article')).toEqual(['article', 'BAD_INPUT', 'ENOENT', 'article', 'ENOENT'])
    expect(r.stderr.trim().split('\n')).toHaveLength(3)
  })

  it(`gives exactly one line per file for a directory of ${MANY} files`, async () => {
    const r = await decant(dir, ['--format', 'jsonl', 'many'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const inputs = jsonLines(r.stdout).map((l) => l.input)
    expect(inputs).toHaveLength(MANY)
    expect(inputs).toEqual(Array.from({ length: MANY }, (_, i) => join('many', `${String(i).padStart(5, '0')}.txt`)))
  }, 300_000)

  it('exits quietly, with status 0, when the reader leaves after one line (`decant dir | head -1`)', () => {
    const command = `${[process.execPath, ...nodeArgs].map((a) => `'${a}'`).join(' ')} --format jsonl many | head -1; echo "status=\${PIPESTATUS[0]}" >&2`
    const r = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8' })
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(r.stdout).input).toBe(join('many', '00000.txt'))
    expect(r.stderr).toBe('status=0\n')
  }, 300_000)

  it('reads an empty standard input as an empty article', async () => {
    const r = await decant(dir, ['--format', 'json', '-'], '')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ body: '', paragraphs: [], wordCount: 0 })
  })
})
