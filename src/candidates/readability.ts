import { Readability } from '@mozilla/readability'
import { DecantError } from '../errors.js'
import { markupShape } from '../segment/dom.js'
import { parseHtml, segmentElement } from '../segment/html.js'
import { settings } from '../settings.js'
import type { Block, Limits } from '../types.js'

/**
 * A second, independent opinion on where the article is: Mozilla's
 * Readability, as trafilatura compares its own extraction with
 * readability-lxml's. The pipeline matches these blocks to the page's own
 * blocks by text.
 *
 * Readability mutates the document it reads, so the HTML stage hands over
 * its linkedom document only after segmentation and the metadata readers are
 * done with it (a copy would cost a third of parsing again). Readability 0.6
 * needs nothing linkedom lacks except `baseURI` and `documentURI`, which it
 * reads to make links absolute; they are set to
 * the page's URL when there is one (without it, relative links stay
 * relative and the sanitizer resolves them later). On the 88 pages of the
 * AEB development split its text equals Readability-on-jsdom's on 87; the
 * one difference is text inside an <iframe> element, which htmlparser2
 * decodes and HTML5 parsers keep raw. linkedom runs it about 8× faster.
 */

export interface ReadabilityCandidate {
  /** Readability's article, segmented as the page is. Its metadata is not kept: decant reads the page's own (metadata/). */
  blocks: Block[]
}

/** Readability's length floor for an article (its default is 500): short news items are articles too. */
const CHAR_THRESHOLD = 300

/**
 * Readability's article as blocks, or null when it finds no article, fails,
 * or the page is beyond `settings.candidate`. Limit errors (DecantError) are
 * not swallowed.
 *
 * A `Document` is consumed: Readability rewrites it, and nothing may read it afterwards.
 */
export function readabilityCandidate(page: string | Document, url: string | undefined, limits: Limits): ReadabilityCandidate | null {
  const document = typeof page === 'string' ? parseHtml(page, limits) : page
  const shape = markupShape(document)
  const bound = settings.candidate
  // Too big or too deep to be worth the time (settings.ts): decant's own reading stands alone.
  if (shape && (shape.nodes > bound.maxNodes || shape.depth > bound.maxDepth || shape.nesting > bound.maxNesting)) return null
  if (url && isHttpUrl(url)) {
    for (const name of ['baseURI', 'documentURI'] as const) {
      Object.defineProperty(document, name, { value: url, configurable: true })
    }
  }
  let article: ReturnType<Readability<Element>['parse']>
  try {
    // The article element itself, not its HTML: serializing it only to parse it again was work thrown away.
    article = new Readability<Element>(document, { keepClasses: true, charThreshold: CHAR_THRESHOLD, serializer: (el) => el as Element }).parse()
  } catch (error) {
    // Readability's own failures (a page it cannot score, a DOM method it
    // misses) mean no second candidate, not a failed extraction.
    if (error instanceof DecantError) throw error
    return null
  }
  // When every attempt falls short of the threshold Readability still returns
  // the longest one (often a menu): that is no article.
  if (!article || !article.content || (article.length ?? 0) < CHAR_THRESHOLD) return null
  const blocks = segmentElement(article.content, limits)
  if (blocks.length === 0) return null
  return { blocks }
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
