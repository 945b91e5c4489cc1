/**
 * The `decant` command on batches: output formats, --output, globs, the
 * worker pool's order, JSON Lines streaming, WARC input, colour and progress.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WARCRecord, WARCSerializer } from 'warcio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decant, decantOnTerminal, hasScript, jsonLines, lines } from './cli-harness.js'

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
const PAGE = `<!doctype html><html lang="en"><head><title>Café owners count the cost of the flood</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Café owners count the cost of the flood</h1>
<p>Owners of the cafés along the quay said on Wednesday that the flood had ruined their stock, their furniture and most of their kitchens.</p>
<p>Several said they would not reopen before the summer, and asked the council for help with the cost of repairs and of lost trade.</p>
<p>The council said that it would set up a fund for small businesses and publish the rules for applying to it next week.</p>
</article><footer>© Example News</footer></body></html>`

let dir: string

async function warc(records: { url: string; type: string; status?: string; contentType?: string; body: Uint8Array }[], gzip: boolean): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for (const { url, type, status = '200 OK', contentType = 'text/html', body } of records) {
    async function* content(): AsyncGenerator<Uint8Array> {
      yield body
    }
    const httpHeaders = type === 'response' ? { 'Content-Type': contentType } : undefined
    const record = WARCRecord.create({ url, type: type as 'response', warcVersion: 'WARC/1.1', httpHeaders, statusline: `HTTP/1.1 ${status}` }, content())
    parts.push(await WARCSerializer.serialize(record, { gzip }))
  }
  return Buffer.concat(parts)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'decant-cli-batch-'))
  writeFileSync(join(dir, 'article.txt'), ARTICLE)
  writeFileSync(join(dir, 'page.html'), PAGE)
  mkdirSync(join(dir, 'tree', 'deeper'), { recursive: true })
  writeFileSync(join(dir, 'tree', 'a.txt'), ARTICLE)
  writeFileSync(join(dir, 'tree', 'deeper', 'b.txt'), OTHER)
  writeFileSync(join(dir, 'tree', 'deeper', 'c.html'), PAGE)
  mkdirSync(join(dir, 'mixed'))
  for (let i = 0; i < 12; i++) writeFileSync(join(dir, 'mixed', `${String(i).padStart(2, '0')}.txt`), i % 3 === 0 ? OTHER : ARTICLE)
  const latin1 = Buffer.from(PAGE.replace('<head>', '<head>'), 'latin1')
  const records = [
    { url: 'https://example.com/', type: 'request', body: new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n') },
    { url: 'https://news.example.com/flood', type: 'response', contentType: 'text/html; charset=iso-8859-1', body: latin1 },
    { url: 'https://news.example.com/logo.png', type: 'response', contentType: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    { url: 'https://news.example.com/old', type: 'response', status: '301 Moved Permanently', body: new Uint8Array() },
    { url: 'https://news.example.com/rivers.txt', type: 'response', contentType: 'text/plain', body: new TextEncoder().encode(ARTICLE) },
  ]
  writeFileSync(join(dir, 'crawl.warc.gz'), await warc(records, true))
  writeFileSync(join(dir, 'crawl.warc'), await warc(records, false))
  writeFileSync(join(dir, 'shard.jsonl'), [JSON.stringify({ url: 'https://news.example.com/flood', html: PAGE }), JSON.stringify({ text: OTHER })].join('\n') + '\n')
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe.concurrent('output formats', () => {
  it('prints Markdown with --format markdown, with front matter on request', async () => {
    const [plain, front] = await Promise.all([decant(dir, ['--format', 'markdown', 'page.html']), decant(dir, ['--format', 'markdown', '--front-matter', 'page.html'])])
    expect(plain.code).toBe(0)
    expect(plain.stdout).toMatch(/^# Café owners count the cost of the flood\n\nOwners of the cafés/)
    expect(plain.stdout).not.toMatch(/<[a-z]/i)
    expect(front.stdout).toMatch(/^---\ntitle: "Café owners count the cost of the flood"\n(?:.*\n)*---\n\n# Café/)
  })

  it('prints a sanitized HTML document with --format html', async () => {
    const r = await decant(dir, ['--format', 'html', '--url', 'https://news.example.com/flood', 'page.html'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(r.stdout).toContain('<title>Café owners count the cost of the flood</title>')
    expect(r.stdout).toContain('<p>Owners of the cafés')
    expect(r.stdout).not.toContain('Home')
  })

  it('separates Markdown of several inputs with ==> path <== lines', async () => {
    const r = await decant(dir, ['--format', 'markdown', 'article.txt', 'page.html'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^==> article\.txt <==\n# Rivers rise/)
    expect(r.stdout).toContain('\n\n==> page.html <==\n# Café')
  })
})

describe.concurrent('--output DIR', () => {
  it.each([
    ['json', '.json'],
    ['jsonl', '.json'],
    ['text', '.txt'],
    ['markdown', '.md'],
    ['html', '.html'],
  ])('writes one %s file per input, with the %s extension, mirroring directories', async (format, ext) => {
    const target = join(dir, `out-${format}`)
    const r = await decant(dir, ['--format', format, '--output', target, 'tree', 'article.txt', 'missing.txt'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^decant: ENOENT: missing\.txt: /)])
    const written = readdirSync(target, { recursive: true, encoding: 'utf8' }).filter((p) => p.includes('.')).sort()
    expect(written).toEqual([`a${ext}`, `article${ext}`, `deeper/b${ext}`, `deeper/c${ext}`].sort())
    const b = readFileSync(join(target, 'deeper', `b${ext}`), 'utf8')
    expect(b).toContain('footbridge')
    if (format === 'json') expect(JSON.parse(b)).toMatchObject({ mode: 'text' })
    if (format === 'jsonl') expect(JSON.parse(b)).toMatchObject({ input: 'tree/deeper/b.txt' })
  })

  it('gives inputs with the same name distinct files, and never overwrites an input', async () => {
    const target = join(dir, 'out-same')
    const r = await decant(dir, ['--format', 'text', '--output', target, 'article.txt', 'tree/a.txt', 'mixed/01.txt', 'mixed/04.txt'])
    expect(r.code).toBe(0)
    expect(readdirSync(target).sort()).toEqual(['01.txt', '04.txt', 'a.txt', 'article.txt'])
    const own = await decant(dir, ['--format', 'text', '--output', join(dir, 'mixed'), 'mixed/00.txt'])
    expect(own.code).toBe(1)
    expect(own.stderr).toMatch(/^decant: OUTPUT_IS_INPUT: mixed\/00\.txt: /)
    expect(readFileSync(join(dir, 'mixed', '00.txt'), 'utf8')).toBe(OTHER)
  })
})

describe.concurrent('globs', () => {
  it('expands a quoted glob, sorted, as a batch', async () => {
    const r = await decant(dir, ['--format', 'jsonl', 'tree/**/*.txt'])
    expect(r.code).toBe(0)
    expect(jsonLines(r.stdout).map((l) => l.input)).toEqual(['tree/a.txt', 'tree/deeper/b.txt'])
  })

  it('reports a glob that matches nothing', async () => {
    const r = await decant(dir, ['--format', 'jsonl', 'tree/**/*.pdf', 'article.txt'])
    expect(r.code).toBe(1)
    const out = jsonLines(r.stdout)
    expect(out[0]).toEqual({ input: 'tree/**/*.pdf', error: { code: 'NO_MATCH', message: expect.any(String) } })
    expect(out[1]).toMatchObject({ input: 'article.txt' })
  })
})

