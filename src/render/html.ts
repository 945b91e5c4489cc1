import { escapeAttr, escapeText } from '../segment/dom.js'
import type { Article } from '../types.js'
import { sanitizeHtml } from './sanitize.js'
import { bodyParagraphs, oneLine } from './text.js'

/** What a `lang` attribute may hold: a BCP 47 tag's shape, nothing that could close the attribute. */
const LANG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/

/**
 * The article as a complete, standalone HTML document: `<title>`, a header
 * with the headline, byline, source and date (a `<time>` element), the
 * description, the body, and a link to the page when `url` is known.
 *
 * The body is `article.html` run through decant's allowlist sanitizer again
 * (so a hand-built or altered Article is as safe as one from `extract`), or,
 * for text-mode articles, the paragraphs as escaped `<p>` elements. The
 * result has no script, style, event handler, form, or URL other than
 * http(s) and mailto.
 *
 * Pure: reads only `article`.
 */
export function toHtml(article: Article): string {
  const title = oneLine(article.title)
  const url = httpUrl(article.url)
  const lang = oneLine(article.lang)

  const header: string[] = []
  if (title !== '') header.push(`<h1>${escapeText(title)}</h1>`)
  const credits = credit(article)
  if (credits !== '') header.push(`<p class="credits">${credits}</p>`)
  const description = oneLine(article.description)
  if (description !== '') header.push(`<p class="description">${escapeText(description)}</p>`)

  const body =
    article.html !== null && article.html.trim() !== ''
      ? sanitizeHtml(article.html, url ?? undefined)
      : bodyParagraphs(article)
          .map((p) => `<p>${escapeText(p)}</p>`)
          .join('\n')

  const meta = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script may run and nothing may load but images, even if a browser is handed this file from a hostile page.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src http: https: data:">`,
    '<meta name="generator" content="decant">',
  ]
  if (oneLine(article.byline) !== '') meta.push(`<meta name="author" content="${escapeAttr(oneLine(article.byline))}">`)
  if (description !== '') meta.push(`<meta name="description" content="${escapeAttr(description)}">`)
  if (url !== null) meta.push(`<link rel="canonical" href="${escapeAttr(url)}">`)

  return [
    '<!doctype html>',
    LANG.test(lang) ? `<html lang="${lang}">` : '<html>',
    '<head>',
    ...meta,
    `<title>${escapeText(title)}</title>`,
    '</head>',
    '<body>',
    '<article>',
    header.length > 0 ? `<header>\n${header.join('\n')}\n</header>` : '',
    body,
    url !== null ? `<footer><p>Original: <a href="${escapeAttr(url)}">${escapeText(url)}</a></p></footer>` : '',
    '</article>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n') + '\n'
}

/** `By Jane Doe · Reuters · <time>`: what is known of byline, source and date, escaped. */
function credit(article: Article): string {
  const byline = oneLine(article.byline)
  const source = oneLine(article.source)
  const published = oneLine(article.published)
  const parts: string[] = []
  if (byline !== '') parts.push(`By <span class="byline">${escapeText(byline)}</span>`)
  if (source !== '') parts.push(`<span class="source">${escapeText(source)}</span>`)
  if (published !== '') parts.push(`<time datetime="${escapeAttr(published)}">${escapeText(published)}</time>`)
  return parts.join(' · ')
}

/** Only an absolute http(s) address is linked; anything else (javascript:, data:, junk) is dropped. */
function httpUrl(raw: string | null): string | null {
  if (raw === null || !URL.canParse(raw)) return null
  const url = new URL(raw)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}
