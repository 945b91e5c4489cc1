/** Stable error codes: part of the public contract, never renamed. */
export type DecantErrorCode =
  /** The input is neither a string nor bytes, or the options are malformed. */
  | 'BAD_INPUT'
  /** The input is larger than `limits.maxInputBytes`. */
  | 'INPUT_TOO_LARGE'
  /** The HTML has more nodes (elements, text runs, comments) than `limits.maxNodes`. */
  | 'TOO_MANY_NODES'
  /** The HTML nests deeper than `limits.maxDepth`. */
  | 'TOO_DEEP'
  /** The page segments into more blocks than `limits.maxBlocks`. */
  | 'TOO_MANY_BLOCKS'
  /** The call ran past `limits.timeBudgetMs`. */
  | 'TIMEOUT'
  /** `options.charset` names no encoding that TextDecoder knows. */
  | 'UNSUPPORTED_CHARSET'
  /** The HTML parser failed on the page. */
  | 'PARSE_FAILED'

/** The only error `extract` throws. `code` is stable; `message` is for people. */
export class DecantError extends Error {
  readonly code: DecantErrorCode

  constructor(code: DecantErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DecantError'
    this.code = code
  }
}

/** Whether `value` is a {@link DecantError} (narrows its type, e.g. in a `catch`). */
export function isDecantError(value: unknown): value is DecantError {
  return value instanceof DecantError
}
