/**
 * `decant/text`: the plain-text path alone, for browsers, workers and edge
 * runtimes. It imports no HTML parser (no jsdom, linkedom or htmlparser2)
 * and no Node built-in, so it bundles into a single ES module.
 *
 * ```ts
 * import { extract } from 'decant/text'
 * const article = extract(copiedText)
 * ```
 */
import { decode, sniffIsHtml } from './decode.js'
import { DecantError } from './errors.js'
import { Budget, analyzeText, resolveLimits } from './pipeline.js'
import type { Analysis, Article, Options } from './types.js'

export { DecantError, isDecantError } from './errors.js'
export type { DecantErrorCode } from './errors.js'
export type * from './types.js'
export { CHROME_KINDS } from './types.js'
export { toText } from './render/text.js'

/**
 * Every block of a page given as copied plain text, with its label, score
 * and reason, and the article: {@link extract} of `decant/text`, with the blocks.
 *
 * @throws {DecantError} `BAD_INPUT` for HTML (use the `decant` entry for it),
 *   malformed options or input that is not a string or bytes; a limit's code
 *   when a limit is exceeded.
 */
export function analyze(input: string | Uint8Array, options?: Options): Analysis {
  if (options !== undefined && options !== null && typeof options !== 'object') throw new DecantError('BAD_INPUT', 'options must be an object')
  const opts: Options = options ?? {}
  if (opts.mode !== undefined && opts.mode !== 'auto' && opts.mode !== 'text') {
    throw new DecantError('BAD_INPUT', `decant/text reads plain text only (options.mode auto or text, not ${String(opts.mode)}); use 'decant' for HTML`)
  }
  if (opts.url !== undefined && typeof opts.url !== 'string') throw new DecantError('BAD_INPUT', 'options.url must be a string')
  if (opts.charset !== undefined && typeof opts.charset !== 'string') throw new DecantError('BAD_INPUT', 'options.charset must be a string')
  const limits = resolveLimits(opts)
  const budget = new Budget(limits)
  let text: string
  if (typeof input === 'string') {
    // Measured in UTF-8, as the main entry does; encoding is skipped when the length alone decides.
    const large = input.length > limits.maxInputBytes || (input.length * 3 > limits.maxInputBytes && new TextEncoder().encode(input).length > limits.maxInputBytes)
    if (large) throw new DecantError('INPUT_TOO_LARGE', `the input is larger than ${limits.maxInputBytes} bytes`)
    text = input
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > limits.maxInputBytes) throw new DecantError('INPUT_TOO_LARGE', `the input is larger than ${limits.maxInputBytes} bytes`)
    text = decode(input, opts.charset).text
  } else {
    throw new DecantError('BAD_INPUT', `extract() takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`)
  }
  if (opts.mode !== 'text' && sniffIsHtml(text)) throw new DecantError('BAD_INPUT', "this input looks like HTML: decant/text reads plain text only; use 'decant' for HTML, or pass mode: 'text'")
  return analyzeText(text, opts, budget)
}

/**
 * The article in a page given as copied plain text (what selecting a whole
 * page in a browser and copying it gives). The same result as `extract` of
 * `decant` with `mode: 'text'`. Synchronous and pure: no network, no disk.
 *
 * @throws {DecantError} as {@link analyze} does.
 */
export function extract(input: string | Uint8Array, options?: Options): Article {
  return analyze(input, options).article
}