describe.concurrent('--jobs', () => {
  it('gives the same output in the same order with one job and with three', async () => {
    const [one, three] = await Promise.all([decant(dir, ['--jobs', '1', '--format', 'jsonl', 'mixed']), decant(dir, ['--jobs', '3', '--format', 'jsonl', 'mixed'])])
    expect(one.code).toBe(0)
    expect(three.code).toBe(0)
    expect(three.stdout).toBe(one.stdout)
    const out = jsonLines(three.stdout)
    expect(out.map((l) => l.input)).toEqual(Array.from({ length: 12 }, (_, i) => `mixed/${String(i).padStart(2, '0')}.txt`))
    out.forEach((l, i) => expect(l.body).toContain(i % 3 === 0 ? 'footbridge' : LEAD))
  })
})

describe.concurrent('JSON Lines streaming', () => {
  it('gives one line out per line in, on stdin, errors included', async () => {
    const input = [
      JSON.stringify({ url: 'https://news.example.com/flood', html: PAGE }),
      'not json',
      JSON.stringify({ url: 'https://news.example.com/x' }),
      '',
      JSON.stringify({ text: ARTICLE }),
    ].join('\n')
    const r = await decant(dir, ['--format', 'jsonl', '--jobs', '2'], input)
    expect(r.code).toBe(1)
    const out = jsonLines(r.stdout)
    expect(out.map((l) => l.input)).toEqual(['-#1', '-#2', '-#3', '-#4', '-#5'])
    expect(out[0]).toMatchObject({ mode: 'html', url: 'https://news.example.com/flood', title: 'Café owners count the cost of the flood' })
    expect(out[1]).toMatchObject({ error: { code: 'BAD_INPUT' } })
    expect(out[2]).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringContaining('"html"') } })
    expect(out[3]).toMatchObject({ error: { code: 'BAD_INPUT' } })
    expect(out[4]).toMatchObject({ mode: 'text' })
    expect(out[4]!.body).toContain(LEAD)
    expect(lines(r.stderr)).toHaveLength(3)
  })

  it('reads .jsonl files line by line', async () => {
    const r = await decant(dir, ['--format', 'jsonl', 'shard.jsonl'])
    expect(r.code).toBe(0)
    const out = jsonLines(r.stdout)
    expect(out.map((l) => l.input)).toEqual(['shard.jsonl#1', 'shard.jsonl#2'])
    expect(out[1]!.body).toContain('footbridge')
  })
})

