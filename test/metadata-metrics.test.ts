/**
 * The benchmark's metadata scorers (bench/metadata.ts) on hand-computed cases.
 */
import { describe, expect, it } from 'vitest'
import { checkFloors, type RunResult } from '../bench/run.js'
import { aggregateMetadata, authorExact, dateExact, dayOf, nameSet, scoreMetadata, titleExact, titleTokenF1 } from '../bench/metadata.js'

describe('titleExact', () => {
  it('folds whitespace and nothing else', () => {
    expect(titleExact('Ferry  service\nresumes ', 'Ferry service resumes')).toBe(true)
    expect(titleExact('Ferry service resumes', 'Ferry Service Resumes')).toBe(false)
    expect(titleExact('Ferry service resumes', 'Ferry service resumes | Gazette')).toBe(false)
  })
  it('ignores soft hyphens and Unicode composition', () => {
    expect(titleExact('Deutsch\u00adland', 'Deutschland')).toBe(true)
    // U+09DC and U+09A1 U+09BC are canonically equivalent.
    expect(titleExact('\u09ac\u09be\u09a1\u09bc\u09bf', '\u09ac\u09be\u09dc\u09bf')).toBe(true)
  })
  it('wants no title when the gold has none', () => {
    expect(titleExact('', null)).toBe(true)
    expect(titleExact('', '  ')).toBe(true)
    expect(titleExact('', 'Something')).toBe(false)
    expect(titleExact('Something', null)).toBe(false)
  })
})

describe('titleTokenF1', () => {
  it('is 1 for the same tokens, whatever the case and punctuation', () => {
    expect(titleTokenF1('Ferry service resumes', 'ferry service, resumes!')).toBe(1)
  })
  it('counts common tokens as bags', () => {
    // gold 4 tokens, got 2, common 2: P = 1, R = 0.5, F1 = 2/3
    expect(titleTokenF1('the ferry service resumes', 'ferry service')).toBeCloseTo(2 / 3, 10)
    // gold "a a b" (3), got "a b b" (3): common a, b = 2; P = R = 2/3
    expect(titleTokenF1('a a b', 'a b b')).toBeCloseTo(2 / 3, 10)
  })
  it('is 0 for nothing in common, 1 for two empty titles', () => {
    expect(titleTokenF1('ferry', 'bridge')).toBe(0)
    expect(titleTokenF1('ferry', null)).toBe(0)
    expect(titleTokenF1('', null)).toBe(1)
  })
})

describe('authorExact', () => {
  it('compares sets of names, not strings', () => {
    expect(nameSet('Jane Doe and John Roe')).toEqual(['jane doe', 'john roe'])
    expect(authorExact(['John Roe', 'Jane Doe'], 'Jane Doe, John Roe')).toBe(true)
    expect(authorExact('Jane Doe; John Roe', 'JANE DOE & John  Roe')).toBe(true)
    expect(authorExact('Jane Doe / John Roe', 'Jane Doe und John Roe')).toBe(true)
  })
  it('needs every name and no other', () => {
    expect(authorExact('Jane Doe, John Roe', 'Jane Doe')).toBe(false)
    expect(authorExact('Jane Doe', 'Jane Doe, Harbour Gazette')).toBe(false)
    expect(authorExact('Jane Doe', 'Jane')).toBe(false)
  })
  it('does not compare a lead word', () => {
    expect(authorExact('Von Jane Doe und John Roe', 'Jane Doe und John Roe')).toBe(true)
  })
  it('wants no byline when the gold has none', () => {
    expect(authorExact('', null)).toBe(true)
    expect(authorExact('', 'Jane Doe')).toBe(false)
    expect(authorExact('Jane Doe', null)).toBe(false)
  })
})

describe('dateExact', () => {
  it('compares days', () => {
    expect(dayOf('2022-11-1')).toBe('2022-11-01')
    expect(dayOf('2024-05-17T23:30:00-05:00')).toBe('2024-05-17')
    expect(dateExact('2022-11-1', '2022-11-01T08:00:00+01:00')).toBe(true)
    expect(dateExact('2024-05-17', '2024-05-18')).toBe(false)
  })
  it('wants no date when the gold has none', () => {
    expect(dateExact('', null)).toBe(true)
    expect(dateExact('', '2024-05-17')).toBe(false)
    expect(dateExact('2024-05-17', null)).toBe(false)
  })
})

describe('scoreMetadata and aggregateMetadata', () => {
  it('scores only the fields the gold carries, and shares per field', () => {
    const pages = [
      scoreMetadata({ title: 'A b', author: 'Jane Doe', date: '2024-05-17' }, { title: 'A b', byline: 'Jane Doe', published: '2024-05-17' }),
      scoreMetadata({ title: 'A b c d', author: '' }, { title: 'A b', byline: 'Jane Doe', published: null }),
      scoreMetadata({ date: '2024-05-17' }, { title: null, byline: null, published: '2024-05-18' }),
    ]
    expect(pages[2]).toEqual({ date: false })
    const summary = aggregateMetadata(pages)
    expect(summary.pages).toBe(3)
    expect(summary.counts).toEqual({ title: 2, author: 2, date: 2 })
    expect(summary.title).toBe(0.5)
    // (1 + 2/3) / 2: the second title has P = 1, R = 0.5
    expect(summary.titleF1).toBeCloseTo((1 + 2 / 3) / 2, 10)
    expect(summary.author).toBe(0.5)
    expect(summary.date).toBe(0.5)
  })
  it('gives null for a field no page carries', () => {
    expect(aggregateMetadata([{ date: true }]).title).toBeNull()
  })
})

describe('metadata floors', () => {
  const summary = (title: number) => ({
    system: 'decant',
    pages: 1,
    f1: 0.95,
    precision: 0.95,
    recall: 0.95,
    accuracy: null,
    medianMs: 1,
    p95Ms: 1,
    errors: 0,
    metadata: { all: { ...aggregateMetadata([]), title }, dev: aggregateMetadata([]), holdout: aggregateMetadata([]) },
  })
  const run = (title: number) => ({ id: 'traf-html', kind: 'traf', mode: 'html', split: 'all', summaries: [summary(title)], pages: [], errors: {}, outputs: {}, gold: [] }) as unknown as RunResult

  it('are checked against the metadata scores of the run, next to its F1', () => {
    const floors = { 'traf-html': { f1: 0.9, title: 0.85 } }
    expect(checkFloors(floors, [], [run(0.8)]).missed).toEqual(['traf-html title: 0.8 < 0.85'])
    expect(checkFloors(floors, [], [run(0.9)]).missed).toEqual([])
  })
  it('are reported as not measured when the run did not score metadata', () => {
    const floors = { 'traf-html': { author: 0.5 } }
    expect(checkFloors(floors, [], [run(0.9)]).skipped).toEqual(['traf-html author'])
  })
})
