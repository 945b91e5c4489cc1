import { unified } from 'unified'
import retextLatin from 'retext-latin'
import type { Root, Sentence } from 'nlcst'
import { isUnspacedScript } from './lang.js'

/**
 * Words and sentences of a block.
 *
 * Sentences come from retext (parse-latin), which knows abbreviations,
 * initials, decimal numbers and quotes; words from a Unicode letter regex,
 * or from `Intl.Segmenter` for scripts written without spaces, where a
 * regex would see one "word" per clause.
 */

const LETTER_WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’\-]*|\p{N}+(?:[.,]\p{N}+)*/gu

const wordSegmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(lang)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' })
    wordSegmenters.set(lang, segmenter)
  }
  return segmenter
}

/** The first `n` code points of a text (a surrogate pair is one). */
export function codePointPrefix(text: string, n: number): string {
  if (text.length <= n) return text
  let end = 0
  for (let count = 0; count < n && end < text.length; count++) {
    const code = text.charCodeAt(end)
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1
  }
  return text.slice(0, end)
}

/** The words of a text, as written (not lower-cased). */
export function words(text: string, lang: string | null): string[] {
  if (lang && isUnspacedScript(lang)) {
    const out: string[] = []
    for (const segment of segmenterFor(lang).segment(text)) {
      if (segment.isWordLike) out.push(segment.segment)
    }
    return out
  }
  return text.match(LETTER_WORD) ?? []
}

const latinParser = unified().use(retextLatin)

/** Unspaced scripts end sentences with full-width marks that parse-latin does not know. */
const CJK_SENTENCE_END = /[。！？]+/g

/** parse-latin's sentence ends (its `terminalMarker`), and line breaks, where it may start a paragraph. */
const SENTENCE_SPLIT = /[!.?\u2026\u203D\r\n]/
/** The end of a last sentence: its marks, closing quotes and brackets, and spaces. */
const LAST_SENTENCE_END = /[!.?\u2026\u203D"'”’»)\]\s]+$/

/** Number of sentences in a text (at least 1 for a non-empty text). */
export function sentenceCount(text: string, lang: string | null): number {
  if (!text.trim()) return 0
  if (lang && isUnspacedScript(lang)) {
    const ends = text.match(CJK_SENTENCE_END)?.length ?? 0
    const trailing = /[。！？][」』”"）)]*\s*$/.test(text) ? 0 : 1
    return Math.max(1, ends + trailing)
  }
  // Nowhere for parse-latin to split: one sentence, without building its tree
  // (the tree of every block was a tenth of all that decant allocated).
  const end = LAST_SENTENCE_END.exec(text)
  // A line break in the end may open a paragraph of its own: only the parser can tell.
  const head = end && !/[\r\n]/.test(end[0]) ? text.slice(0, end.index) : text
  if (!SENTENCE_SPLIT.test(head)) return 1
  const tree = latinParser.parse(text) as Root
  let count = 0
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const child of paragraph.children) {
      if ((child as Sentence).type === 'SentenceNode') count++
    }
  }
  return Math.max(1, count)
}