describe.concurrent('WARC input', () => {
  it.each(['crawl.warc.gz', 'crawl.warc'])('gives one article per 2xx page response in %s', async (file) => {
    const r = await decant(dir, ['--format', 'jsonl', file])
    expect(r.code).toBe(0)
    const out = jsonLines(r.stdout)
    // The request, the image and the redirect are not pages.
    expect(out.map((l) => l.input)).toEqual([`${file}#1`, `${file}#2`])
    // The record's charset is used: é decoded from ISO-8859-1.
    expect(out[0]).toMatchObject({ mode: 'html', url: 'https://news.example.com/flood', title: 'Café owners count the cost of the flood' })
    expect(out[1]).toMatchObject({ mode: 'text', url: 'https://news.example.com/rivers.txt' })
    expect(out[1]!.body).toContain(LEAD)
  })
})

describe.skipIf(!hasScript)('on a terminal', () => {
  it('colours the --explain table, unless NO_COLOR is set', () => {
    const coloured = decantOnTerminal(dir, ['--explain', 'article.txt'])
    expect(coloured.status).toBe(0)
    expect(coloured.output).toContain('\u001b[')
    const plain = decantOnTerminal(dir, ['--explain', 'article.txt'], { NO_COLOR: '1' })
    expect(plain.status).toBe(0)
    expect(plain.output).not.toContain('\u001b[')
    expect(plain.output).toContain(LEAD.slice(0, 30))
  })

  it('shows progress on stderr for several inputs, and none for one', () => {
    const many = decantOnTerminal(dir, ['--format', 'jsonl', 'mixed'], {}, '> /dev/null')
    expect(many.status).toBe(0)
    expect(many.output).toMatch(/\d+\/12 pages \| [\d.]+ pages\/s \| ETA/)
    const one = decantOnTerminal(dir, ['--format', 'jsonl', 'article.txt'], {}, '> /dev/null')
    expect(one.status).toBe(0)
    expect(one.output).not.toContain('pages/s')
  })
})
