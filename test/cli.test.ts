/**
 * The `decant` command end to end: one child process per case, on small files
 * written here. Runs src/cli.ts through tsx; set DECANT_CLI to another entry
 * (e.g. `DECANT_CLI=dist/cli.js`) to check the built bin the same way.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Result, hasScript, decant as run, nodeArgs } from './cli-harness.js'
import { CHROME_KINDS } from '../src/types.js'

const root = join(import.meta.dirname, '..')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }

const ARTICLE = `Rivers rise across the valley after two days of rain

Water levels on the main river rose by more than two metres overnight, and officials closed three bridges as a precaution on Tuesday morning.

Residents in low-lying streets were told to move their cars and valuables to higher ground, and the town opened its sports hall as a shelter for anyone who needed it.

Forecasters expect the rain to ease by Thursday, although the river is likely to stay high for several days as water drains from the hills.
`
const LEAD = 'Water levels on the main river rose'
const OTHER = `Council approves a new footbridge over the river

The town council voted on Monday evening to build a footbridge next to the old mill, ending a debate that had lasted for almost ten years.

Work is due to start in the spring, and the council said that the path along the river would stay open for most of the construction period.
`
const ARTICLE_FIELDS = ['title', 'byline', 'source', 'published', 'lang', 'description', 'url', 'body', 'paragraphs', 'html', 'wordCount', 'removed', 'mode']
const LABELS = ['body', ...CHROME_KINDS]

let dir: string

/** Runs decant in the temp directory; stdin is `input`, or empty (a closed pipe, not a terminal). */
function decant(args: string[], input?: string | Uint8Array): Promise<Result> {
  return run(dir, args, input)
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '')
}

function jsonLines(text: string): Record<string, unknown>[] {
  return lines(text).map((l) => JSON.parse(l) as Record<string, unknown>)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'decant-cli-'))
  writeFileSync(join(dir, 'article.txt'), ARTICLE)
  mkdirSync(join(dir, 'batch'))
  writeFileSync(join(dir, 'batch', 'b.txt'), OTHER)
  writeFileSync(join(dir, 'batch', 'a.txt'), ARTICLE)
  writeFileSync(join(dir, 'batch', '.hidden.txt'), 'not an input')
  mkdirSync(join(dir, 'batch', 'nested'))
  writeFileSync(join(dir, 'batch', 'nested', 'deep.txt'), OTHER)
  mkdirSync(join(dir, 'empty'))
  // UTF-16 with a BOM: only right if the CLI hands bytes, not a UTF-8 string, to decant.
  writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]))
  writeFileSync(join(dir, 'locked.txt'), ARTICLE)
  chmodSync(join(dir, 'locked.txt'), 0o000)
  mkdirSync(join(dir, 'many'))
  for (let i = 0; i < 120; i++) writeFileSync(join(dir, 'many', `${String(i).padStart(3, '0')}.txt`), ARTICLE)
  try {
    symlinkSync(join(dir, 'article.txt'), join(dir, 'batch', 'c-link.txt'))
  } catch {
    // no symlinks here: the listing test below allows for that
  }
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe.concurrent('decant on one file', () => {
  it('prints one pretty JSON Article when stdout is not a terminal', async () => {
    const r = await decant(['article.txt'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\{\n {2}"/)
    const article = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(article)).toEqual(expect.arrayContaining(ARTICLE_FIELDS))
    expect(article).not.toHaveProperty('input')
    expect(article.mode).toBe('text')
    expect(article.body).toContain(LEAD)
  })

  it('prints plain text with --format text', async () => {
    const r = await decant(['--format', 'text', 'article.txt'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(LEAD)
    expect(r.stdout).not.toContain('==>')
    expect(r.stdout.endsWith('\n')).toBe(true)
    expect(r.stdout.endsWith('\n\n')).toBe(false)
  })

  it('passes --mode and --url through to decant', async () => {
    const r = await decant(['--mode', 'text', '--url', 'https://news.example.com/rivers', 'article.txt'])
    expect(r.code).toBe(0)
    const article = JSON.parse(r.stdout) as Record<string, unknown>
    expect(article.mode).toBe('text')
    expect(article.body).toContain(LEAD)
  })

  it('reads files as bytes, so decant decodes their charset', async () => {
    const r = await decant(['utf16.txt'])
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { body: string }).body).toContain(LEAD)
  })

  it('reports a missing file on stderr as one line, exit 1', async () => {
    const r = await decant(['missing.txt'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^decant: ENOENT: missing\.txt: [^\n]+\n$/)
  })
})

describe.concurrent('decant on standard input', () => {
  it('reads stdin for -', async () => {
    const r = await decant(['-'], ARTICLE)
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { body: string }).body).toContain(LEAD)
  })

  it('reads stdin when there is no argument and stdin is not a terminal', async () => {
    const r = await decant(['--format', 'text'], ARTICLE)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(LEAD)
  })

  it('names stdin - in jsonl', async () => {
    const r = await decant(['--format', 'jsonl', '-'], ARTICLE)
    expect(r.code).toBe(0)
    const [line, ...rest] = jsonLines(r.stdout)
    expect(rest).toEqual([])
    expect(Object.keys(line!)[0]).toBe('input')
    expect(line!.input).toBe('-')
  })

  it.skipIf(!hasScript)('prints usage and exits 2 with no argument on a terminal', () => {
    // script(1) gives the child a terminal for stdin and stdout.
    const command = [process.execPath, ...nodeArgs].map((a) => `'${a}'`).join(' ')
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    expect(r.status).toBe(2)
    expect(r.stdout).toMatch(/decant: USAGE: /)
    expect(r.stdout).toContain('Usage: decant')
  })
})

describe.concurrent('decant on several inputs', () => {
  it('gives one jsonl line per input, in order, and an error line for a bad one', async () => {
    const r = await decant(['--format', 'jsonl', 'batch', 'missing.txt'])
    expect(r.code).toBe(1)
    const out = jsonLines(r.stdout)
    const inputs = out.map((l) => l.input)
    // Sorted, dotfiles skipped, subdirectories recursed, symlinked files followed.
    expect(inputs.filter((i) => i !== 'batch/c-link.txt')).toEqual(['batch/a.txt', 'batch/b.txt', 'batch/nested/deep.txt', 'missing.txt'])
    for (const line of out) expect(Object.keys(line)[0]).toBe('input')
    expect(out[0]!.body).toContain(LEAD)
    expect(out[1]!.body).toContain('footbridge')
    expect(out.at(-1)).toEqual({ input: 'missing.txt', error: { code: 'ENOENT', message: expect.any(String) } })
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^decant: ENOENT: missing\.txt: /)])
  })

  it('switches --format json to one compact line per input', async () => {
    const r = await decant(['article.txt', 'batch/b.txt'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(lines(r.stdout)).toHaveLength(2)
    expect(jsonLines(r.stdout).map((l) => l.input)).toEqual(['article.txt', 'batch/b.txt'])
  })

  it('separates text output with ==> path <== lines', async () => {
    const r = await decant(['--format', 'text', 'article.txt', 'batch/b.txt'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^==> article\.txt <==\n/)
    expect(r.stdout).toMatch(/\n\n==> batch\/b\.txt <==\n/)
    expect(r.stdout).toContain(LEAD)
    expect(r.stdout).toContain('footbridge')
  })

  it('reports an empty directory and goes on', async () => {
    const r = await decant(['--format', 'jsonl', 'empty', 'article.txt'])
    expect(r.code).toBe(1)
    const [first, second] = jsonLines(r.stdout)
    expect(first).toMatchObject({ input: 'empty', error: { code: expect.any(String) } })
    expect(second).toMatchObject({ input: 'article.txt' })
  })

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file with EACCES', async () => {
    const r = await decant(['--format', 'jsonl', 'locked.txt', 'article.txt'])
    expect(r.code).toBe(1)
    expect(jsonLines(r.stdout)[0]).toMatchObject({ input: 'locked.txt', error: { code: 'EACCES' } })
    expect(r.stderr).toMatch(/^decant: EACCES: locked\.txt: /)
  })

  it('exits quietly when the reader closes the pipe', async () => {
    // 120 articles with --explain overflow the pipe buffer, so writes must meet EPIPE.
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeArgs, '--explain', 'many'], { cwd: dir })
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
      child.stdout.once('data', () => child.stdout.destroy())
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stderr }))
      child.stdin.end()
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })
})

