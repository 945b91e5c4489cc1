import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import Tinypool from 'tinypool'
import type { Run } from './args.js'
import { type Failure, errorLine, failureOf } from './failure.js'
import { type Source, type Task, expand, peekStdin, tasks } from './inputs.js'
import { Progress } from './progress.js'
import { type Job, type Outcome, type Style, decantJob } from './render.js'

export const EXIT_OK = 0
export const EXIT_FAILED = 1

const EXTENSIONS = { json: '.json', jsonl: '.json', text: '.txt', markdown: '.md', html: '.html' } as const

/** Pages in flight per worker: enough to keep every worker busy, few enough to bound memory on a long stream. */
const WINDOW_PER_JOB = 4

/** Awaits 'drain' so that a slow reader of a large batch does not pile output up in memory. */
export async function out(text: string): Promise<void> {
  if (text !== '' && !process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve))
  }
}

/**
 * The worker pool, started only when there is more than one page and more
 * than one job: a worker costs a module load, which one page never pays back.
 */
class Engine {
  private pool: Tinypool | null = null

  constructor(
    private readonly jobs: number,
    private readonly style: Style,
  ) {}

  run(job: Job, parallel: boolean): Promise<Outcome> {
    const worker = workerUrl()
    if (this.jobs <= 1 || !parallel || worker === null) return Promise.resolve(decantJob(job, this.style))
    if (this.pool === null) {
      this.pool = new Tinypool({ filename: worker, minThreads: 1, maxThreads: this.jobs })
      // A worker that cannot start fails each page it was given (below); this says why, once.
      this.pool.once('error', (err: unknown) => process.stderr.write(errorLine({ code: 'INTERNAL', message: `worker: ${err instanceof Error ? err.message : String(err)}` })))
    }
    // A worker that dies (out of memory, say) fails its page, not the batch.
    return (this.pool.run({ job, style: this.style }) as Promise<Outcome>).catch((err: unknown) => ({ ok: false, failure: failureOf(err) }))
  }

  async close(): Promise<void> {
    await this.pool?.destroy()
  }
}

/**
 * dist/cli.js runs its pool on dist/cli-worker.js. From source (src/cli.ts
 * under tsx) there is no pool: tsx's loader does not reach worker threads on
 * Node 20, so pages are decanted in-process, one at a time.
 */
function workerUrl(): string | null {
  const here = new URL(import.meta.url)
  return here.pathname.endsWith('.ts') ? null : new URL('./cli-worker.js', here).href
}

/** Output file names, made unique: two inputs called `index.html` in different places get `index` and `index-2`. */
class Names {
  private readonly used = new Set<string>()

  constructor(
    private readonly dir: string,
    private readonly extension: string,
  ) {}

  take(name: string): string {
    const safe = name.split(/[\\/]+/).filter((part) => part !== '' && part !== '.' && part !== '..').join('/') || 'page'
    let path = join(this.dir, safe + this.extension)
    for (let i = 2; this.used.has(path); i++) path = join(this.dir, `${safe}-${i}${this.extension}`)
    this.used.add(path)
    return path
  }
}

export async function execute(run: Run, args: string[]): Promise<number> {
  const wantsJsonlStdin = run.format === 'jsonl' && args.includes('-')
  const peeked = wantsJsonlStdin ? await peekStdin() : null
  const stdin = peeked?.stdin ?? (process.stdin as AsyncIterable<Buffer>)
  const { sources, batch } = await expand(args, peeked?.startsWithObject ?? false)

  const toFiles = run.output !== null
  const style: Style = {
    format: run.format,
    explain: run.explain,
    frontMatter: run.frontMatter,
    batch: run.format === 'jsonl' || (batch && !toFiles),
    color: !toFiles && process.stdout.isTTY === true && !process.env.NO_COLOR,
  }
  const engine = new Engine(run.jobs, style)
  const names = toFiles ? new Names(resolve(run.output!), EXTENSIONS[run.format]) : null
  const many = sources.length > 1 || sources.some((s) => s.kind !== 'page' && !s.failure)
  const progress = process.stderr.isTTY && many ? new Progress(sources.filter((s) => s.kind === 'page' || s.failure).length) : null
  const parallel = many
  const textual = run.format !== 'json' && run.format !== 'jsonl'
  const inputPaths = new Set(sources.filter((s) => s.path !== '-').map((s) => resolve(s.path)))

  let status = EXIT_OK
  let shown = 0
  const report = (failure: Failure, input: string): void => {
    // Also on process.exitCode, so that an EPIPE exit later still reports the failure.
    process.exitCode = status = EXIT_FAILED
    const line = errorLine(failure, input)
    if (progress) progress.log(line)
    else process.stderr.write(line)
  }

  const emit = async (task: Task, outcome: Outcome | null): Promise<void> => {
    progress?.finished()
    const input = 'job' in task ? task.job.input : task.input
    const failure = 'failure' in task ? task.failure : outcome !== null && !outcome.ok ? outcome.failure : null
    if (failure !== null) {
      report(failure, input)
      if (!toFiles && style.batch && !textual) await out(JSON.stringify({ input, error: failure }) + '\n')
      return
    }
    const text = (outcome as { ok: true; text: string }).text
    if (names !== null) {
      const path = names.take(task.name)
      if (inputPaths.has(path)) {
        report({ code: 'OUTPUT_IS_INPUT', message: `will not overwrite the input ${path}` }, input)
        return
      }
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, text)
      return
    }
    if (batch && textual) await out(`${shown++ > 0 ? '\n' : ''}==> ${input} <==\n`)
    await out(text)
  }

  // Pages are decanted in parallel but written in input order: a window of
  // outcomes in flight, the oldest written first.
  const window: { task: Task; outcome: Promise<Outcome | null> }[] = []
  const limit = Math.max(1, run.jobs * WINDOW_PER_JOB)
  try {
    for (const source of sources as Source[]) {
      const streamed = source.kind !== 'page' && !source.failure
      for await (const task of tasks(source, run.options, stdin)) {
        if (streamed) progress?.added()
        window.push({ task, outcome: 'job' in task ? engine.run(task.job, parallel) : Promise.resolve(null) })
        while (window.length >= limit) {
          const next = window.shift()!
          await emit(next.task, await next.outcome)
        }
      }
    }
    for (const next of window.splice(0)) await emit(next.task, await next.outcome)
  } finally {
    progress?.stop()
    await engine.close()
  }
  return status
}
