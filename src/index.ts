/**
 * decant: pour the article out of a web page and leave the sediment behind.
 *
 * ```ts
 * import { extract } from 'decant'
 * const article = extract(html, { url })
 * article.title, article.body, article.removed // what was stripped, and why
 * ```
 */
import { sniffIsHtml } from './decode.js'
import { analyzeHtml } from './html.js'
import { checkOptions, readInput } from './input.js'
import { Budget, analyzeText, resolveLimits } from './pipeline.js'
import type { Analysis, Article, Options } from './types.js'

export { DecantError, isDecantError } from './errors.js'
export type { DecantErrorCode } from './errors.js'
export type * from './types.js'
export { CHROME_KINDS } from './types.js'
export { toText } from './render/text.js'
export { toMarkdown } from './render/markdown.js'
export type { MarkdownOptions } from './render/markdown.js'
export { toHtml } from './render/html.js'

const MODES: ReadonlySet<string> = new Set(['auto', 'html', 'text'])

/**
 * Everything decant knows about a page: the article, and every block of the
 * page with its label, score and the reason for it (what `--explain` prints).
 *
 * @throws {DecantError} on input that is not a string or bytes, and when a limit is exceeded.
 */
export function analyze(input: string | Uint8Array, options?: Options): Analysis {
  const opts = checkOptions(options, MODES, 'decant')
  const limits = resolveLimits(opts)
  const budget = new Budget(limits)
  const text = readInput(input, opts, limits)
  const mode = opts.mode === 'html' || opts.mode === 'text' ? opts.mode : sniffIsHtml(text) ? 'html' : 'text'
  return mode === 'html' ? analyzeHtml(text, opts, budget) : analyzeText(text, opts, budget)
}

/**
 * The article in a page given as HTML or as copied plain text.
 * Synchronous and pure: no network, no disk, no script execution.
 *
 * @throws {DecantError} on input that is not a string or bytes, and when a limit is exceeded.
 */
export function extract(input: string | Uint8Array, options?: Options): Article {
  return analyze(input, options).article
}
