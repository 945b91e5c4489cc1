/**
 * The `decant` command: argument handling, I/O and output formats around
 * `extract` / `analyze`. No extraction logic lives here.
 *
 * Arguments are parsed with node:util `parseArgs` rather than cac: mri (under
 * cac) swallows a lone `-` and every argument after it, turns `--url 123`
 * into a number and accepts unknown options silently.
 */
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../package.json'
import { CHROME_KINDS, analyze, extract, isDecantError, toText } from './index.js'
import type { Analysis, Article, Options } from './index.js'

const USAGE = `Usage: decant [options] [FILE|DIR|-]...

Pours the article out of web pages given as HTML or as copied plain text.
Reads each FILE, every file in each DIR, or standard input (- or no argument).

Options:
  --format json|jsonl|text  output format (default: text on a terminal, json otherwise)
  --mode auto|html|text     how to read the input (default: auto, sniffs markup)
  --url URL                 the page's address: resolves links, feeds source and url
  --explain                 show every block with its label, score and reason
  -h, --help                print this help
  -v, --version             print the version

With several inputs, a DIR, or --format jsonl, JSON output is one line per input.
Exit status: 0 ok, 1 an input failed, 2 usage error.
DECANT_DEBUG=1 prints the stack trace of an INTERNAL error.
`

const FORMATS = ['json', 'jsonl', 'text'] as const
const LATER_FORMATS = ['markdown', 'html']
const MODES = ['auto', 'html', 'text'] as const

type Format = (typeof FORMATS)[number]

interface Run {
  format: Format
  explain: boolean
  options: Options
  args: string[]
}

/** Why an input produced no article: `code` is a DecantError code, an errno code, or INTERNAL. */
interface Failure {
  code: string
  message: string
}

/** One input to process: a file, stdin, or a path that already failed while listing. */
interface Item {
  input: string
  failure?: Failure
}

class UsageError extends Error {}

const EXIT_OK = 0
const EXIT_FAILED = 1
const EXIT_USAGE = 2

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

/** argv → Run, or the answer to --help / --version. Throws UsageError. */
function parse(argv: string[]): Run | 'help' | 'version' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        mode: { type: 'string' },
        url: { type: 'string' },
        explain: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (err) {
    // Node's messages run on with advice about `--`; the first sentence is the point.
    const message = err instanceof Error ? err.message.replace(/\. .*$/s, '') : String(err)
    throw new UsageError(`${message} (see decant --help)`)
  }
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (values.version) return 'version'

  const format = values.format ?? (process.stdout.isTTY ? 'text' : 'json')
  if (LATER_FORMATS.includes(format)) throw new UsageError(`--format ${format} is not available yet; use json, jsonl or text`)
  if (!oneOf(FORMATS, format)) throw new UsageError(`--format must be json, jsonl or text, not '${format}'`)

  const mode = values.mode ?? 'auto'
  if (!oneOf(MODES, mode)) throw new UsageError(`--mode must be auto, html or text, not '${mode}'`)

  const url = values.url
  if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url must be an absolute URL, not '${url}'`)

  const options: Options = { mode }
  if (url !== undefined) options.url = url
  return { format, explain: values.explain ?? false, options, args: positionals }
}

/**
 * An error → what the CLI prints. Node's `ENOENT: no such file or directory, open 'x'`
 * loses its code and path prefix here, because errorLine adds both in one place.
 */
function failureOf(err: unknown): Failure {
  if (isDecantError(err)) return { code: err.code, message: err.message }
  if (err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err) {
    const code = (err as NodeJS.ErrnoException).code as string
    const message = err.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/s, '')
    return { code, message }
  }
  if (process.env.DECANT_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`)
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }
}

function errorLine(failure: Failure, input?: string): string {
  const where = input === undefined || input === '-' ? '' : `${input}: `
  return `decant: ${failure.code}: ${where}${failure.message}`.replace(/\s+/g, ' ') + '\n'
}

