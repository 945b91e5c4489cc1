/**
 * The benchmark: the seeds report, then the public sets in HTML and text
 * mode, decant side by side with a peer on the same pages.
 *
 *   npm run bench -- [--dataset DIR] [--mode html|text] [--split dev|holdout|all]
 *                    [--limit N] [--worst N] [--json FILE] [--no-peers] [--check] [--repeat R]
 *
 * Everything is exported, so that a script can run one set with another
 * extractor (`runDataset({ ..., extract })`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Analysis, Article, Options } from '../src/types.js'
import { findDatasets, hasMode, listPages, splitOf, type DatasetKind, type Gold, type Mode, type Page, type Split } from './datasets.js'
import { aggregateMetadata, loadMetadataGold, scoreMetadata, type MetaFields, type MetaGold, type MetaPageScore, type MetaSummary } from './metadata.js'
import { aggregateShingles, aggregateSnippets, fold, scoreShingles, scoreSnippets, snippetPageScores, type ShingleDoc, type SnippetCounts } from './metrics.js'
import { readabilityPeer, wholePagePeer, type Peer } from './peers.js'
import { loadSeeds, scoreSeed, type SeedScore } from './seeds.js'
import { decode } from '../src/decode.js'
import { isDecantError } from '../src/errors.js'
import { parseHtml } from '../src/segment/html.js'
import { settings } from '../src/settings.js'
import { detectLanguage } from '../src/text/lang.js'

/** Pages each system runs untimed before its timed pass. */
const WARM_UP_PAGES = 10

export const repoRoot = path.resolve(import.meta.dirname, '..')
export const defaultDatasets = path.resolve(repoRoot, '../shared/datasets')

export type Extract = (input: Uint8Array | string, options: Options) => Article
export type Analyze = (input: string, options: Options) => Analysis

const messageOf = (e: unknown) => (e instanceof Error ? (e.name === 'DecantError' && 'code' in e ? `${String(e.code)}: ${e.message}` : e.message) : String(e))

/**
 * decant, imported on first use: while src/ is mid-change a broken import
 * turns into an error on every page instead of a crashed bench.
 */
export async function loadDecant(): Promise<{ extract: Extract; analyze: Analyze }> {
  try {
    const m = await import('../src/index.js')
    return { extract: m.extract, analyze: m.analyze }
  } catch (e) {
    const fail = (): never => {
      throw new Error(`decant failed to load: ${messageOf(e)}`)
    }
    return { extract: fail, analyze: fail }
  }
}

// ---------------------------------------------------------------- seeds

export interface SeedRow {
  name: string
  score: SeedScore | null
  error: string | null
}

export function runSeeds(analyze: Analyze, dir = path.join(repoRoot, 'seeds')): SeedRow[] {
  return loadSeeds(dir).map((seed) => {
    try {
      return { name: seed.name, score: scoreSeed(seed.gold, analyze(seed.text, { mode: 'text' })), error: null }
    } catch (e) {
      return { name: seed.name, score: null, error: messageOf(e) }
    }
  })
}

const mark = (ok: boolean) => (ok ? 'ok' : 'FAIL')

export function printSeeds(rows: SeedRow[]): void {
  console.log(`\n## seeds (${rows.filter((r) => r.score?.ok).length} of ${rows.length} pass)\n`)
  printTable(
    ['seed', 'title', 'byline', 'source', 'published', 'body F1', 'leaked', 'labels'],
    rows.map(({ name, score: s, error }) =>
      s
        ? [name, mark(s.title.ok), mark(s.byline.ok), mark(s.source.ok), mark(s.published.ok), s.body.f1.toFixed(4), String(s.leaks.lines.length), `${s.labels.accuracy.toFixed(3)} (${s.labels.matched}/${s.labels.total})`]
        : [name, 'error', '', '', '', '', '', ''],
    ),
  )
  for (const { name, score, error } of rows) {
    if (error) console.log(`\n${name}: ${error}`)
    else if (score && !score.ok) console.log(`\n${name}:\n${score.failures.map((f) => `  ${f.replace(/\n/g, '\n  ')}`).join('\n')}`)
  }
}

// ---------------------------------------------------------------- dataset runs

export interface PageScore {
  precision: number
  recall: number
  f1: number
  shingle?: ShingleDoc
  snippets?: SnippetCounts
}

