/**
 * decant: pour the article out of a web page and leave the sediment behind.
 *
 * ```ts
 * import { extract } from 'decant'
 * const article = extract(html, { url })
 * article.title, article.body, article.removed // what was stripped, and why
 * ```
 */
import { decode, sniffIsHtml } from './decode.js'
import { DecantError } from './errors.js'
import { analyzeHtml } from './html.js'
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

const MODES = new Set(['auto', 'html', 'text'])

function checkOptions(options: unknown): Options {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object') throw new DecantError('BAD_INPUT', 'options must be an object')
  const o = options as Options
  if (o.mode !== undefined && !MODES.has(o.mode)) throw new DecantError('BAD_INPUT', `options.mode must be auto, html or text, not ${String(o.mode)}`)
  if (o.url !== undefined && typeof o.url !== 'string') throw new DecantError('BAD_INPUT', 'options.url must be a string')
  if (o.charset !== undefined && typeof o.charset !== 'string') throw new DecantError('BAD_INPUT', 'options.charset must be a string')
  return o
}

/** UTF-8 size of a string, without encoding it when the answer is obvious. */
function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true
  if (text.length * 3 <= maxBytes) return false
  return new TextEncoder().encode(text).length > maxBytes
}

/**
 * Everything decant knows about a page: the article, and every block of the
 * page with its label, score and the reason for it (what `--explain` prints).
 *
 * @throws {DecantError} on input that is not a string or bytes, and when a limit is exceeded.
 */
export function analyze(input: string | Uint8Array, options?: Options): Analysis {
  const opts = checkOptions(options)
  const limits = resolveLimits(opts)
  const budget = new Budget(limits)
  let text: string
  if (typeof input === 'string') {
    if (exceedsBytes(input, limits.maxInputBytes)) {
      throw new DecantError('INPUT_TOO_LARGE', `the input is larger than ${limits.maxInputBytes} bytes`)
    }
    text = input
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > limits.maxInputBytes) {
      throw new DecantError('INPUT_TOO_LARGE', `the input is larger than ${limits.maxInputBytes} bytes`)
    }
    text = decode(input, opts.charset).text
  } else {
    throw new DecantError('BAD_INPUT', `extract() takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`)
  }
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
