/**
 * Child process of retention.test.ts (run with --expose-gc): extracts many
 * pages, each with its own long class names and site name, and prints how much of the heap
 * is still in use after a full collection, before and after the batch.
 */
import { extract } from '../../src/index.js'

const PAGES = 20
/** A megabyte of source per page, so that a retained page shows; in a script, which is quick to pass over. */
const PAYLOAD = `<script>var timetable = "${'ferry at seven, back at noon; '.repeat(35_000)}"</script>`
const ARTICLE = '<p>The ferry leaves the old pier at seven and returns at noon, calling at the island on the way.</p>\n'.repeat(12)

function page(i: number): string {
  const token = `story-module-wrapper-${i}-with-a-generated-suffix`
  return `<!doctype html><html><head><title>Harbour notes ${i}</title>
<meta property="og:site_name" content="HarbourGazetteEdition${i}"><meta name="author" content="Jane Doe"></head><body>
<nav class="${token}-nav"><a href="/">Home</a></nav>
<article class="${token}"><h1>Harbour notes ${i}</h1>
${ARTICLE}</article>${PAYLOAD}</body></html>`
}

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')
extract(page(-1))
gc()
const before = process.memoryUsage().heapUsed
for (let i = 0; i < PAGES; i++) extract(page(i))
gc()
const after = process.memoryUsage().heapUsed
process.stdout.write(JSON.stringify({ pages: PAGES, pageBytes: page(0).length, retainedBytes: after - before }))