function scorePage(gold: Gold, output: string): PageScore {
  if (gold.kind === 'aeb') {
    const shingle = scoreShingles(gold.articleBody, output)
    return { precision: shingle.precision, recall: shingle.recall, f1: shingle.f1, shingle }
  }
  const snippets = scoreSnippets(output, gold.with, gold.without)
  return { ...snippetPageScores(snippets), snippets }
}

export interface SystemSummary {
  system: string
  pages: number
  f1: number
  precision: number
  recall: number
  /** AEB only: share of pages whose tokens equal the truth. */
  accuracy: number | null
  medianMs: number
  p95Ms: number
  /** Pages where the system threw (or, for a peer, gave nothing): scored as empty output. */
  errors: number
  /** trafilatura set, systems that read metadata: title/author/date scores over the run's pages and per split. */
  metadata: Record<'all' | 'dev' | 'holdout', MetaSummary> | null
  /** F1, P and R per language of the gold text (languages with few pages pooled as `other`). */
  byLanguage: Record<string, { pages: number; f1: number; precision: number; recall: number }>
}

export interface PageResult {
  key: string
  url: string | null
  split: 'dev' | 'holdout'
  /** Language of the gold text (franc via src/text/lang.ts), `und` when too short to tell. */
  lang: string
  systems: Record<string, { precision: number; recall: number; f1: number; ms: number; error: string | null; meta?: MetaFields; metaScore?: MetaPageScore }>
}

export interface RunResult {
  id: string
  kind: DatasetKind
  mode: Mode
  split: Split
  summaries: SystemSummary[]
  pages: PageResult[]
  /** Per system, the pages that failed and why. */
  errors: Record<string, Array<{ key: string; message: string }>>
  /** What each system output, per page (for `--worst`; not written to JSON). */
  outputs: Record<string, string[]>
  gold: Gold[]
  /** HTML runs: decoding and parsing alone (linkedom, as decant parses), the floor any extractor on that parser pays. */
  parseFloor: { medianMs: number; p95Ms: number } | null
}

/** Linear interpolation between closest ranks (numpy's default). */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

/**
 * Lets the event loop turn between pages, outside the timings, as it does
 * between a server's requests. jsdom frees a closed window only then: in a
 * loop that never yields, every page's DOM stays alive (3.5 MB a page), and
 * the peer's collections grow with the heap.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export interface RunOptions {
  root: string
  kind: DatasetKind
  mode: Mode
  split?: Split
  limit?: number
  extract: Extract
  peer?: Peer | null
  /** Called after each page (progress display). */
  onPage?: (done: number, total: number) => void
  /**
   * Rounds of timed passes (default 1). Every round times each system and the
   * parse floor in turn, so that the machine's drift falls on all of them; a
   * page's time is the median of its rounds. Only the first round is scored.
   */
  repeat?: number
}

/** Fewest pages a language needs for a row of its own in the per-language table. */
const MIN_LANGUAGE_PAGES = 8

/** Page indices per language, the rare ones pooled as `other`; largest groups first. */
function languageGroups(pages: PageResult[]): Map<string, number[]> {
  const byLang = new Map<string, number[]>()
  pages.forEach((p, i) => byLang.set(p.lang, [...(byLang.get(p.lang) ?? []), i]))
  const groups = new Map<string, number[]>()
  for (const [lang, indices] of [...byLang].sort((a, b) => b[1].length - a[1].length)) {
    const group = indices.length >= MIN_LANGUAGE_PAGES ? lang : 'other'
    groups.set(group, [...(groups.get(group) ?? []), ...indices])
  }
  return groups
}

function aggregate(kind: DatasetKind, list: PageScore[]): { pages: number; f1: number; precision: number; recall: number } {
  const agg = kind === 'aeb' ? aggregateShingles(list.map((s) => s.shingle!)) : aggregateSnippets(list.map((s) => s.snippets!))
  return { pages: list.length, f1: agg.f1, precision: agg.precision, recall: agg.recall }
}

