import { createReadStream } from 'node:fs'
import { lstat, readFile, readdir, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { glob, isDynamicPattern } from 'tinyglobby'
import { WARCParser } from 'warcio'
import type { Options } from '../index.js'
import { type Failure, failureOf } from './failure.js'
import type { Job } from './render.js'

/** How a source is read: one page, or a stream of pages (WARC records, JSON lines). */
type Kind = 'page' | 'warc' | 'jsonl'

/** One argument's worth of input, found while expanding the arguments. */
export interface Source {
  /** The path as given or found, or `-` for standard input. */
  path: string
  kind: Kind
  /** The output file's name under --output, without extension. */
  name: string
  failure?: Failure
}

/** One unit of work, in output order: a page to decant, or an input that already failed. */
export type Task = { job: Job; name: string } | { input: string; name: string; failure: Failure }

const WARC = /\.warc(?:\.gz)?$/i
const JSONL = /\.(?:jsonl|ndjson)$/i
/** Stripped from a name before the output extension is added: `page.html.gz` → `page`. */
const EXTENSION = /(?:\.(?:html?|xhtml|txt|warc|jsonl|ndjson|json|md))?(?:\.gz)?$/i

function kindOf(path: string): Kind {
  return WARC.test(path) ? 'warc' : JSONL.test(path) ? 'jsonl' : 'page'
}

function stem(path: string): string {
  return path.replace(EXTENSION, '') || path
}

export interface Expanded {
  sources: Source[]
  /** Several outputs can come out: one line per input in JSON, a header per input in text. */
  batch: boolean
}

/**
 * Arguments → sources, in order. A directory expands to every file below it
 * (names sorted, dotfiles and dot-directories skipped, symlinked files
 * followed, symlinked directories not, so that a link cannot loop); an
 * argument that names nothing but has glob syntax is a glob.
 */
export async function expand(args: string[], jsonlStdin: boolean): Promise<Expanded> {
  const sources: Source[] = []
  let batch = args.length > 1
  for (const arg of args) {
    if (arg === '-') {
      sources.push({ path: '-', kind: jsonlStdin ? 'jsonl' : 'page', name: 'stdin' })
      if (jsonlStdin) batch = true
      continue
    }
    let isDirectory: boolean
    try {
      isDirectory = (await stat(arg)).isDirectory()
    } catch (err) {
      if (isDynamicPattern(arg)) {
        batch = true
        const matches = (await glob(arg, { onlyFiles: true, dot: false, followSymbolicLinks: false })).sort()
        if (matches.length === 0) sources.push({ path: arg, kind: 'page', name: stem(basename(arg)), failure: { code: 'NO_MATCH', message: 'no file matches this pattern' } })
        for (const path of matches) sources.push({ path, kind: kindOf(path), name: stem(basename(path)) })
        continue
      }
      sources.push({ path: arg, kind: 'page', name: stem(basename(arg)), failure: failureOf(err) })
      continue
    }
    if (!isDirectory) {
      // Not only regular files: FIFOs such as `<(curl …)` and /dev/stdin read fine.
      const kind = kindOf(arg)
      if (kind !== 'page') batch = true
      sources.push({ path: arg, kind, name: stem(basename(arg)) })
      continue
    }
    batch = true
    try {
      const files = await walk(arg)
      if (files.length === 0) sources.push({ path: arg, kind: 'page', name: stem(basename(arg)), failure: { code: 'EMPTY_DIR', message: 'no files in this directory' } })
      for (const { path, failure } of files) sources.push({ path, kind: kindOf(path), name: stem(relative(arg, path)), ...(failure ? { failure } : {}) })
    } catch (err) {
      sources.push({ path: arg, kind: 'page', name: stem(basename(arg)), failure: failureOf(err) })
    }
  }
  return { sources, batch }
}

async function walk(dir: string): Promise<{ path: string; failure?: Failure }[]> {
  const found: { path: string; failure?: Failure }[] = []
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort()
  for (const name of names) {
    const path = join(dir, name)
    const link = await lstat(path).catch(() => null)
    if (link === null) continue
    if (link.isDirectory()) {
      // An unreadable subdirectory is one failed input, not the loss of every file beside it.
      found.push(...(await walk(path).catch((err: unknown) => [{ path, failure: failureOf(err) }])))
      continue
    }
    // stat, not lstat: a symlink to a file counts as a file, and a dangling one is an
    // input that fails (ENOENT) rather than one that silently vanishes from the batch.
    const target = await stat(path).catch(() => null)
    if (target === null ? link.isSymbolicLink() : target.isFile()) found.push({ path })
  }
  return found
}

/** A plain Uint8Array view: decant takes bytes, and need not know about Buffer. */
function view(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}

/** The pages of one source, in order; a source that cannot be read yields one failure. */
export async function* tasks(source: Source, options: Options, stdin: AsyncIterable<Buffer>): AsyncGenerator<Task> {
  if (source.failure) {
    yield { input: source.path, name: source.name, failure: source.failure }
    return
  }
  try {
    if (source.kind === 'warc') yield* warcTasks(source, options)
    else if (source.kind === 'jsonl') yield* jsonlTasks(source, options, source.path === '-' ? stdin : createReadStream(source.path))
    else {
      const bytes = source.path === '-' ? Buffer.concat(await collect(stdin)) : await readFile(source.path)
      yield { job: { input: source.path, data: view(bytes), options }, name: source.name }
    }
  } catch (err) {
    yield { input: source.path, name: source.name, failure: failureOf(err) }
  }
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return chunks
}

/** HTTP payloads worth decanting: pages, not images, scripts or style sheets. */
const PAGE_TYPES = /^(?:text\/(?:html|plain)|application\/(?:xhtml\+xml|xml))\b/i

/**
 * Each HTTP response record with a 2xx status and a page's content type is
 * one article (redirects, errors, images and scripts are not pages). warcio
 * reads gzip members, de-chunks and undoes Content-Encoding.
 */
async function* warcTasks(source: Source, options: Options): AsyncGenerator<Task> {
  let n = 0
  for await (const record of WARCParser.iterRecords(createReadStream(source.path))) {
    if (record.warcType !== 'response') continue
    const status = Number(record.httpHeaders?.statusCode)
    const type = record.httpHeaders?.headers.get('content-type') ?? ''
    if (!(status >= 200 && status < 300) || (type !== '' && !PAGE_TYPES.test(type))) continue
    n++
    const input = `${source.path}#${n}`
    const name = `${source.name}/${String(n)}`
    const jobOptions: Options = { ...options }
    const url = record.warcTargetURI
    if (url && URL.canParse(url)) jobOptions.url = url
    const charset = /;\s*charset="?([\w.:-]+)/i.exec(type)?.[1]
    if (charset) jobOptions.charset = charset
    yield { job: { input, data: await record.readFully(true), options: jobOptions }, name }
  }
}

/**
 * One page per line, `{"url", "html"}` or `{"url", "text"}`, and one task per
 * line, blank and broken lines too: a streaming step (Hadoop streaming,
 * Spark's RDD.pipe) must give exactly one line out for each line in.
 */
async function* jsonlTasks(source: Source, options: Options, stream: AsyncIterable<Buffer>): AsyncGenerator<Task> {
  const lines = createInterface({ input: Readable.from(stream), crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    const input = `${source.path}#${n}`
    const name = `${source.name}/${String(n)}`
    const parsed = parseLine(line, options)
    if ('failure' in parsed) yield { input, name, failure: parsed.failure }
    else yield { job: { input, data: parsed.data, options: parsed.options }, name }
  }
}

function parseLine(line: string, options: Options): { data: string; options: Options } | { failure: Failure } {
  if (line.trim() === '') return { failure: { code: 'BAD_INPUT', message: 'this line is blank' } }
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { failure: { code: 'BAD_INPUT', message: 'this line is not JSON' } }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { failure: { code: 'BAD_INPUT', message: 'this line is not a JSON object' } }
  const { html, text, url } = value as Record<string, unknown>
  const data = typeof html === 'string' ? html : typeof text === 'string' ? text : null
  if (data === null) return { failure: { code: 'BAD_INPUT', message: 'this line has neither an "html" nor a "text" string' } }
  const lineOptions: Options = { ...options }
  // The key says what the content is, unless --mode says otherwise.
  if (options.mode === undefined || options.mode === 'auto') lineOptions.mode = typeof html === 'string' ? 'html' : 'text'
  if (typeof url === 'string' && URL.canParse(url)) lineOptions.url = url
  return { data, options: lineOptions }
}

/**
 * Standard input as a stream that can be peeked at: --format jsonl reads
 * stdin line by line only if it starts with a JSON object, so that a page
 * piped in with `--format jsonl` still gives its one line.
 */
export async function peekStdin(): Promise<{ stdin: AsyncIterable<Buffer>; startsWithObject: boolean }> {
  const iterator = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let startsWithObject = false
  for (;;) {
    const next = await iterator.next()
    if (next.done) break
    head.push(next.value)
    const trimmed = next.value.toString('utf8').trimStart()
    if (trimmed !== '') {
      startsWithObject = trimmed.startsWith('{')
      break
    }
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* head
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      yield next.value
    }
  }
  return { stdin: rest(), startsWithObject }
}
