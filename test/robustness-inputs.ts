/**
 * Hostile and degenerate inputs, generated in code (nothing large is stored):
 * shared by the bad-input matrix (robustness.test.ts) and bench/memory.ts.
 */

const encoder = new TextEncoder()

export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** A deterministic pseudo-random byte stream (an LCG): the body of a fake PNG or gzip member. */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length)
  let s = seed >>> 0
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    out[i] = s >>> 24
  }
  return out
}

export function withPrefix(prefix: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + body.length)
  out.set(prefix)
  out.set(body, prefix.length)
  return out
}

const SENTENCES = [
  'The council met on Tuesday evening and agreed a new budget for the town schools after a long debate.',
  'Teachers had asked for more money for books, laptops and the repair of two leaking roofs before winter.',
  'The mayor said the plan would be paid for by savings elsewhere and not by raising local taxes this year.',
  'Parents who spoke at the meeting welcomed the decision but asked when the building work would begin.',
]

/** One paragraph of plain news prose. */
export function sentence(i: number): string {
  return SENTENCES[i % SENTENCES.length]!
}

/** An ordinary article page: headline, `paragraphs` paragraphs, a menu and a footer. */
export function articlePage(paragraphs: number, title = 'Council agrees new school budget'): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>${sentence(i)} (${i + 1})</p>`).join('\n')
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Town News</title></head><body>` +
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>' +
    `<article><h1>${title}</h1>\n${body}\n</article>` +
    '<footer><p>© 2025 Town News. All rights reserved.</p></footer></body></html>'
  )
}

/** An article page of about `bytes` bytes (ASCII), in paragraphs of about 2 KB. */
export function bigPage(bytes: number): string {
  const parts = ['<!doctype html><html><head><title>A very long report</title></head><body><article><h1>A very long report</h1>\n']
  let size = parts[0]!.length
  for (let i = 0; size < bytes; i++) {
    const p = `<p>${Array.from({ length: 20 }, (_, k) => sentence(i + k)).join(' ')}</p>\n`
    parts.push(p)
    size += p.length
  }
  parts.push('</article></body></html>')
  return parts.join('')
}

/** `depth` nested <div>s around one sentence. */
export function nestedDivs(depth: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}${sentence(0)}${'</div>'.repeat(depth)}</body></html>`
}

/** `&amp;` `count` times in one paragraph. */
export function entityBomb(count: number): string {
  return `<!doctype html><html><body><p>${'&amp;'.repeat(count)}</p></body></html>`
}