/** Arguments → the inputs, in order: directories expand to their regular files, sorted, dotfiles skipped. */
async function expand(args: string[]): Promise<{ items: Item[]; sawDirectory: boolean }> {
  const items: Item[] = []
  let sawDirectory = false
  for (const arg of args) {
    if (arg === '-') {
      items.push({ input: arg })
      continue
    }
    try {
      if (!(await stat(arg)).isDirectory()) {
        // Not only regular files: FIFOs such as `<(curl …)` and /dev/stdin read fine.
        items.push({ input: arg })
        continue
      }
      sawDirectory = true
      const names = (await readdir(arg)).filter((name) => !name.startsWith('.')).sort()
      let found = 0
      for (const name of names) {
        const path = join(arg, name)
        // stat, not the dirent: a symlink to a file counts as a file.
        const isFile = await stat(path).then((s) => s.isFile(), () => false)
        if (isFile) {
          items.push({ input: path })
          found++
        }
      }
      if (found === 0) items.push({ input: arg, failure: { code: 'EMPTY_DIR', message: 'no files in this directory' } })
    } catch (err) {
      items.push({ input: arg, failure: failureOf(err) })
    }
  }
  return { items, sawDirectory }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** A plain Uint8Array view: decant takes bytes, and need not know about Buffer. */
async function readBytes(input: string): Promise<Uint8Array> {
  const buf = input === '-' ? await readStdin() : await readFile(input)
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}

const LABEL_WIDTH = Math.max('body'.length, ...CHROME_KINDS.map((k) => k.length))
const SNIPPET = 70

function snippet(text: string): string {
  const chars = Array.from(text)
  const cut = chars.length > SNIPPET ? chars.slice(0, SNIPPET - 1).join('') + '…' : text
  return cut.padEnd(SNIPPET)
}

/** One line per block: index, label, score, the start of its text, and why. */
function explainTable(analysis: Analysis): string {
  const { blocks } = analysis
  const width = String(Math.max(0, blocks.length - 1)).length
  return blocks
    .map((b) => `${String(b.index).padStart(width)}  ${b.label.padEnd(LABEL_WIDTH)}  ${b.score.toFixed(2)}  ${snippet(b.text)}  ${b.reason}\n`)
    .join('')
}

function payload(article: Article, analysis: Analysis | null): object {
  if (analysis === null) return article
  const blocks = analysis.blocks.map(({ index, label, score, reason, text }) => ({ index, label, score, reason, text }))
  return { ...article, blocks }
}

/** Awaits 'drain' so that a slow reader of a large batch does not pile output up in memory. */
async function out(text: string): Promise<void> {
  if (text !== '' && !process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve))
  }
}

/** Reads one input and hands it to the library; every failure becomes a value, so a batch goes on. */
async function decant(input: string, run: Run): Promise<{ article: Article; analysis: Analysis | null } | Failure> {
  try {
    const bytes = await readBytes(input)
    if (!run.explain) return { article: extract(bytes, run.options), analysis: null }
    const analysis = analyze(bytes, run.options)
    return { article: analysis.article, analysis }
  } catch (err) {
    return failureOf(err)
  }
}

async function execute(run: Run): Promise<number> {
  let args = run.args
  if (args.length === 0) {
    if (process.stdin.isTTY) {
      process.stderr.write(errorLine({ code: 'USAGE', message: 'no input: give a FILE, a DIR, or - for standard input' }) + '\n' + USAGE)
      return EXIT_USAGE
    }
    args = ['-']
  }
  const { items, sawDirectory } = await expand(args)
  // A directory means batch output even when it holds one file, so that scripts see one shape.
  const batch = run.format === 'jsonl' || items.length > 1 || sawDirectory
  const json = run.format !== 'text'
  let status = EXIT_OK

  let shown = 0
  for (const item of items) {
    const result = item.failure ?? (await decant(item.input, run))
    if ('code' in result) {
      // Also on process.exitCode, so that an EPIPE exit later still reports the failure.
      process.exitCode = status = EXIT_FAILED
      process.stderr.write(errorLine(result, item.input))
      if (batch && json) await out(JSON.stringify({ input: item.input, error: result }) + '\n')
      continue
    }
    const { article, analysis } = result
    if (batch && !json) await out(`${shown++ > 0 ? '\n' : ''}==> ${item.input} <==\n`)
    if (json) {
      const value = payload(article, analysis)
      await out(batch ? JSON.stringify({ input: item.input, ...value }) + '\n' : JSON.stringify(value, null, 2) + '\n')
    } else {
      await out(analysis ? explainTable(analysis) : toText(article))
    }
  }
  return status
}

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
  return execute(parsed)
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
