import { DecantError } from '../errors.js'
import type { Block, Limits } from '../types.js'

/**
 * Plain text → Block[]: one block per non-blank line.
 *
 * A copied page keeps the page's structure only in its line breaks: every
 * block element of the page became at least one line, and the spacing
 * between lines (none, one or several blank lines) tells which elements
 * shared a container. So a line is the unit, and the blank lines before it
 * are kept as layout evidence.
 */

/** Blank: nothing but whitespace, including no-break and zero-width spaces. */
const BLANK = /^[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]*$/

export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2060\ufeff]+/g, ' ').trim()
}

export function segmentText(text: string, limits: Limits): Block[] {
  const blocks: Block[] = []
  let gap = 0
  for (const line of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    if (BLANK.test(line)) {
      gap++
      continue
    }
    if (blocks.length >= limits.maxBlocks) {
      throw new DecantError('TOO_MANY_BLOCKS', `the text has more than ${limits.maxBlocks} non-blank lines`)
    }
    blocks.push({ index: blocks.length, text: foldWhitespace(line), gapBefore: blocks.length === 0 ? 0 : gap, dom: null })
    gap = 0
  }
  return blocks
}