export async function runDataset(o: RunOptions): Promise<RunResult> {
  const split = o.split ?? 'all'
  let pages = listPages(o.root, o.kind, o.mode, split)
  if (o.limit !== undefined) pages = pages.slice(0, o.limit)
  const systems: Array<{ name: string; run: (input: Uint8Array | string, url: string | undefined) => { text: string; failure?: string; meta?: MetaFields } }> = [
    {
      name: 'decant',
      run: (input, url) => {
        const a = o.extract(input, { mode: o.mode, ...(url ? { url } : {}) })
        return { text: a.body, meta: { title: a.title, byline: a.byline, published: a.published } }
      },
    },
  ]
  if (o.peer) systems.push(o.peer)

  const outputs: Record<string, string[]> = {}
  const errors: Record<string, Array<{ key: string; message: string }>> = {}
  const ms: Record<string, number[]> = {}
  const scores: Record<string, PageScore[]> = {}
  const metaGold: Map<string, MetaGold> = o.kind === 'traf' ? loadMetadataGold(o.root) : new Map()
  const metaPages: Record<string, Array<{ result: PageResult; gold: MetaGold; got: MetaFields | undefined }>> = {}
  for (const s of systems) {
    outputs[s.name] = []
    errors[s.name] = []
    ms[s.name] = []
    scores[s.name] = []
    metaPages[s.name] = []
  }
  // Each page's times over the rounds, per system and for the parse floor (empty: no time).
  const times: Record<string, number[][]> = {}
  for (const s of systems) times[s.name] = pages.map(() => [])
  const parseTimes: number[][] = pages.map(() => [])
  const repeat = Math.max(1, o.repeat ?? 1)
  // One pass per system, not the systems in turn on each page: in one process a
  // system's leftover garbage is collected on the next one's time (jsdom's
  // inflated decant's median by a quarter when they alternated).
  const passes = (systems.length + (o.mode === 'html' ? 1 : 0)) * repeat
  let done = 0
  const step = () => o.onPage?.(++done, pages.length * passes)
  const results: PageResult[] = pages.map((page) => {
    const goldText = page.gold.kind === 'aeb' ? page.gold.articleBody : page.gold.with.join('\n')
    return { key: page.key, url: page.url ?? null, split: splitOf(page.site), lang: detectLanguage(goldText)?.split('-')[0] ?? 'und', systems: {} }
  })
  const load = (page: Page): { input: Uint8Array | string; loadError: null } | { input: null; loadError: string } => {
    try {
      return { input: page.load(), loadError: null }
    } catch (e) {
      return { input: null, loadError: `cannot read the page: ${messageOf(e)}` }
    }
  }
  // A run kept for its time alone (a warm-up, a later round): the scored pass records the output and any error.
  const timeOnly = (s: (typeof systems)[number], page: Page): number | null => {
    const { input } = load(page)
    if (input === null) return null
    const start = performance.now()
    try {
      s.run(input, page.url)
    } catch {
      // Recorded by the scored pass.
    }
    return performance.now() - start
  }
  for (const s of systems) {
    // Untimed runs first, so that neither system's median carries its
    // start-up: loading modules and language data, and the JIT's first
    // compilations, which on 2 cores compete with the pass they serve.
    for (const page of pages.slice(0, WARM_UP_PAGES)) {
      timeOnly(s, page)
      await settle()
    }
    for (const [i, page] of pages.entries()) {
      const { input, loadError } = load(page)
      const result = results[i]!
      let text = ''
      let error = loadError
      let elapsed = 0
      let meta: MetaFields | undefined
      if (input !== null) {
        const start = performance.now()
        try {
          const out = s.run(input, page.url)
          text = out.text
          error = out.failure ?? null
          meta = out.meta
        } catch (e) {
          error = messageOf(e)
        }
        elapsed = performance.now() - start
      }
      if (error !== null) errors[s.name]!.push({ key: page.key, message: error })
      const score = scorePage(page.gold, text)
      outputs[s.name]!.push(text)
      scores[s.name]!.push(score)
      if (input !== null) times[s.name]![i]!.push(elapsed)
      result.systems[s.name] = { precision: score.precision, recall: score.recall, f1: score.f1, ms: 0, error }
      const gold = metaGold.get(page.key)
      if (gold) metaPages[s.name]!.push({ result, gold, got: meta })
      step()
      await settle()
    }
  }
  const timeParse = async (): Promise<void> => {
    for (const [i, page] of pages.entries()) {
      const { input } = load(page)
      if (input !== null) {
        const start = performance.now()
        try {
          parseHtml(typeof input === 'string' ? input : decode(input).text, settings.limits)
          parseTimes[i]!.push(performance.now() - start)
        } catch (error) {
          // A page over a parse limit has no floor to measure (decant's row reports the same error); anything else is a bug.
          if (!isDecantError(error)) throw error
        }
      }
      step()
      await settle()
    }
  }
  if (o.mode === 'html') await timeParse()
  for (let round = 1; round < repeat; round++) {
    for (const s of systems) {
      for (const [i, page] of pages.entries()) {
        const elapsed = timeOnly(s, page)
        if (elapsed !== null) times[s.name]![i]!.push(elapsed)
        step()
        await settle()
      }
    }
    if (o.mode === 'html') await timeParse()
  }
  for (const s of systems) {
    times[s.name]!.forEach((list, i) => {
      if (list.length === 0) return
      const pageMs = quantile(list, 0.5)
      ms[s.name]!.push(pageMs)
      results[i]!.systems[s.name]!.ms = Math.round(pageMs * 100) / 100
    })
  }
  const parseMs = parseTimes.filter((list) => list.length > 0).map((list) => quantile(list, 0.5))

  const summaries = systems.map(({ name }): SystemSummary => {
    const list = scores[name]!
    // A system that reads metadata at all is scored on every page with gold; a page where it failed counts as all-null.
    const metaList = metaPages[name]!.some((m) => m.got)
      ? metaPages[name]!.map(({ result, gold, got }) => {
          const meta = got ?? { title: null, byline: null, published: null }
          const score = scoreMetadata(gold, meta)
          result.systems[name] = { ...result.systems[name]!, meta, metaScore: score }
          return { split: result.split, score }
        })
      : []
    const metadata =
      metaList.length === 0
        ? null
        : {
            all: aggregateMetadata(metaList.map((m) => m.score)),
            dev: aggregateMetadata(metaList.filter((m) => m.split === 'dev').map((m) => m.score)),
            holdout: aggregateMetadata(metaList.filter((m) => m.split === 'holdout').map((m) => m.score)),
          }
    const byLanguage = Object.fromEntries(
      [...languageGroups(results)].map(([group, indices]) => [group, aggregate(o.kind, indices.map((i) => list[i]!))]),
    )
    const base = { system: name, pages: list.length, medianMs: quantile(ms[name]!, 0.5), p95Ms: quantile(ms[name]!, 0.95), errors: errors[name]!.length, metadata, byLanguage }
    if (o.kind === 'aeb') {
      const agg = aggregateShingles(list.map((s) => s.shingle!))
      return { ...base, f1: agg.f1, precision: agg.precision, recall: agg.recall, accuracy: agg.accuracy }
    }
    const agg = aggregateSnippets(list.map((s) => s.snippets!))
    return { ...base, f1: agg.f1, precision: agg.precision, recall: agg.recall, accuracy: null }
  })
  return { id: `${o.kind}-${o.mode}`, kind: o.kind, mode: o.mode, split, summaries, pages: results, errors, outputs, gold: pages.map((p) => p.gold),
    parseFloor: parseMs.length > 0 ? { medianMs: quantile(parseMs, 0.5), p95Ms: quantile(parseMs, 0.95) } : null,
  }
}

