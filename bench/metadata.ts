/**
 * Metadata scoring against the gold of trafilatura's evaluation set
 * (`title`, `author`, `date` in evaldata.json; `''` means "the page has
 * none", so only an empty answer scores there):
 *
 * - title: exact after whitespace folding, and token F1 (lower-cased `\w+`
 *   tokens as bags, so that a near miss still counts for something);
 * - author: exact, comparing the sets of names (split at commas, semicolons,
 *   slashes, ampersands, "and"/"und"; case and whitespace folded), so that
 *   "A and B" equals ["B", "A"];
 * - date: the same day (`YYYY-MM-DD`, whatever time or offset follows).
 *
 * The scorers are written here once, independent of src/, and tested in
 * test/metadata-metrics.test.ts on hand-computed cases.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fold, tokenize } from './metrics.js'

/** What a system says about a page (decant's Article fields; Readability's title, byline, publishedTime). */
export interface MetaFields {
  title: string | null
  byline: string | null
  published: string | null
}

/** One page's gold; a field left out is not scored on that page. */
export interface MetaGold {
  title?: string
  author?: string | string[]
  date?: string
}

/**
 * Whitespace folded, in Unicode NFC (a precomposed and a decomposed letter
 * are the same text), without soft hyphens and zero-width spaces (a reader
 * never sees them; gold copied from the page keeps them, extractors may not).
 */
export function normalise(value: string | null | undefined): string {
  return fold((value ?? '').normalize('NFC').replace(/[\u00ad\u200b\u2060\ufeff]/g, ''))
}

const empty = (value: string | null | undefined): boolean => normalise(value) === ''

/** Title equal to the gold after normalising; an empty gold wants an empty answer. */
export function titleExact(gold: string, got: string | null): boolean {
  if (empty(gold)) return empty(got)
  return normalise(gold) === normalise(got)
}

/** F1 of the lower-cased word tokens of both titles, counted as bags; 1 when both are empty. */
export function titleTokenF1(gold: string, got: string | null): number {
  const a = tokenize(normalise(gold).toLowerCase())
  const b = tokenize(normalise(got).toLowerCase())
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  const bag = new Map<string, number>()
  for (const t of a) bag.set(t, (bag.get(t) ?? 0) + 1)
  let common = 0
  for (const t of b) {
    const n = bag.get(t) ?? 0
    if (n > 0) {
      common++
      bag.set(t, n - 1)
    }
  }
  if (common === 0) return 0
  const precision = common / b.length
  const recall = common / a.length
  return (2 * precision * recall) / (precision + recall)
}

/** Separators between names in a byline or a gold author string. */
const NAME_SEPARATOR = /\s*[,;/&|]\s*|\s+(?:and|und)\s+/iu

/** A lead word before the names ("Von A und B" in one gold entry): DESIGN.md's byline has none, so it is not compared. */
const LEAD_WORD = /^(?:by|von|par|por|door)\s+/iu

/** The set of names in an author value, case and whitespace folded, sorted. */
export function nameSet(value: string | readonly string[] | null | undefined): string[] {
  const list = typeof value === 'string' ? [value] : (value ?? [])
  const names = list
    .flatMap((v) => normalise(v).replace(LEAD_WORD, '').split(NAME_SEPARATOR))
    .map((n) => normalise(n).toLowerCase())
    .filter(Boolean)
  return [...new Set(names)].sort()
}

/** The same names on both sides; an empty gold wants no byline. */
export function authorExact(gold: string | readonly string[], got: string | null): boolean {
  const a = nameSet(gold)
  const b = nameSet(got)
  return a.length === b.length && a.every((n, i) => n === b[i])
}

/** `YYYY-MM-DD` of a date or date-time (month and day zero-padded), or '' when there is none. */
export function dayOf(value: string | null | undefined): string {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value ?? '')
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : ''
}

/** The same day; an empty gold wants no date. */
export function dateExact(gold: string, got: string | null): boolean {
  return dayOf(gold) === dayOf(got)
}

/** Per-page verdicts; a field the gold does not carry is undefined. */
export interface MetaPageScore {
  title?: boolean
  titleF1?: number
  author?: boolean
  date?: boolean
}

export function scoreMetadata(gold: MetaGold, got: MetaFields): MetaPageScore {
  const score: MetaPageScore = {}
  if (gold.title !== undefined) {
    score.title = titleExact(gold.title, got.title)
    score.titleF1 = titleTokenF1(gold.title, got.title)
  }
  if (gold.author !== undefined) score.author = authorExact(gold.author, got.byline)
  if (gold.date !== undefined) score.date = dateExact(gold.date, got.published)
  return score
}

/** Shares over the pages that carry each field (null when none does). */
export interface MetaSummary {
  pages: number
  title: number | null
  titleF1: number | null
  author: number | null
  date: number | null
  /** Pages scored per field. */
  counts: { title: number; author: number; date: number }
}

export function aggregateMetadata(scores: readonly MetaPageScore[]): MetaSummary {
  const share = (values: Array<boolean | number>): number | null =>
    values.length === 0 ? null : values.reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : v ? 1 : 0), 0) / values.length
  const titles = scores.flatMap((s) => (s.title === undefined ? [] : [s.title]))
  const titleF1s = scores.flatMap((s) => (s.titleF1 === undefined ? [] : [s.titleF1]))
  const authors = scores.flatMap((s) => (s.author === undefined ? [] : [s.author]))
  const dates = scores.flatMap((s) => (s.date === undefined ? [] : [s.date]))
  return {
    pages: scores.filter((s) => s.title !== undefined || s.author !== undefined || s.date !== undefined).length,
    title: share(titles),
    titleF1: share(titleF1s),
    author: share(authors),
    date: share(dates),
    counts: { title: titles.length, author: authors.length, date: dates.length },
  }
}

/** The metadata gold of a trafilatura-set root, by evaldata key; pages without any metadata gold are left out. */
export function loadMetadataGold(root: string): Map<string, MetaGold> {
  const evaldata = JSON.parse(readFileSync(join(root, 'evaldata.json'), 'utf8')) as Record<string, MetaGold & Record<string, unknown>>
  const gold = new Map<string, MetaGold>()
  for (const [key, entry] of Object.entries(evaldata)) {
    const g: MetaGold = {}
    if (typeof entry.title === 'string') g.title = entry.title
    if (typeof entry.author === 'string' || Array.isArray(entry.author)) g.author = entry.author
    if (typeof entry.date === 'string') g.date = entry.date
    if (Object.keys(g).length > 0) gold.set(key, g)
  }
  return gold
}
