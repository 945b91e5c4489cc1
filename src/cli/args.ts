import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import type { Options } from '../index.js'

export const USAGE = `Usage: decant [options] [FILE|DIR|GLOB|-]...

Pours the article out of web pages given as HTML or as copied plain text.
Reads each FILE, every file under each DIR (recursively), the files a quoted
GLOB matches ('pages/**/*.html'), or standard input (- or no argument).
WARC files (.warc, .warc.gz) give one article per HTML or text response record.
JSON Lines (.jsonl, .ndjson, or stdin with --format jsonl) give one article per
line: {"url": "…", "html": "…"} or {"url": "…", "text": "…"}.

Options:
  --format FORMAT  json, jsonl, text, markdown or html
                   (default: text on a terminal, json otherwise)
  --mode MODE      auto, html or text: how to read the input (default: auto)
  --url URL        the page's address: resolves links, feeds source and url
  --explain        show every block with its label, score and reason
  --front-matter   start markdown output with YAML front matter
  --output DIR     write one file per input into DIR (.json, .txt, .md, .html)
  --jobs N         pages decanted in parallel (default: CPU cores)
  -h, --help       print this help
  -v, --version    print the version

With several inputs, a DIR, a GLOB, a WARC, or --format jsonl, JSON output is
one line per input, in input order, each with an "input" field.
Exit status: 0 ok, 1 an input failed, 2 usage error.
NO_COLOR=1 turns colour off. DECANT_DEBUG=1 prints the stack of an INTERNAL error.
`

export const FORMATS = ['json', 'jsonl', 'text', 'markdown', 'html'] as const
const MODES = ['auto', 'html', 'text'] as const

export type Format = (typeof FORMATS)[number]

/** What one invocation asks for; plain data, so that it can be sent to workers. */
export interface Run {
  format: Format
  explain: boolean
  frontMatter: boolean
  options: Options
  output: string | null
  jobs: number
  args: string[]
}

export class UsageError extends Error {}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

/** argv → Run, or the answer to --help / --version. Throws UsageError. */
export function parse(argv: string[]): Run | 'help' | 'version' {
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
        'front-matter': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
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
  if (!oneOf(FORMATS, format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`)

  const mode = values.mode ?? 'auto'
  if (!oneOf(MODES, mode)) throw new UsageError(`--mode must be auto, html or text, not '${mode}'`)

  const url = values.url
  if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url must be an absolute URL, not '${url}'`)

  let jobs = availableParallelism()
  if (values.jobs !== undefined) {
    if (!/^[1-9]\d{0,3}$/.test(values.jobs)) throw new UsageError(`--jobs must be a whole number from 1 to 9999, not '${values.jobs}'`)
    jobs = Number(values.jobs)
  }
  if (values.output === '') throw new UsageError('--output needs a directory')

  const options: Options = { mode }
  if (url !== undefined) options.url = url
  return {
    format,
    explain: values.explain ?? false,
    frontMatter: values['front-matter'] ?? false,
    options,
    output: values.output ?? null,
    jobs,
    args: positionals,
  }
}
