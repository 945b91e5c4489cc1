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
import { sniffIsHtml } from './decode.js'
import { DecantError } from './errors.js'
import { checkOptions, readInput } from './input.js'
import { Budget, analyzeText, resolveLimits } from './pipeline.js'
import type { Analysis, Article, Options } from './types.js'

export { DecantError, isDecantError } from './errors.js'
export type { DecantErrorCode } from './errors.js'
export type * from './types.js'
export { CHROME_KINDS } from './types.js'
export { toText } from './render/text.js'

const TEXT_MODES: ReadonlySet<string> = new Set(['auto', 'text'])

/**
 * Every block of a page given as copied plain text, with its label, score
 * and reason, and the article: {@link extract} of `decant/text`, with the blocks.
 *
 * @throws {DecantError} `BAD_INPUT` for HTML (use the `decant` entry for it),
 *   malformed options or input that is not a string or bytes; a limit's code
 *   when a limit is exceeded.
 */
export function analyze(input: string | Uint8Array, options?: Options): Analysis {
  const opts = checkOptions(options, TEXT_MODES, "decant/text (use 'decant' for HTML)")
  const limits = resolveLimits(opts)
  const budget = new Budget(limits)
  const text = readInput(input, opts, limits)
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
