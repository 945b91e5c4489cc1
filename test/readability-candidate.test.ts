/**
 * The second candidate: Readability on its own linkedom document, segmented
 * into blocks. Checked against Readability on jsdom (the reference DOM it is
 * developed on): the same text, modulo whitespace.
 */
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { readabilityCandidate } from '../src/candidates/readability.js'
import { DecantError } from '../src/errors.js'
import { settings } from '../src/settings.js'

const limits = { ...settings.limits }

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story tells, in plain sentences, what the council decided on Tuesday, why the vote was close, and what residents said about the new bus routes when they met at the town hall afterwards.</p>`

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Council approves new bus routes - The Daily Example</title>
  <meta property="og:site_name" content="The Daily Example">
  <meta property="article:published_time" content="2024-03-05T10:00:00Z">
  <meta name="author" content="Jane Doe">
</head>
<body>
  <header><nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
  <main>
    <article class="story">
      <h1>Council approves new bus routes</h1>
      ${[1, 2, 3, 4, 5, 6].map(paragraph).join('\n      ')}
      <p>Read the <a href="/docs/plan.pdf">full plan</a> online.</p>
    </article>
  </main>
  <footer class="site-footer"><p>© 2024 The Daily Example. All rights reserved.</p></footer>
</body>
</html>`

function onJsdom(html: string, url?: string) {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() })
  return new Readability(dom.window.document, { keepClasses: true, charThreshold: 300 }).parse()
}

const squeeze = (s: string) => s.replace(/[\s\u00ad\u200b\u2060\ufeff]+/g, '')

describe('readabilityCandidate', () => {
  it('gives the same text as Readability on jsdom, modulo whitespace', () => {
    const candidate = readabilityCandidate(PAGE, 'https://example.com/news/buses', limits)
    const reference = onJsdom(PAGE, 'https://example.com/news/buses')
    expect(candidate).not.toBeNull()
    expect(reference).not.toBeNull()
    expect(squeeze(candidate!.blocks.map((b) => b.text).join(''))).toBe(squeeze(reference!.textContent ?? ''))
  })

  it('keeps the article paragraphs as blocks, in their own order, and no chrome', () => {
    const { blocks } = readabilityCandidate(PAGE, undefined, limits)!
    blocks.forEach((b, i) => expect(b.index).toBe(i))
    const texts = blocks.map((b) => b.text)
    expect(texts.filter((t) => t.startsWith('Paragraph '))).toHaveLength(6)
    expect(texts).toContain('Read the full plan online.')
    expect(texts.join(' ')).not.toMatch(/All rights reserved|Sport/)
    for (const b of blocks) expect(b.dom).not.toBeNull()
  })

  it('makes links absolute against the page URL', () => {
    const c = readabilityCandidate(PAGE, 'https://example.com/news/buses', limits)!
    const link = c.blocks.find((b) => b.text.startsWith('Read the'))!
    expect(link.dom!.html).toContain('href="https://example.com/docs/plan.pdf"')
  })

  it('parses its own document: two calls on one page agree', () => {
    const a = readabilityCandidate(PAGE, undefined, limits)!
    const b = readabilityCandidate(PAGE, undefined, limits)!
    expect(b.blocks.map((x) => x.text)).toEqual(a.blocks.map((x) => x.text))
  })

  it('is null when there is no article', () => {
    expect(readabilityCandidate('', undefined, limits)).toBeNull()
    expect(readabilityCandidate('<html><body></body></html>', undefined, limits)).toBeNull()
    expect(readabilityCandidate('<html><body><nav><a href="/">Home</a></nav></body></html>', undefined, limits)).toBeNull()
  })

  it('does not swallow limit errors', () => {
    const deep = `<body>${'<div>'.repeat(80)}${paragraph(1)}${'</div>'.repeat(80)}</body>`
    let error: unknown
    try {
      readabilityCandidate(deep, undefined, { ...limits, maxDepth: 50 })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DecantError)
    expect((error as DecantError).code).toBe('TOO_DEEP')
  })
})