// ---------------------------------------------------------------- printing

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`)
  for (const r of rows) console.log(line(r))
}

const RUN_HEADER = ['run', 'pages', 'F1', 'P', 'R', 'acc', 'median ms', 'p95 ms', 'errors']

function summaryRow(run: RunResult, s: SystemSummary): string[] {
  return [
    `${run.id} ${s.system}`,
    String(s.pages),
    s.f1.toFixed(4),
    s.precision.toFixed(4),
    s.recall.toFixed(4),
    s.accuracy === null ? '-' : s.accuracy.toFixed(3),
    s.medianMs.toFixed(1),
    s.p95Ms.toFixed(1),
    String(s.errors),
  ]
}

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

export function printRun(run: RunResult, worst = 0): void {
  console.log(`\n## ${run.id} (split ${run.split})\n`)
  printTable(RUN_HEADER, run.summaries.map((s) => summaryRow(run, s)))
  if (run.parseFloor) console.log(`\nparse floor (decode + linkedom parse only): median ${run.parseFloor.medianMs.toFixed(1)} ms, p95 ${run.parseFloor.p95Ms.toFixed(1)} ms`)
  for (const [system, list] of Object.entries(run.errors)) {
    if (list.length === 0) continue
    // Group by message: one broken stage fails many pages the same way.
    const byMessage = new Map<string, string[]>()
    for (const { key, message } of list) byMessage.set(message, [...(byMessage.get(message) ?? []), key])
    console.log(`\n${system}: ${list.length} page(s) failed, scored as empty output`)
    for (const [message, keys] of byMessage) console.log(`  ${keys.length}× ${clip(message, 160)}  (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''})`)
  }
  printLanguages(run)
  if (worst > 0) printWorst(run, worst)
}

