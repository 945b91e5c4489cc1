import { expect } from 'vitest'
import { CHROME_KINDS, type Article } from '../src/index.js'
import { words } from '../src/text/words.js'

const NULLABLE_STRINGS = ['title', 'byline', 'source', 'published', 'lang', 'description', 'url', 'html'] as const
const KINDS: ReadonlySet<string> = new Set(CHROME_KINDS)

/**
 * Everything DESIGN.md promises about the shape of an Article, whatever the
 * input: every field present with its type (null, never undefined), body and
 * paragraphs in agreement, wordCount the words of the body, removed blocks
 * with a known kind and a reason. Returns the problems found (empty when none),
 * so that property tests can report the first failing input.
 */
export function articleProblems(article: Article): string[] {
  const problems: string[] = []
  if (article === null || typeof article !== 'object') return ['not an object']
  const keys = Object.keys(article).sort()
  const expectedKeys = [...NULLABLE_STRINGS, 'body', 'paragraphs', 'wordCount', 'removed', 'mode'].sort()
  if (keys.join() !== expectedKeys.join()) problems.push(`fields ${keys.join()} instead of ${expectedKeys.join()}`)
  for (const field of NULLABLE_STRINGS) {
    const value = article[field]
    if (value !== null && typeof value !== 'string') problems.push(`${field} is ${typeof value}`)
    if (typeof value === 'string' && field !== 'html' && value.trim() === '') problems.push(`${field} is an empty string instead of null`)
  }
  if (article.mode !== 'html' && article.mode !== 'text') problems.push(`mode is ${String(article.mode)}`)
  if (article.mode === 'text' && article.html !== null) problems.push('a text-mode article has html')
  if (!Array.isArray(article.paragraphs) || article.paragraphs.some((p) => typeof p !== 'string' || p.trim() === '')) {
    problems.push('paragraphs are not non-empty strings')
  } else if (article.body !== article.paragraphs.join('\n\n')) {
    problems.push('body is not the paragraphs joined by a blank line')
  }
  if (!Number.isInteger(article.wordCount) || article.wordCount < 0) problems.push(`wordCount is ${article.wordCount}`)
  else {
    const counted = words(article.body, article.lang).length
    const perParagraph = article.paragraphs.reduce((n, p) => n + words(p, article.lang).length, 0)
    if (article.wordCount !== counted) problems.push(`wordCount ${article.wordCount} but the body has ${counted} words`)
    if (counted !== perParagraph) problems.push(`the body has ${counted} words but its paragraphs ${perParagraph}`)
    if ((article.wordCount === 0) !== !/[\p{L}\p{N}]/u.test(article.body)) problems.push('wordCount disagrees with whether the body has letters or digits')
  }
  if (!Array.isArray(article.removed)) problems.push('removed is not an array')
  else {
    for (const r of article.removed) {
      if (!KINDS.has(r.kind)) problems.push(`removed kind ${String(r.kind)}`)
      if (typeof r.text !== 'string' || r.text.trim() === '') problems.push('a removed block has no text')
      if (typeof r.reason !== 'string' || r.reason.trim() === '') problems.push(`removed "${String(r.text).slice(0, 30)}" has no reason`)
      if (Object.keys(r).sort().join() !== 'kind,reason,text') problems.push(`removed block fields ${Object.keys(r).join()}`)
    }
  }
  return problems
}

export function expectValidArticle(article: Article): void {
  expect(articleProblems(article)).toEqual([])
}
