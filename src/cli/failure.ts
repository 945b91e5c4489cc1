import { isDecantError } from '../index.js'

/** Why an input produced no article: `code` is a DecantError code, an errno code, a CLI code, or INTERNAL. */
export interface Failure {
  code: string
  message: string
}

/**
 * An error → what the CLI prints. Node's `ENOENT: no such file or directory, open 'x'`
 * loses its code and path prefix here, because errorLine adds both in one place.
 */
export function failureOf(err: unknown): Failure {
  if (isDecantError(err)) return { code: err.code, message: err.message }
  if (err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err) {
    const code = (err as NodeJS.ErrnoException).code as string
    const message = err.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/s, '')
    return { code, message }
  }
  if (process.env.DECANT_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`)
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }
}

export function errorLine(failure: Failure, input?: string): string {
  const where = input === undefined || input === '-' ? '' : `${input}: `
  return `decant: ${failure.code}: ${where}${failure.message}`.replace(/\s+/g, ' ') + '\n'
}
