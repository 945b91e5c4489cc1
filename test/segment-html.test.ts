/**
 * HTML segmentation: fixture walker plus unit tests for limits and
 * pathological input.
 *
 * Fixtures: test/fixtures/segment-html/<case>/page.html and expected.json:
 *
 * ```jsonc
 * {
 *   "description": "what the case shows",
 *   "limits": { "maxDepth": 50 },   // optional overrides of the default limits
 *   "error": "TOO_DEEP",            // optional: parse + segment must throw this DecantError code
 *   "blocks": [                     // the page's blocks, all of them, in order
 *     {
 *       "text": "…",                // exact block text
 *       // optional, each checked when present:
 *       "tag": "p", "heading": 0, "linkCount": 1, "gapBefore": 0,
 *       "linkDensity": 0.5,         // ±0.05
 *       "landmarks": ["nav"],       // exact, nearest first
 *       "hintsInclude": ["share"],  // each token must be among the hints
 *       "htmlIncludes": ["<li>"], "htmlExcludes": ["<img"],   // substrings of dom.html
 *       "group": "menu",            // blocks with one label share dom.container; different labels differ
 *       "parentGroup": "grid"       // blocks with one label share the container's parent path (last segment dropped)
 *     }
 *   ],
 *   "absent": ["secret"]            // substrings no block text may contain
 * }
 * ```
 */
import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DecantError } from '../src/errors.js'
import { parseHtml, segmentHtml, trimBreaks } from '../src/segment/html.js'
import { settings } from '../src/settings.js'
import type { Block, Limits } from '../src/types.js'

interface ExpectedBlock {
  text: string
  tag?: string
  heading?: number
  linkCount?: number
  linkDensity?: number
  gapBefore?: number
  landmarks?: string[]
  hintsInclude?: string[]
  htmlIncludes?: string[]
  htmlExcludes?: string[]
  group?: string
  parentGroup?: string
}

interface Expected {
  description: string
  limits?: Partial<Limits>
  error?: string
  blocks?: ExpectedBlock[]
  absent?: string[]
}

const FIXTURES = join(import.meta.dirname, 'fixtures', 'segment-html')
const limits: Limits = { ...settings.limits }

function segment(html: string, over: Partial<Limits> = {}): Block[] {
  const l = { ...limits, ...over }
  return segmentHtml(parseHtml(html, l), l)
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn()
  } catch (error) {
    if (error instanceof DecantError) return error.code
    throw error
  }
  return null
}

function parentPath(container: string): string {
  return container.slice(0, container.lastIndexOf('.'))
}

/** Blocks with one label share a key; different labels have different keys. */
function checkLabels(blocks: Block[], expected: ExpectedBlock[], label: 'group' | 'parentGroup', key: (b: Block) => string): void {
  const byLabel = new Map<string, string>()
  expected.forEach((e, i) => {
    const name = e[label]
    if (!name) return
    const k = key(blocks[i]!)
    const seen = byLabel.get(name)
    if (seen === undefined) byLabel.set(name, k)
    else expect(k, `${label} "${name}" at block ${i}`).toBe(seen)
  })
  const keys = [...byLabel.values()]
  expect(new Set(keys).size, `${label}s must differ: ${JSON.stringify([...byLabel])}`).toBe(keys.length)
}

function checkBlock(block: Block, e: ExpectedBlock, i: number): void {
  const dom = block.dom!
  const at = `block ${i} (${JSON.stringify(e.text)})`
  expect(block.index, at).toBe(i)
  expect(block.text, at).toBe(e.text)
  if (e.tag !== undefined) expect(dom.tag, `${at} tag`).toBe(e.tag)
  if (e.heading !== undefined) expect(dom.heading, `${at} heading`).toBe(e.heading)
  if (e.linkCount !== undefined) expect(dom.linkCount, `${at} linkCount`).toBe(e.linkCount)
  if (e.linkDensity !== undefined) expect(Math.abs(dom.linkDensity - e.linkDensity), `${at} linkDensity ${dom.linkDensity}`).toBeLessThanOrEqual(0.05)
  if (e.gapBefore !== undefined) expect(block.gapBefore, `${at} gapBefore`).toBe(e.gapBefore)
  if (e.landmarks !== undefined) expect(dom.landmarks, `${at} landmarks`).toEqual(e.landmarks)
  for (const token of e.hintsInclude ?? []) expect(dom.hints, `${at} hints`).toContain(token)
  for (const s of e.htmlIncludes ?? []) expect(dom.html, `${at} html`).toContain(s)
  for (const s of e.htmlExcludes ?? []) expect(dom.html, `${at} html`).not.toContain(s)
}

describe('segmentHtml fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()

  it('has the fixture cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11)
  })

  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected
    const html = readFileSync(join(FIXTURES, name, 'page.html'), 'utf8')
    it(`${name}: ${expected.description}`, () => {
      if (expected.error) {
        expect(codeOf(() => segment(html, expected.limits))).toBe(expected.error)
        return
      }
      const blocks = segment(html, expected.limits)
      const want = expected.blocks ?? []
      expect(blocks.map((b) => b.text)).toEqual(want.map((e) => e.text))
      want.forEach((e, i) => checkBlock(blocks[i]!, e, i))
      checkLabels(blocks, want, 'group', (b) => b.dom!.container)
      checkLabels(blocks, want, 'parentGroup', (b) => parentPath(b.dom!.container))
      for (const s of expected.absent ?? []) {
        for (const b of blocks) expect(b.text, `"${s}" must not be read`).not.toContain(s)
      }
    })
  }
})

