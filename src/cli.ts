/**
 * The `decant` command: argument handling, I/O and output formats around
 * `extract` / `analyze`. No extraction logic lives here.
 *
 * Arguments are parsed with node:util `parseArgs` rather than cac: mri (under
 * cac) swallows a lone `-` and every argument after it, turns `--url 123`
 * into a number and accepts unknown options silently.
 */
import { version } from '../package.json'
import { USAGE, UsageError, parse } from './cli/args.js'
import { errorLine, failureOf } from './cli/failure.js'
import { EXIT_FAILED, EXIT_OK, execute, out } from './cli/run.js'

const EXIT_USAGE = 2

async function main(argv: string[]): Promise<number> {
  // `decant dir | head -1`: the reader left, which is not an error worth a word.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK)
    process.stderr.write(errorLine(failureOf(err)))
    process.exit(EXIT_FAILED)
  })
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(errorLine({ code: 'USAGE', message: err.message }))
    return EXIT_USAGE
  }
  if (parsed === 'help') {
    await out(USAGE)
    return EXIT_OK
  }
  if (parsed === 'version') {
    await out(`${version}\n`)
    return EXIT_OK
  }
  let args = parsed.args
  if (args.length === 0) {
    if (process.stdin.isTTY) {
      process.stderr.write(errorLine({ code: 'USAGE', message: 'no input: give a FILE, a DIR, or - for standard input' }) + '\n' + USAGE)
      return EXIT_USAGE
    }
    args = ['-']
  }
  return execute(parsed, args)
}

// exitCode, not exit(): exit() could cut off output still queued for a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(errorLine({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }))
    if (process.env.DECANT_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`)
    process.exitCode = EXIT_FAILED
  },
)
