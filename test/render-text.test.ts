import { describe, expect, it } from 'vitest'
import { toText } from '../src/render/text.js'
import type { Article } from '../src/types.js'
import { articleFrom } from './render-article.js'

const article = (fields: Partial<Article> = {}): Article => articleFrom(fields)

describe('toText', () => {
  it('prints title, credits, a blank line, then paragraphs separated by blank lines', () => {
    const a = article({
      title: 'Rivers rise after storm',
      byline: 'Jane Doe',
      source: 'Reuters',
      published: '2025-08-15',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
    })
    expect(toText(a)).toBe('Rivers rise after storm\nBy Jane Doe · Reuters · 2025-08-15\n\nFirst paragraph.\n\nSecond paragraph.\n')
  })

  it('leaves out the credits that are unknown, and the line when none is', () => {
    expect(toText(article({ title: 'T', source: 'Reuters', paragraphs: ['P.'] }))).toBe('T\nReuters\n\nP.\n')
    expect(toText(article({ title: 'T', published: '2025-08-15T10:00:00Z', paragraphs: ['P.'] }))).toBe('T\n2025-08-15T10:00:00Z\n\nP.\n')
    expect(toText(article({ title: 'T', byline: 'A and B', paragraphs: ['P.'] }))).toBe('T\nBy A and B\n\nP.\n')
    expect(toText(article({ title: 'T', paragraphs: ['P.'] }))).toBe('T\n\nP.\n')
  })

  it('starts with the body when there is no title', () => {
    expect(toText(article({ paragraphs: ['Only text.'] }))).toBe('Only text.\n')
    expect(toText(article({ byline: 'Jane Doe', paragraphs: ['Only text.'] }))).toBe('By Jane Doe\n\nOnly text.\n')
  })

  it('prints a title alone when the body is empty', () => {
    expect(toText(article({ title: 'Just a headline' }))).toBe('Just a headline\n')
  })

  it('gives the empty string for an article with no title and no body', () => {
    expect(toText(article())).toBe('')
    // Credits alone are no article.
    expect(toText(article({ byline: 'Jane Doe', source: 'Reuters' }))).toBe('')
    expect(toText(article({ title: '  ', paragraphs: ['', ' '] }))).toBe('')
  })

  it('keeps header fields on one line each', () => {
    const a = article({ title: 'Two\nline  title', byline: 'Jane\n Doe', paragraphs: ['P.'] })
    expect(toText(a)).toBe('Two line title\nBy Jane Doe\n\nP.\n')
  })

  it('ends with exactly one newline and has no runs of blank lines', () => {
    const out = toText(article({ title: 'T', paragraphs: ['A.\n', '', '  B.  '] }))
    expect(out).toBe('T\n\nA.\n\nB.\n')
    expect(out).not.toMatch(/\n\n\n/)
  })

  it('splits body into paragraphs when the paragraphs array is empty', () => {
    const a = article({ title: 'T', body: 'One.\n\nTwo.\n \nThree.', paragraphs: [] })
    expect(toText(a)).toBe('T\n\nOne.\n\nTwo.\n\nThree.\n')
  })

  it('does not change its input', () => {
    const a = article({ title: 'T', byline: 'B', paragraphs: ['P.'] })
    const copy = structuredClone(a)
    toText(a)
    expect(a).toEqual(copy)
  })
})
