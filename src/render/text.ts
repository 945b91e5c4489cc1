import type { Article } from '../types.js'

/** Folds runs of whitespace (newlines included) so that a field stays on its line. */
export function oneLine(value: string | null): string {
  return value === null ? '' : value.replace(/\s+/g, ' ').trim()
}

/**
 * The article as plain text for reading in a terminal or piping into other
 * tools: the title, a line with what is known of byline, source and date
 * (`By Jane Doe · Reuters · 2025-08-15`), a blank line, then the paragraphs
 * separated by blank lines. The output ends with exactly one newline, and is
 * the empty string for an article with neither a title nor a body, so that
 * callers can test for "nothing found" without trimming.
 *
 * Pure: reads only `article`.
 */
export function toText(article: Article): string {
  const title = oneLine(article.title)
  const paragraphs = bodyParagraphs(article)
  if (title === '' && paragraphs.length === 0) return ''

  const byline = oneLine(article.byline)
  const credits = [byline === '' ? '' : `By ${byline}`, oneLine(article.source), oneLine(article.published)].filter((s) => s !== '')
  const head = [title, credits.join(' · ')].filter((s) => s !== '').join('\n')

  return [head, ...paragraphs].filter((s) => s !== '').join('\n\n') + '\n'
}

/**
 * `paragraphs` is the structured form of `body`; falling back to splitting
 * `body` keeps hand-built or older Article objects rendering the same.
 */
export function bodyParagraphs(article: Article): string[] {
  const source = article.paragraphs.length > 0 ? article.paragraphs : article.body.split(/\n\s*\n/)
  return source.map((p) => p.trim()).filter((p) => p !== '')
}
