/**
 * Scoring of one seed page against its gold (DESIGN.md, "Seeds and their
 * gold"). Shared by test/seeds.test.ts and the bench's seeds report, so that
 * the test and the report can never disagree.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Analysis, ChromeKind } from '../src/types.js'
import { fold, scoreShingles, tokenize } from './metrics.js'

export interface SeedGold {
  file: string
  title: string | null
  byline: string | null
  /** Accepted values; `null` among them when no source is stated. */
  source: Array<string | null>
  published: string | null
  description?: string | null
  body: string[]
  optional: string[]
  chrome: Array<{ kind: ChromeKind; text: string }>
}

export interface Seed {
  /** File name without `.txt`. */
  name: string
  text: string
  gold: SeedGold
}

export const BODY_F1_MIN = 0.98
export const LABEL_ACCURACY_MIN = 0.9
/**
 * Chrome lines up to this length ("News", "Close", "Advertisement") occur
 * naturally inside prose, so they leak only as a paragraph of their own.
 */
const SHORT_CHROME_CHARS = 20

/** Every `NNN_*.txt` in `dir` with its `.expected.json` beside it. */
export function loadSeeds(dir: string): Seed[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.txt'.length)
      return {
        name,
        text: readFileSync(join(dir, f), 'utf8'),
        gold: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as SeedGold,
      }
    })
}

interface Item {
  ok: boolean
  /** What was expected and what came out, in words; empty when ok. */
  message: string
}

export interface SeedScore {
  ok: boolean
  title: Item & { expected: string | null; actual: string | null }
  byline: Item & { expected: string | null; actual: string | null }
  source: Item & { expected: Array<string | null>; actual: string | null }
  published: Item & { actual: string | null }
  body: Item & { f1: number; precision: number; recall: number; missing: string[]; extra: string[] }
  leaks: Item & { lines: Array<{ kind: ChromeKind; text: string }> }
  labels: Item & {
    accuracy: number
    matched: number
    total: number
    /** Gold chrome lines not removed with their kind, and what became of them. */
    misses: Array<{ kind: ChromeKind; text: string; got: string }>
  }
  /** The messages of every item that is not ok. */
  failures: string[]
}

const show = (value: string | null) => (value === null ? 'null' : JSON.stringify(value))
const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const foldOrNull = (value: string | null) => (value === null ? null : fold(value))

function exact(what: string, expected: string | null, actual: string | null) {
  const ok = foldOrNull(expected) === foldOrNull(actual)
  return { ok, expected, actual, message: ok ? '' : `${what}: expected ${show(expected)}, got ${show(actual)}` }
}

/** Fold, cut out every optional string (leaving a space so that words do not merge), fold again. */
function withoutOptional(text: string, optional: readonly string[]): string {
  let out = fold(text)
  for (const o of optional.map(fold).filter(Boolean)) out = out.split(o).join(' ')
  return fold(out)
}