describe.concurrent('decant --explain', () => {
  it('prints every block with its index, label, score and reason', async () => {
    const [text, json] = await Promise.all([decant(['--explain', '--format', 'text', 'article.txt']), decant(['--explain', '--format', 'json', 'article.txt'])])
    expect(text.code).toBe(0)
    expect(json.code).toBe(0)
    const { blocks, ...article } = JSON.parse(json.stdout) as { blocks: { index: number; label: string; score: number; reason: string; text: string }[] }
    expect(Object.keys(article)).toEqual(expect.arrayContaining(ARTICLE_FIELDS))
    expect(blocks.length).toBeGreaterThan(0)
    const rows = lines(text.stdout)
    expect(rows).toHaveLength(blocks.length)
    blocks.forEach((block, i) => {
      expect(Object.keys(block).sort()).toEqual(['index', 'label', 'reason', 'score', 'text'])
      expect(LABELS).toContain(block.label)
      expect(block.reason.length).toBeGreaterThan(0)
      const row = rows[i]!
      expect(row).toMatch(new RegExp(`^\\s*${block.index}\\s+${block.label}\\s+${block.score.toFixed(2)}\\s`))
      expect(row.endsWith(block.reason)).toBe(true)
      expect(row).toContain(block.text.slice(0, 40))
    })
    expect(blocks.some((b) => b.label === 'body' && b.text.includes(LEAD))).toBe(true)
  })

  it('adds blocks to each jsonl line', async () => {
    const r = await decant(['--explain', '--format', 'jsonl', 'batch/a.txt'])
    expect(r.code).toBe(0)
    const [line] = jsonLines(r.stdout)
    expect(Object.keys(line!)[0]).toBe('input')
    expect(Array.isArray(line!.blocks)).toBe(true)
  })
})

describe.concurrent('decant usage', () => {
  it.each([
    [['--jobs', '0', 'article.txt'], /--jobs/],
    [['--jobs', 'many', 'article.txt'], /--jobs/],
    [['--output', '', 'article.txt'], /--output/],
    [['--format', 'xml', 'article.txt'], /--format/],
    [['--mode', 'pdf', 'article.txt'], /--mode/],
    [['--url', 'not a url', 'article.txt'], /--url/],
    [['--bogus', 'article.txt'], /--bogus/],
    [['article.txt', '--format'], /--format/],
  ])('rejects %j with exit 2 and one USAGE line', async (args, mention) => {
    const r = await decant(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^decant: USAGE: [^\n]+\n$/)
    expect(r.stderr).toMatch(mention)
  })

  it('prints the version', async () => {
    const r = await decant(['--version'])
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('prints help', async () => {
    const r = await decant(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: decant')
    expect(r.stdout).toContain('--explain')
  })
})
