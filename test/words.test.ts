import fc from 'fast-check'
import type { Root, Sentence } from 'nlcst'
import retextLatin from 'retext-latin'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { sentenceCount } from '../src/text/words.js'

/** parse-latin's count over the whole tree, which sentenceCount skips when nothing can split. */
function parsedCount(text: string): number {
  const tree = unified().use(retextLatin).parse(text) as Root
  let count = 0
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const child of paragraph.children) if ((child as Sentence).type === 'SentenceNode') count++
  }
  return Math.max(1, count)
}

// Words, spaces and every character that ends or wraps a sentence, so that
// texts with and without a split point both come up often.
const piece = fc.constantFrom('harbour', 'Ferry', 'Dr', 'e.g', '3.5', ' ', ' ', '  ', '.', '!', '?', '…', '‽', '"', '”', '’', "'", '»', ')', ']', '\n', '\r\n', ',', ':')
const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''))

describe('sentenceCount', () => {
  it('counts as parse-latin does, with or without a split point', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (!t.trim()) return
        expect(sentenceCount(t, 'en')).toBe(parsedCount(t))
      }),
      { numRuns: 2000 },
    )
  })

  it('reads one sentence, closed by its marks and quotes, as one', () => {
    expect(sentenceCount('The ferry leaves the harbour at noon every day', 'en')).toBe(1)
    expect(sentenceCount('The ferry leaves the harbour at noon.” ', 'en')).toBe(1)
  })

  it('splits at a sentence end and at a blank line', () => {
    expect(sentenceCount('The ferry left. It came back at noon.', 'en')).toBe(2)
    expect(sentenceCount('The ferry left\n\nIt came back at noon', 'en')).toBe(2)
    expect(sentenceCount('The ferry left\n\n)', 'en')).toBe(2)
  })
})