export function scoreSeed(gold: SeedGold, analysis: Analysis): SeedScore {
  const { article } = analysis
  const title = exact('title', gold.title, article.title)
  const byline = exact('byline', gold.byline, article.byline)

  const accepted = gold.source.map((s) => (s === null ? null : fold(s).toLowerCase()))
  const sourceOk = accepted.includes(article.source === null ? null : fold(article.source).toLowerCase())
  const source = {
    ok: sourceOk,
    expected: gold.source,
    actual: article.source,
    message: sourceOk ? '' : `source: expected one of ${gold.source.map(show).join(', ')}, got ${show(article.source)}`,
  }

  const published = {
    ok: article.published === null,
    actual: article.published,
    message: article.published === null ? '' : `published: expected null (no seed states its own date), got ${show(article.published)}`,
  }

  const truth = withoutOptional(gold.body.join('\n\n'), gold.optional)
  const pred = withoutOptional(article.body, gold.optional)
  const shingle = scoreShingles(truth, pred)
  // Which paragraphs differ, so that a low F1 says where to look; compared
  // as word sequences, as the metric sees them.
  const words = (text: string) => ` ${tokenize(text).join(' ')} `
  const differ = (paragraphs: string[], other: string) =>
    paragraphs.map((p) => withoutOptional(p, gold.optional)).filter((p) => tokenize(p).length > 0 && !words(other).includes(words(p)))
  const missing = differ(gold.body, pred)
  const extra = differ(article.paragraphs, truth)
  const bodyOk = shingle.f1 >= BODY_F1_MIN
  const body = {
    ok: bodyOk,
    f1: shingle.f1,
    precision: shingle.precision,
    recall: shingle.recall,
    missing,
    extra,
    message: bodyOk
      ? ''
      : [
          `body: expected shingle F1 ≥ ${BODY_F1_MIN}, got ${shingle.f1.toFixed(4)} (P ${shingle.precision.toFixed(4)}, R ${shingle.recall.toFixed(4)}, ${article.paragraphs.length} paragraphs for ${gold.body.length})`,
          ...missing.slice(0, 3).map((p) => `  missing: "${clip(p)}"`),
          ...extra.slice(0, 3).map((p) => `  extra: "${clip(p)}"`),
        ].join('\n'),
  }

  const paragraphs = new Set(article.paragraphs.map(fold))
  const bodyText = fold(article.body)
  const goldBody = fold(gold.body.join('\n\n'))
  const seen = new Set<string>()
  const leaked: Array<{ kind: ChromeKind; text: string }> = []
  for (const { kind, text } of gold.chrome) {
    const line = fold(text)
    if (seen.has(line)) continue
    seen.add(line)
    // A long line inside the body counts too, unless the article itself quotes it.
    const inside = line.length > SHORT_CHROME_CHARS && bodyText.includes(line) && !goldBody.includes(line)
    if (paragraphs.has(line) || inside) leaked.push({ kind, text: line })
  }
  const leaks = {
    ok: leaked.length === 0,
    lines: leaked,
    message: leaked.length === 0 ? '' : [`chrome in the body: expected none, got ${leaked.length}`, ...leaked.map((l) => `  [${l.kind}] "${clip(l.text)}"`)].join('\n'),
  }

  // Each gold line takes a distinct removed block with the same text and kind;
  // exact matches go first so that a wrong-kind twin cannot steal one.
  const removed = article.removed.map((r) => ({ kind: r.kind as string, text: fold(r.text), used: false }))
  const lines = gold.chrome.map((c) => ({ ...c, line: fold(c.text), matched: false }))
  for (const l of lines) {
    const hit = removed.find((r) => !r.used && r.text === l.line && r.kind === l.kind)
    if (hit) hit.used = l.matched = true
  }
  const misses = lines
    .filter((l) => !l.matched)
    .map((l) => {
      const other = removed.find((r) => !r.used && r.text === l.line)
      if (other) other.used = true
      const got = other ? `removed as ${other.kind}` : paragraphs.has(l.line) ? 'kept in the body' : 'not removed as a block of its own'
      return { kind: l.kind, text: l.line, got }
    })
  const total = gold.chrome.length
  const matched = total - misses.length
  const accuracy = total === 0 ? 1 : matched / total
  const labelsOk = accuracy >= LABEL_ACCURACY_MIN
  const labels = {
    ok: labelsOk,
    accuracy,
    matched,
    total,
    misses,
    message: labelsOk
      ? ''
      : [
          `label accuracy: expected ≥ ${LABEL_ACCURACY_MIN}, got ${accuracy.toFixed(3)} (${matched} of ${total} chrome lines removed with their kind)`,
          ...misses.map((m) => `  [${m.kind}] "${clip(m.text, 60)}": ${m.got}`),
        ].join('\n'),
  }

  const items = [title, byline, source, published, body, leaks, labels]
  return {
    ok: items.every((i) => i.ok),
    title,
    byline,
    source,
    published,
    body,
    leaks,
    labels,
    failures: items.filter((i) => !i.ok).map((i) => i.message),
  }
}