function printLanguages(run: RunResult): void {
  const groups = Object.keys(run.summaries[0]?.byLanguage ?? {})
  if (groups.length < 2) return
  console.log(`\n${run.id}: F1 (P / R) per language of the gold text\n`)
  const cell = (s: SystemSummary, g: string) => {
    const x = s.byLanguage[g]!
    return `${x.f1.toFixed(3)} (${x.precision.toFixed(2)} / ${x.recall.toFixed(2)})`
  }
  printTable(
    ['language', 'pages', ...run.summaries.map((s) => s.system)],
    groups.map((g) => [g, String(run.summaries[0]!.byLanguage[g]!.pages), ...run.summaries.map((s) => cell(s, g))]),
  )
}

function printWorst(run: RunResult, n: number): void {
  const order = run.pages
    .map((p, i) => ({ p, i, s: p.systems.decant! }))
    .sort((a, b) => a.s.f1 - b.s.f1 || (a.p.key < b.p.key ? -1 : 1))
    .slice(0, n)
  console.log(`\n${run.id}: the ${order.length} worst pages for decant\n`)
  for (const { p, i, s } of order) {
    const gold = run.gold[i]!
    const out = run.outputs.decant![i]!
    console.log(`- ${p.key}${p.url && p.url !== p.key ? ` (${p.url})` : ''}  F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}${s.error ? `  error: ${clip(s.error, 120)}` : ''}`)
    console.log(`    ours:  ${clip(out, 200) || '(empty)'}`)
    if (gold.kind === 'aeb') {
      console.log(`    truth: ${clip(gold.articleBody, 200)}`)
    } else {
      const folded = fold(out)
      const missed = gold.with.filter((w) => !folded.includes(fold(w)))
      const leaked = gold.without.filter((w) => folded.includes(fold(w)))
      console.log(`    truth: ${clip(gold.with.join(' | '), 200)}`)
      if (missed.length) console.log(`    missed (${missed.length}): ${clip(missed.join(' | '), 200)}`)
      if (leaked.length) console.log(`    leaked (${leaked.length}): ${clip(leaked.join(' | '), 200)}`)
    }
  }
}

// ---------------------------------------------------------------- metadata

const share = (v: number | null) => (v === null ? '-' : v.toFixed(3))

/**
 * The metadata table: every system that reads metadata on a trafilatura-set
 * run (decant on HTML and on the text renderings, Readability on HTML), per
 * split, so that dev and holdout read side by side.
 */
export function printMetadata(runs: RunResult[]): void {
  const rows: string[][] = []
  for (const run of runs) {
    for (const s of run.summaries) {
      if (!s.metadata) continue
      const splits = run.split === 'all' ? (['dev', 'holdout', 'all'] as const) : ([run.split] as const)
      for (const split of splits) {
        const m = s.metadata[split]
        rows.push([`${run.id} ${s.system}`, split, String(m.pages), share(m.title), share(m.titleF1), share(m.author), share(m.date)])
      }
    }
  }
  if (rows.length === 0) return
  console.log('\n## metadata (trafilatura set evaldata: title exact / token F1, author name sets, date day)\n')
  printTable(['run', 'split', 'pages', 'title', 'title F1', 'author', 'date'], rows)
}

// ---------------------------------------------------------------- floors

export type Floors = Record<string, Record<string, number>>

const META_FLOOR_KEYS = { title: true, titleF1: true, author: true, date: true } as const

/** Every floor missed, in words; floors of runs that did not run are reported apart. */
export function checkFloors(floors: Floors, seeds: SeedRow[], runs: RunResult[]): { missed: string[]; skipped: string[] } {
  const missed: string[] = []
  const skipped: string[] = []
  for (const [id, metrics] of Object.entries(floors)) {
    for (const [metric, floor] of Object.entries(metrics)) {
      let value: number | undefined
      if (id === 'seeds' && metric === 'pass') value = seeds.filter((s) => s.score?.ok).length
      else {
        const summary = runs.find((r) => r.id === id)?.summaries.find((s) => s.system === 'decant')
        // Metadata floors (title, titleF1, author, date) are met by the scores over the run's pages.
        const meta = summary?.metadata?.all
        const v = meta && metric in META_FLOOR_KEYS ? meta[metric as keyof typeof META_FLOOR_KEYS] : summary?.[metric as keyof SystemSummary]
        value = typeof v === 'number' ? v : undefined
      }
      if (value === undefined) skipped.push(`${id} ${metric}`)
      else if (value < floor) missed.push(`${id} ${metric}: ${Number(value.toFixed(4))} < ${floor}`)
    }
  }
  return { missed, skipped }
}

