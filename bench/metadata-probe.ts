/**
 * Metadata probe: readHtmlMetadata against the metadata gold of
 * trafilatura's evaluation set (title, author, date).
 *
 *   npx tsx bench/metadata-probe.ts [DATASETS_DIR] [--fails title|author|date|all] [--jsdom]
 *
 * DATASETS_DIR defaults to ../shared/datasets. Scoring, as in the brief:
 * title exact after whitespace folding; author as a case-insensitive set of
 * names; date at day level. Gold '' means "none": only null scores there.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parseHTML } from 'linkedom'
import { decode } from '../src/decode.js'
import { readHtmlMetadata } from '../src/metadata/html.js'
import { splitNames } from '../src/metadata/names.js'

interface Entry {
  file: string
  title?: string
  author?: string | string[]
  date?: string
}

const args = process.argv.slice(2)
const failsAt = args.indexOf('--fails')
const showFails = failsAt >= 0 ? (args[failsAt + 1] ?? 'all') : null
const useJsdom = args.includes('--jsdom')
const dir = resolve(args.find((a, i) => !a.startsWith('--') && i !== failsAt + 1) ?? join(import.meta.dirname, '../../shared/datasets'))
const traf = join(dir, 'traf')
const evaldata = JSON.parse(readFileSync(join(traf, 'evaldata.json'), 'utf8')) as Record<string, Entry>

function fold(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim()
}

function nameSet(value: string | string[] | null | undefined): string {
  const list = Array.isArray(value) ? value : value ? [value] : []
  const names = list.flatMap((v) => splitNames(fold(v))).map((n) => n.toLowerCase())
  return [...new Set(names)].sort().join(' | ')
}

function day(value: string | null | undefined): string {
  if (!value) return ''
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value)
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value
}

async function parse(html: string): Promise<Document> {
  if (!useJsdom) return parseHTML(html).document as unknown as Document
  const { JSDOM } = await import('jsdom')
  return new JSDOM(html).window.document
}

const score = { title: [0, 0], author: [0, 0], date: [0, 0] }
const fails: string[] = []
let ms = 0
for (const [key, entry] of Object.entries(evaldata)) {
  if (entry.title === undefined && entry.author === undefined && entry.date === undefined) continue
  const bytes = new Uint8Array(gunzipSync(readFileSync(join(traf, 'html', `${entry.file}.gz`))))
  const html = decode(bytes).text
  const url = /^https?:/.test(key) ? key : undefined
  const document = await parse(html)
  const t0 = performance.now()
  const meta = readHtmlMetadata(document, url)
  ms += performance.now() - t0

  const check = (field: 'title' | 'author' | 'date', ok: boolean, gold: unknown, got: unknown): void => {
    score[field][1]!++
    if (ok) score[field][0]!++
    else if (showFails === field || showFails === 'all') fails.push(`${field}\t${entry.file}\tgold=${JSON.stringify(gold)}\tgot=${JSON.stringify(got)}`)
  }
  if (entry.title !== undefined) check('title', fold(entry.title) === fold(meta.title), entry.title, meta.title)
  if (entry.author !== undefined) check('author', nameSet(entry.author) === nameSet(meta.byline), entry.author, meta.byline)
  if (entry.date !== undefined) check('date', day(entry.date) === day(meta.published), entry.date, meta.published)
}

for (const line of fails) console.log(line)
const pct = ([ok, n]: number[]): string => `${(ok! / n!).toFixed(3)} (${ok}/${n})`
console.log(`title ${pct(score.title)}  author ${pct(score.author)}  date ${pct(score.date)}  readHtmlMetadata ${Math.round(ms)} ms total`)
