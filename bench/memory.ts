/**
 * Peak memory (RSS) of extract on the hostile inputs of issue 7 and over the
 * AEB HTML pages in one process (issue 4 asks ≤ 200 MB there). Each scenario
 * runs in a fresh Node process, so that one's peak does not hide another's,
 * on the built package (dist/, as users run it) and under plain `node`: this
 * script bundles itself with esbuild for the measured processes, since tsx's
 * loader runs in a thread of its own that would add 30 MB or more to each.
 * The figure is the process's maximum resident set size
 * (`process.resourceUsage().maxRSS`), Node and decant's modules included: the
 * `baseline` row is a process that only loaded them.
 *
 *   npm run build && npx tsx bench/memory.ts [--dataset DIR] [--only NAME,…] [--json FILE]
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Options } from '../src/index.js'
import { bigPage, entityBomb, nestedDivs } from '../test/robustness-inputs.js'
import { findDatasets, listPages } from './datasets.js'

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'string' },
    scenario: { type: 'string' },
    // Set for the measured process, which runs from a bundle outside bench/.
    root: { type: 'string' },
  },
})
const repoRoot = values.root ?? path.resolve(import.meta.dirname, '..')
// Not imported from run.ts: that would load the peers (jsdom) into every measured process.
const defaultDatasets = path.resolve(repoRoot, '../shared/datasets')
// Only the measured process loads decant: the parent's own size is no figure.
const decant = values.scenario === undefined ? undefined : ((await import(pathToFileURL(path.join(repoRoot, 'dist', 'index.js')).href)) as typeof import('../src/index.js'))

const MB = 1024 * 1024

interface Scenario {
  name: string
  what: string
  /** Node flags of the measured process. */
  flags?: string[]
  run(datasets: string): string
}

function aebHtml(datasets: string): string {
  const root = findDatasets(datasets).aeb
  if (!root) return `skipped: no aeb/ under ${datasets}`
  const pages = listPages(root, 'aeb', 'html')
  const codes = new Map<string, number>()
  for (const page of pages) {
    const result = outcome(page.load(), { url: page.url })
    const key = result.startsWith('article') ? 'articles' : result
    codes.set(key, (codes.get(key) ?? 0) + 1)
  }
  return `${pages.length} pages: ${[...codes].map(([k, n]) => `${n} ${k}`).join(', ')}`
}

/** The outcome of one call: the article's size, or the error code. */
function outcome(input: string | Uint8Array, options?: Options): string {
  if (!decant) throw new Error('decant is loaded in the measured process only')
  try {
    const article = decant.extract(input, options)
    return `article: ${article.paragraphs.length} paragraphs, ${article.wordCount} words`
  } catch (error) {
    if (error instanceof decant.DecantError) return `DecantError ${error.code}`
    throw error
  }
}

const SCENARIOS: Scenario[] = [
  { name: 'baseline', what: 'decant loaded, nothing extracted', run: () => 'nothing run' },
  { name: 'page-50mb', what: '50 MB page, default limits', run: () => outcome(bigPage(50 * MB)) },
  {
    name: 'page-50mb-raised',
    what: '50 MB page, maxInputBytes 64 MB and a 5-minute budget',
    run: () => outcome(bigPage(50 * MB), { limits: { maxInputBytes: 64 * MB, timeBudgetMs: 300_000 } }),
  },
  { name: 'nested-100k', what: '100,000 nested <div>s', run: () => outcome(nestedDivs(100_000)) },
  { name: 'nested-990', what: '990 nested <div>s (under the depth limit of 1,000)', run: () => outcome(nestedDivs(990)) },
  {
    name: 'page-20mb',
    what: '20 MB page (the default input limit)',
    run: () => outcome(bigPage(20 * MB - 1024), { limits: { timeBudgetMs: 300_000 } }),
  },
  { name: 'entity-bomb', what: '&amp; × 10^6', run: () => outcome(entityBomb(1_000_000)) },
  { name: 'aeb-html', what: 'every AEB HTML page, one process', run: aebHtml },
  {
    // V8 grows its heap lazily while there is room: the live heap after a collection stays
    // near 30 MB across all 88 pages, and a capped old space makes V8 collect sooner.
    name: 'aeb-html-capped',
    what: 'every AEB HTML page, one process, --max-old-space-size=128',
    flags: ['--max-old-space-size=128'],
    run: aebHtml,
  },
]

const datasets = path.resolve(values.dataset ?? defaultDatasets)

if (values.scenario !== undefined) {
  // Child: run one scenario and report on stdout.
  const scenario = SCENARIOS.find((s) => s.name === values.scenario)
  if (!scenario) throw new Error(`no scenario ${values.scenario}`)
  const started = performance.now()
  const result = scenario.run(datasets)
  const ms = performance.now() - started
  process.stdout.write(JSON.stringify({ result, ms, peakMB: process.resourceUsage().maxRSS / 1024 }))
} else {
  const only = values.only?.split(',')
  // Inside node_modules, so that the bundle's imports of packages still resolve.
  const cache = path.join(repoRoot, 'node_modules', '.cache', 'decant-bench')
  mkdirSync(cache, { recursive: true })
  const child = path.join(cache, 'memory.mjs')
  const { buildSync } = await import('esbuild')
  buildSync({ entryPoints: [fileURLToPath(import.meta.url)], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' })
  const rows: { name: string; what: string; result: string; ms: number; peakMB: number }[] = []
  for (const scenario of SCENARIOS) {
    if (only && scenario.name !== 'baseline' && !only.includes(scenario.name)) continue
    const run = spawnSync(process.execPath, [...(scenario.flags ?? []), child, '--scenario', scenario.name, '--dataset', datasets, '--root', repoRoot], {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
    })
    if (run.status !== 0) throw new Error(`${scenario.name} failed (exit ${run.status}):\n${run.stderr}`)
    const report = JSON.parse(run.stdout) as { result: string; ms: number; peakMB: number }
    rows.push({ name: scenario.name, what: scenario.what, ...report })
  }
  console.log('| scenario | input | outcome | peak RSS MB | ms |')
  console.log('| --- | --- | --- | ---: | ---: |')
  for (const r of rows) console.log(`| ${r.name} | ${r.what} | ${r.result} | ${r.peakMB.toFixed(0)} | ${r.ms.toFixed(0)} |`)
  if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 2))
}