// ---------------------------------------------------------------- CLI

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: 'string' },
      mode: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'string' },
      worst: { type: 'string' },
      'no-peers': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      split: { type: 'string', default: 'all' },
      repeat: { type: 'string' },
    },
    strict: true,
  })
  const split = values.split as Split
  if (!['dev', 'holdout', 'all'].includes(split)) throw new Error(`--split must be dev, holdout or all, not ${values.split}`)
  const modes: Mode[] = values.mode === undefined ? ['html', 'text'] : values.mode === 'html' || values.mode === 'text' ? [values.mode] : []
  if (modes.length === 0) throw new Error(`--mode must be html or text, not ${values.mode}`)
  const count = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not ${v}`)
    return n
  }
  const limit = count('limit', values.limit)
  const worst = count('worst', values.worst) ?? 0
  const repeat = count('repeat', values.repeat) ?? 1
  if (repeat < 1) throw new Error('--repeat takes at least 1')
  const datasetDir = values.dataset !== undefined ? path.resolve(values.dataset) : existsSync(defaultDatasets) ? defaultDatasets : null
  if (values.dataset !== undefined && !existsSync(datasetDir!)) throw new Error(`no such directory: ${datasetDir}`)

  const decant = await loadDecant()
  const subset = [split !== 'all' ? `split ${split}` : '', limit !== undefined ? `first ${limit} pages` : ''].filter(Boolean).join(', ')
  console.log(`# decant bench: split ${split} (sha1(hostname) mod 4 = 0 is holdout)${limit !== undefined ? `, first ${limit} pages per run` : ''}${repeat > 1 ? `, a page's time the median of ${repeat} rounds` : ''}`)
  console.log(`datasets: ${datasetDir ?? 'none (../shared/datasets not found; use --dataset DIR)'}`)

  const seeds = runSeeds(decant.analyze)
  printSeeds(seeds)

  const runs: RunResult[] = []
  if (datasetDir) {
    const sets = findDatasets(datasetDir)
    if (!sets.aeb && !sets.traf) console.log(`\nno aeb/ or traf/ set under ${datasetDir}`)
    for (const mode of modes) {
      for (const kind of ['aeb', 'traf'] as const) {
        const root = sets[kind]
        if (!root) continue
        if (!hasMode(root, kind, mode)) {
          console.log(`\n## ${kind}-${mode}: skipped, ${root} has no ${mode} files`)
          continue
        }
        const peer = values['no-peers'] ? null : mode === 'html' ? readabilityPeer : wholePagePeer
        const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\r${kind}-${mode} ${done}/${total}${done === total ? '\r\x1b[K' : ''}`) : undefined
        const run = await runDataset({ root, kind, mode, split, limit, extract: decant.extract, peer, onPage: progress, repeat })
        printRun(run, worst)
        runs.push(run)
      }
    }
    if (runs.length > 1) {
      console.log(`\n## all runs${subset ? ` (${subset})` : ''}\n`)
      printTable(RUN_HEADER, runs.flatMap((run) => run.summaries.map((s) => summaryRow(run, s))))
    }
    printMetadata(runs)
  }

  if (values.json) {
    const json = {
      split,
      limit: limit ?? null,
      datasets: datasetDir,
      seeds: seeds.map(({ name, score, error }) => ({ name, error, ...(score ?? {}) })),
      runs: runs.map(({ outputs: _o, gold: _g, ...run }) => run),
    }
    writeFileSync(values.json, `${JSON.stringify(json, null, 1)}\n`)
    console.log(`\nwrote ${values.json}`)
  }

  if (values.check) {
    const floors = JSON.parse(readFileSync(path.join(import.meta.dirname, 'floors.json'), 'utf8')) as Floors
    const { missed, skipped } = checkFloors(floors, seeds, runs)
    console.log(`\n## floors (bench/floors.json)${subset ? `, measured on ${subset}` : ''}\n`)
    if (skipped.length) console.log(`not measured in this run: ${skipped.join(', ')}`)
    if (missed.length) {
      console.log(`missed ${missed.length}:\n${missed.map((m) => `  ${m}`).join('\n')}`)
      return 1
    }
    console.log('every measured floor is met')
  }
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      console.error(`bench: ${messageOf(e)}`)
      process.exitCode = 2
    },
  )
}
