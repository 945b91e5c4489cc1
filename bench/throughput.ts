/**
 * Batch throughput of the built `decant` command: pages per second with
 * 1 and 2 jobs (or --jobs 1,2,4) over the AEB HTML pages, as a user's
 * `decant --jobs N --format jsonl DIR > out.jsonl` sees it: wall time of the
 * whole process, start-up and worker start included.
 *
 *   npm run build && npx tsx bench/throughput.ts [--dataset DIR] [--jobs 1,2] [--repeat R] [--limit N] [--json FILE]
 *
 * The pages are gunzipped into a temp directory first (R copies of each with
 * --repeat, for a longer, steadier run); output goes to a temp file.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { findDatasets, listPages } from './datasets.js'
import { defaultDatasets, repoRoot } from './run.js'

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    jobs: { type: 'string', default: '1,2' },
    repeat: { type: 'string', default: '1' },
    limit: { type: 'string' },
    json: { type: 'string' },
  },
})

const cli = path.join(repoRoot, 'dist', 'cli.js')
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first')
const root = findDatasets(path.resolve(values.dataset ?? defaultDatasets)).aeb
if (root === undefined) throw new Error(`no aeb/ set under ${values.dataset ?? defaultDatasets} (use --dataset DIR)`)
const jobsList = values.jobs.split(',').map(Number)
const repeat = Number(values.repeat)
let pages = listPages(root, 'aeb', 'html')
if (values.limit !== undefined) pages = pages.slice(0, Number(values.limit))

const work = mkdtempSync(path.join(tmpdir(), 'decant-throughput-'))
try {
  const input = path.join(work, 'pages')
  mkdirSync(input)
  for (let r = 0; r < repeat; r++) for (const page of pages) writeFileSync(path.join(input, `${page.key}-${r}.html`), page.load())
  const count = pages.length * repeat
  const results: { jobs: number; pages: number; seconds: number; pagesPerSecond: number; failed: number }[] = []
  console.log(`decant throughput: ${count} AEB HTML pages (${pages.length} × ${repeat}), node dist/cli.js --format jsonl, wall time per run`)
  for (const jobs of jobsList) {
    const outPath = path.join(work, `out-${jobs}.jsonl`)
    const out = openSync(outPath, 'w')
    const started = performance.now()
    const run = spawnSync(process.execPath, [cli, '--jobs', String(jobs), '--format', 'jsonl', input], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' })
    const seconds = (performance.now() - started) / 1000
    closeSync(out)
    const lines = readFileSync(outPath, 'utf8').split('\n').filter((l) => l !== '')
    if (lines.length !== count) throw new Error(`--jobs ${jobs}: ${lines.length} output lines for ${count} pages\n${run.stderr}`)
    const failed = lines.filter((l) => l.includes('"error":{"code"')).length
    const pagesPerSecond = count / seconds
    results.push({ jobs, pages: count, seconds, pagesPerSecond, failed })
    console.log(`  --jobs ${jobs}: ${pagesPerSecond.toFixed(1)} pages/s  (${seconds.toFixed(2)} s, ${failed} failed)`)
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ pages: count, results }, null, 2) + '\n')
} finally {
  rmSync(work, { recursive: true, force: true })
}