describe('segmentHtml invariants', () => {
  const page = readFileSync(join(FIXTURES, 'landmarks', 'page.html'), 'utf8')

  it('gives every block non-empty folded text, DOM evidence and consecutive indexes', () => {
    const blocks = segment(page)
    expect(blocks.length).toBeGreaterThan(0)
    blocks.forEach((b, i) => {
      expect(b.index).toBe(i)
      expect(b.text).not.toBe('')
      expect(b.text).toBe(b.text.replace(/\s+/g, ' ').trim())
      expect(b.dom).not.toBeNull()
      expect(b.dom!.inCandidate).toBe(false)
      expect(b.dom!.linkDensity).toBeGreaterThanOrEqual(0)
      expect(b.dom!.linkDensity).toBeLessThanOrEqual(1)
      expect(b.dom!.hints.length).toBeLessThanOrEqual(40)
      expect(b.gapBefore === 0 || b.gapBefore === 1).toBe(true)
    })
  })

  it('does not change the document (metadata readers use it afterwards)', () => {
    const document = parseHtml(page, limits)
    const before = document.documentElement.outerHTML
    segmentHtml(document, limits)
    expect(document.documentElement.outerHTML).toBe(before)
  })

  it('caps hints at 40 tokens, nearest first', () => {
    const classes = Array.from({ length: 30 }, (_, i) => `c${i}x`)
    const html = `<div class="${classes.join(' ')}"><p class="a b c d e f g h i j k l">x</p></div>`
    const [block] = segment(html)
    expect(block!.dom!.hints).toHaveLength(40)
    expect(block!.dom!.hints.slice(0, 3)).toEqual(['a', 'b', 'c'])
  })

  it('throws TOO_MANY_BLOCKS past limits.maxBlocks', () => {
    const html = `<body>${'<p>x</p>'.repeat(20)}</body>`
    expect(codeOf(() => segment(html, { maxBlocks: 10 }))).toBe('TOO_MANY_BLOCKS')
    expect(segment(html, { maxBlocks: 20 })).toHaveLength(20)
  })
})

describe('parseHtml on pathological input', () => {
  it('rejects 100,000 nested divs with TOO_DEEP quickly', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`
    const t0 = performance.now()
    expect(codeOf(() => parseHtml(html, limits))).toBe('TOO_DEEP')
    expect(performance.now() - t0).toBeLessThan(2000)
  })

  it('walks 20,000 nested elements without recursion when the limits allow it', () => {
    const deep = { maxDepth: 100_000 }
    const html = `<body>${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}</body>`
    const blocks = segment(html, deep)
    expect(blocks.map((b) => b.text)).toEqual(['deep text'])
    expect(blocks[0]!.dom!.depth).toBe(20_000)
    expect(blocks[0]!.dom!.container.length).toBeLessThan(200)
  })

  it('rejects too many elements, and floods of stray end tags, with TOO_MANY_NODES', () => {
    expect(codeOf(() => parseHtml(`<body>${'<p>x</p>'.repeat(2000)}`, { ...limits, maxNodes: 1000 }))).toBe('TOO_MANY_NODES')
    const t0 = performance.now()
    expect(codeOf(() => parseHtml(`<body>${'<div>'.repeat(900)}${'</x>'.repeat(300_000)}`, { ...limits, maxNodes: 100_000 }))).toBe('TOO_MANY_NODES')
    expect(performance.now() - t0).toBeLessThan(2000)
  })

  it('reads a 1 MB text node as one block', () => {
    const text = 'word '.repeat(200_000)
    const blocks = segment(`<body><p>${text}</p></body>`)
    expect(blocks).toHaveLength(1)
    expect(blocks[0]!.text.length).toBe(text.length - 1)
  })

  it('handles a frameset, an SVG document, an empty string and plain text', () => {
    expect(segment('<html><head><title>t</title></head><frameset><frame src="a.html"></frameset><noframes><body>No frames</body></noframes></html>')).toEqual([])
    expect(segment('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>drawing</text></svg>')).toEqual([])
    expect(segment('')).toEqual([])
    expect(segment('just some text').map((b) => b.text)).toEqual(['just some text'])
  })

  it('gives a document with html > head + body whatever the markup', () => {
    const document = parseHtml('<title>T</title><p>a</p></html><p>b</p>', limits)
    expect(document.documentElement.localName).toBe('html')
    expect(document.head.querySelector('title')?.textContent).toBe('T')
    expect(document.body.textContent).toBe('ab')
  })

  it('turns parser failures into PARSE_FAILED with the cause', () => {
    let error: unknown
    try {
      parseHtml(42 as unknown as string, limits)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DecantError)
    expect((error as DecantError).code).toBe('PARSE_FAILED')
    expect((error as DecantError).cause).toBeDefined()
  })
})

describe('trimBreaks', () => {
  it('drops the spaces and <br>s at both edges of a block, as the patterns it replaces did', () => {
    const byPattern = (html: string): string => html.replace(/^(?:\s|<br>)+/, '').replace(/(?:\s|<br>)+$/, '')
    // Pieces that make edges of spaces and breaks, and near-misses of a break.
    const piece = fc.constantFrom(' ', '\n', '\u00a0', '\u3000', '\u200b', '<br>', '<br', 'br>', '<', '>', 'a', '<b>', 'x<br>')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const html = pieces.join('')
        expect(trimBreaks(html)).toBe(byPattern(html))
      }),
      { numRuns: 3000 },
    )
  })
})
