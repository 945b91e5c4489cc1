/**
 * The two metrics of DESIGN.md, as pure functions. They reproduce the
 * reference arithmetic (ScrapingHub article-extraction-benchmark evaluate.py;
 * trafilatura's evaluation), so that our numbers compare with published ones.
 */

/**
 * Python's `str.split()` whitespace, not JS `\s`: the references fold with
 * Python, which also splits on U+001C–U+001F and U+0085 but not on U+FEFF.
 */
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu

/** Collapse whitespace runs to one space and trim, as `' '.join(s.split())`. */
export function fold(text: string): string {
  // Not String#trim: it would also strip U+FEFF.
  return text.replace(PY_WHITESPACE, ' ').replace(/^ | $/g, '')
}

/** Python's Unicode `\w`: letters, numbers (Nd, Nl, No) and underscore; not combining marks. */
const TOKEN = /[\p{L}\p{N}_]+/gu

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

const SHINGLE_N = 4

/**
 * 4-gram shingles as a multiset. Fewer than four tokens give one shingle of
 * all of them, none give none (evaluate.py's `range(max(1, len - n + 1))`).
 */
export function shingles(tokens: readonly string[], n = SHINGLE_N): Map<string, number> {
  const counts = new Map<string, number>()
  const last = Math.max(1, tokens.length - n + 1)
  for (let i = 0; i < last && tokens.length > 0; i++) {
    // Tokens hold no spaces, so a space-joined key is unambiguous.
    const key = tokens.slice(i, i + n).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

export interface ShingleDoc {
  /** tp, fp, fn normalised by their sum (all 0 when both texts are empty). */
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
  /** The token sequences are equal (AEB's "accuracy"). */
  exact: boolean
}

/** evaluate.py's `_precision`/`_recall`: an exact match is 1, nothing found is 0. */
function ratio(tp: number, other: number, rest: number): number {
  if (other === 0 && rest === 0) return 1
  if (tp === 0 && other === 0) return 0
  return tp / (tp + other)
}

function harmonic(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0
}

/** Shingle matching of one document. */
export function scoreShingles(truth: string, pred: string): ShingleDoc {
  const trueTokens = tokenize(truth)
  const predTokens = tokenize(pred)
  const t = shingles(trueTokens)
  const p = shingles(predTokens)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0
    tp += Math.min(tc, pc)
    fn += Math.max(0, tc - pc)
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0))
  const sum = tp + fp + fn
  if (sum > 0) {
    tp /= sum
    fp /= sum
    fn /= sum
  }
  const precision = ratio(tp, fp, fn)
  const recall = ratio(tp, fn, fp)
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: harmonic(precision, recall),
    exact: trueTokens.length === predTokens.length && trueTokens.every((token, i) => token === predTokens[i]),
  }
}

export interface ShingleAggregate {
  docs: number
  precision: number
  recall: number
  f1: number
  accuracy: number
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}

/**
 * Macro average as evaluate.py: precision over documents where something was
 * predicted, recall over documents where there was something to find, F1 of
 * those two means (not a mean of per-document F1).
 */
export function aggregateShingles(docs: readonly ShingleDoc[]): ShingleAggregate {
  const precision = mean(docs.filter((d) => d.tp + d.fp > 0).map((d) => d.precision))
  const recall = mean(docs.filter((d) => d.tp + d.fn > 0).map((d) => d.recall))
  return {
    docs: docs.length,
    precision,
    recall,
    f1: harmonic(precision, recall),
    accuracy: mean(docs.map((d) => (d.exact ? 1 : 0))),
  }
}

export interface SnippetCounts {
  tp: number
  fp: number
  fn: number
  tn: number
}

/**
 * trafilatura's `evaluate_result`: `with` snippets found are true positives,
 * missing ones false negatives; `without` snippets found are false positives.
 * Both sides are whitespace folded (the published whole-page recall, 0.9938,
 * needs the snippets folded too).
 */
export function scoreSnippets(pred: string, withSnippets: readonly string[], withoutSnippets: readonly string[]): SnippetCounts {
  const text = fold(pred)
  const found = (snippet: string) => text.includes(fold(snippet))
  const tp = withSnippets.filter(found).length
  const fp = withoutSnippets.filter(found).length
  return { tp, fn: withSnippets.length - tp, fp, tn: withoutSnippets.length - fp }
}

export interface SnippetAggregate extends SnippetCounts {
  pages: number
  precision: number
  recall: number
  f1: number
}

/** Micro average: P, R and F1 over the counts summed over all pages. */
export function aggregateSnippets(pages: readonly SnippetCounts[]): SnippetAggregate {
  const sum = { tp: 0, fp: 0, fn: 0, tn: 0 }
  for (const c of pages) {
    sum.tp += c.tp
    sum.fp += c.fp
    sum.fn += c.fn
    sum.tn += c.tn
  }
  const precision = sum.tp + sum.fp > 0 ? sum.tp / (sum.tp + sum.fp) : 0
  const recall = sum.tp + sum.fn > 0 ? sum.tp / (sum.tp + sum.fn) : 0
  return { pages: pages.length, ...sum, precision, recall, f1: harmonic(precision, recall) }
}

/** Per-page P and R of snippet counts, for ranking the worst pages (1 when there is nothing to get wrong). */
export function snippetPageScores(c: SnippetCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : c.fn > 0 ? 0 : 1
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1
  return { precision, recall, f1: harmonic(precision, recall) }
}
