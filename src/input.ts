import { decode } from './decode.js'
import { DecantError } from './errors.js'
import type { Limits, Options } from './types.js'

/**
 * What both entries (`decant` and `decant/text`) check before the pipeline
 * runs: the options' types, and the input's type and size.
 */

/** Options as given, checked; `modes` are the ones the entry reads. */
export function checkOptions(options: unknown, modes: ReadonlySet<string>, entry: string): Options {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object') throw new DecantError('BAD_INPUT', 'options must be an object')
  const o = options as Options
  if (o.mode !== undefined && !modes.has(o.mode)) {
    throw new DecantError('BAD_INPUT', `options.mode must be ${[...modes].join(', ')} for ${entry}, not ${String(o.mode)}`)
  }
  if (o.url !== undefined && typeof o.url !== 'string') throw new DecantError('BAD_INPUT', 'options.url must be a string')
  if (o.charset !== undefined && typeof o.charset !== 'string') throw new DecantError('BAD_INPUT', 'options.charset must be a string')
  return o
}

/** UTF-8 size of a string without encoding it when its length alone decides. */
function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true
  if (text.length * 3 <= maxBytes) return false
  return new TextEncoder().encode(text).length > maxBytes
}

/**
 * The input as a string, within `limits.maxInputBytes`; bytes are decoded
 * (decode.ts). Text comes out in Unicode NFC, as trafilatura's does: a page
 * copied from a browser may spell "ü" or "ñ" as a letter and a combining
 * mark, and the caller's searches and comparisons expect one code point.
 */
export function readInput(input: unknown, options: Options, limits: Limits): string {
  if (typeof input === 'string') {
    if (exceedsBytes(input, limits.maxInputBytes)) throw new DecantError('INPUT_TOO_LARGE', `the input is larger than ${limits.maxInputBytes} bytes`)
    return input.normalize('NFC')
  }
  if (input instanceof Uint8Array) {
    if (input.byteLength > limits.maxInputBytes) throw new DecantError('INPUT_TOO_LARGE', `the input is larger than ${limits.maxInputBytes} bytes`)
    return decode(input, options.charset).text.normalize('NFC')
  }
  throw new DecantError('BAD_INPUT', `extract() takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`)
}

