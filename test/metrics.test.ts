/**
 * The benchmark's metrics against hand-checked cases computed with the
 * reference arithmetic (test/fixtures/metric-checks.json, a copy of
 * ../shared/datasets/metric-checks.json that travels with the repo).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aggregateShingles, aggregateSnippets, fold, scoreShingles, scoreSnippets, tokenize } from '../bench/metrics.js'
import { loadSeeds, scoreSeed, type SeedGold } from '../bench/seeds.js'
import type { Analysis, Article } from '../src/types.js'

interface ShingleCase {
  name: string
  truth: string
  pred: string
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
}
interface Checks {
  shingle_cases: ShingleCase[]
  shingle_aggregate: { docs: Array<{ truth: string; pred: string }>; precision: number; recall: number; f1: number }
  snippet_aggregate: {
    pages: Array<{ pred: string; with: string[]; without: string[] }>
    tp: number
    fp: number
    fn: number
    tn: number
    precision: number
    recall: number
    f1: number
  }
}

const fixturePath = join(import.meta.dirname, 'fixtures', 'metric-checks.json')
const checks = JSON.parse(readFileSync(fixturePath, 'utf8')) as Checks

/** Within 1e-6, saying which number was off. */
function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: expected ${expected}, got ${actual}`).toBeLessThanOrEqual(1e-6)
}

describe('shingle F1, per document', () => {
  for (const c of checks.shingle_cases) {
    it(c.name, () => {
      const doc = scoreShingles(c.truth, c.pred)
      for (const key of ['tp', 'fp', 'fn', 'precision', 'recall'] as const) close(doc[key], c[key], key)
    })
  }

  it('tokens are Unicode word runs, not ASCII ones', () => {
    expect(tokenize('Müller sagte: „Прощай“, 東京 _x_ 2025-08-15')).toEqual(['Müller', 'sagte', 'Прощай', '東京', '_x_', '2025', '08', '15'])
  })

  it('accuracy is token-sequence equality, blind to punctuation and spacing', () => {
    expect(scoreShingles('The cat sat.', ' The  cat\nsat ').exact).toBe(true)
    expect(scoreShingles('The cat sat.', 'The cat sat down.').exact).toBe(false)
    expect(scoreShingles('', '').exact).toBe(true)
  })
})

describe('shingle F1, aggregate', () => {
  const a = checks.shingle_aggregate
  const agg = aggregateShingles(a.docs.map((d) => scoreShingles(d.truth, d.pred)))

  it('macro-averages precision over predicting docs and recall over docs with truth', () => {
    close(agg.precision, a.precision, 'precision')
    close(agg.recall, a.recall, 'recall')
  })
  it('takes F1 of the two means', () => close(agg.f1, a.f1, 'f1'))
  it('counts exact documents as accuracy', () => close(agg.accuracy, 1 / 3, 'accuracy'))
  it('is zero, not NaN, on no documents', () => {
    expect(aggregateShingles([])).toEqual({ docs: 0, precision: 0, recall: 0, f1: 0, accuracy: 0 })
  })
})

describe('snippet F1', () => {
  const s = checks.snippet_aggregate
  const counts = s.pages.map((p) => scoreSnippets(p.pred, p.with, p.without))
  const agg = aggregateSnippets(counts)

  it('sums tp, fp, fn, tn over pages', () => {
    expect({ tp: agg.tp, fp: agg.fp, fn: agg.fn, tn: agg.tn }).toEqual({ tp: s.tp, fp: s.fp, fn: s.fn, tn: s.tn })
  })
  it('computes P, R and F1 over the sums', () => {
    close(agg.precision, s.precision, 'precision')
    close(agg.recall, s.recall, 'recall')
    close(agg.f1, s.f1, 'f1')
  })
  it('folds whitespace in the snippets as well as in the output', () => {
    expect(scoreSnippets('leaders\u00a0met in\n\nAnchorage', ['leaders met  in\nAnchorage'], [])).toEqual({ tp: 1, fp: 0, fn: 0, tn: 0 })
  })
  it('folds as Python does: U+FEFF is not whitespace', () => {
    expect(fold(' a\u3000b\u0085c\ufeff ')).toBe('a b c\ufeff')
  })
})

const shared = resolve(import.meta.dirname, '../../shared/datasets/metric-checks.json')
it.skipIf(!existsSync(shared))('the fixture is the shared metric-checks.json without its baselines', () => {
  const { dev_baselines: _, about: _about, ...original } = JSON.parse(readFileSync(shared, 'utf8')) as Record<string, unknown>
  const { about: _copyAbout, ...copy } = checks as unknown as Record<string, unknown>
  expect(copy).toEqual(original)
})

describe('seed scoring', () => {
  const article = (over: Partial<Article>): Article => ({
    title: null, byline: null, source: null, published: null, lang: 'en', description: null, url: null,
    body: '', paragraphs: [], html: null, wordCount: 0, removed: [], mode: 'text', ...over,
  })
  const analysis = (over: Partial<Article>): Analysis => {
    const a = article(over)
    if (over.paragraphs && over.body === undefined) a.body = over.paragraphs.join('\n\n')
    return { article: a, blocks: [] }
  }
  const prose = 'The leaders met in Anchorage on Friday and the News of the meeting spread quickly across the region.'
  const gold: SeedGold = {
    file: 'x.txt',
    title: 'Leaders meet',
    byline: 'A. Writer',
    source: [null, 'Agency'],
    published: null,
    body: [prose, 'Talks went on for hours and ended without a deal (Agency).'],
    optional: ['(Agency)'],
    chrome: [
      { kind: 'navigation', text: 'News' },
      { kind: 'ui', text: '0:00' },
      { kind: 'ui', text: '0:00' },
      { kind: 'related', text: 'Another story about something else entirely' },
    ],
  }
  const removed: Article['removed'] = [
    { kind: 'navigation', text: 'News', reason: '' },
    { kind: 'ui', text: '0:00', reason: '' },
    { kind: 'ui', text: ' 0:00 ', reason: '' },
    { kind: 'related', text: 'Another story about  something else entirely', reason: '' },
  ]

  it('gives the gold itself a clean pass, folding whitespace and ignoring optional text', () => {
    const s = scoreSeed(gold, analysis({ title: ' Leaders  meet', byline: 'A. Writer', source: 'AGENCY', paragraphs: [prose, 'Talks went on for hours and ended without a deal.'], removed }))
    expect(s.failures).toEqual([])
    expect(s.ok).toBe(true)
    close(s.body.f1, 1, 'body F1')
    expect(s.labels).toMatchObject({ matched: 4, total: 4, accuracy: 1 })
    expect([s.body.missing, s.body.extra]).toEqual([[], []])
  })

  it('says what was expected and what came out', () => {
    const s = scoreSeed(gold, analysis({ title: 'Home', byline: null, source: 'Other', published: '2025-08-15', paragraphs: [prose] }))
    expect(s.title.message).toBe('title: expected "Leaders meet", got "Home"')
    expect(s.byline.message).toBe('byline: expected "A. Writer", got null')
    expect(s.source.message).toBe('source: expected one of null, "Agency", got "Other"')
    expect(s.published.ok).toBe(false)
    expect(s.body.ok).toBe(false)
    expect(s.body.missing).toEqual(['Talks went on for hours and ended without a deal .'])
    expect(s.body.message).toContain('missing: "Talks went on')
    expect(s.labels.accuracy).toBe(0)
    expect(s.failures).toHaveLength(6)
  })

  it('counts a short chrome line only as a paragraph of its own, a long one anywhere in the body', () => {
    const inProse = scoreSeed(gold, analysis({ paragraphs: [prose] }))
    expect(inProse.leaks.lines).toEqual([])
    const alone = scoreSeed(gold, analysis({ paragraphs: ['News', prose, `${prose} Another story about something else entirely`] }))
    expect(alone.leaks.lines.map((l) => l.text)).toEqual(['News', 'Another story about something else entirely'])
  })

  it('matches each gold line to a distinct removed block of the same kind', () => {
    const s = scoreSeed(gold, analysis({ removed: [removed[0]!, removed[1]!, { kind: 'navigation', text: '0:00', reason: '' }] }))
    expect(s.labels.matched).toBe(2)
    expect(s.labels.misses.map((m) => m.got)).toEqual(['removed as navigation', 'not removed as a block of its own'])
  })

  const seedDir = join(import.meta.dirname, '..', 'seeds')
  for (const seed of existsSync(seedDir) ? loadSeeds(seedDir) : []) {
    it(`gives seed ${seed.name}'s own gold a clean pass`, () => {
      const g = seed.gold
      const s = scoreSeed(g, analysis({
        title: g.title, byline: g.byline, source: g.source.find((x) => x !== null) ?? null, paragraphs: g.body,
        removed: g.chrome.map((c) => ({ ...c, reason: '' })),
      }))
      expect(s.failures).toEqual([])
    })
  }
})
