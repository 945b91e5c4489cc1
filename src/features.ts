import { hasDate } from './metadata/dates.js'
import { settings } from './settings.js'
import { isUnspacedScript, stopwordsFor } from './text/lang.js'
import { codePointPrefix, sentenceCount, words } from './text/words.js'
import type { Block, Features } from './types.js'

/**
 * Block → evidence. Every measure the classifier and the selector use is
 * computed here, once, for both the text and the HTML path.
 */

export interface PageContext {
  /** BCP 47 language of the page's prose, or null. */
  lang: string | null
}

/** Per-block evidence plus the content words (used for cohesion by later stages). */
export interface BlockEvidence {
  features: Features
  contentWords: ReadonlySet<string>
}

/**
 * A sentence end, or a colon that hands over to a quote or a list, maybe
 * inside closing quotes, maybe followed by an agency credit: "… (Reuters)".
 * Closing quotes in every convention: “…” and ‘…’, German „…“ and ‚…‘,
 * guillemets either way round (»…« and ›…‹ in German; «…» and ‹…› in French,
 * where a space stands before the closing one).
 */
const TERMINAL = /[.!?…。！？:](?:\s*["'”’“‘›‹»«)\]」』）])*(?:\s*\([^()]{1,40}\))?$/u

/** Times and relative dates ("2 hours ago", "vor 2 Stunden", "hace 3 días") mark datelines too, though they name no day. `(?<!\w)` for `\b`: see cues/types.ts. */
const TIME_OR_RELATIVE_DATE =
  /(?<!\w)\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)|(?<!\w)\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b|(?<!\w)vor\s+\d+\s+(?:minuten|stunden|tagen|wochen)\b|(?<!\w)(?:il y a|hace|há)\s+\d+\s+(?:minutes?|heures?|jours?|minutos?|horas?|d[ií]as?)\b|(?<!\w)\d+\s+(?:uur|minuten|dagen)\s+geleden\b/iu

export function normalizeForRepeat(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Content words, cut to a stem-like prefix: inflected languages write the
 * same word many ways (Demokratie, Demokratien), and a paragraph shares its
 * topic with the rest of the article through these words.
 */
function contentWordsOf(lowerTokens: string[], stopwords: ReadonlySet<string>, unspaced: boolean): Set<string> {
  const out = new Set<string>()
  for (const lower of lowerTokens) {
    if (stopwords.has(lower)) continue
    if (/^\p{N}/u.test(lower)) continue
    if (!unspaced && lower.length < 3) continue
    out.add(unspaced ? lower : codePointPrefix(lower, settings.cohesion.stemLength))
  }
  return out
}

const HAS_LETTER = /\p{L}/u
const STARTS_WITH_LETTER = /^\p{L}/u
const STARTS_UPPER = /^\p{Lu}/u

/** Word counts in one pass over the tokens: letters-bearing words, stopwords among them, capitalisable and capitalised words. */
function countWords(tokens: string[], lowerTokens: string[], stopwords: ReadonlySet<string>): { alphabetic: number; stops: number; capitalizable: number; titled: number } {
  let alphabetic = 0
  let stops = 0
  let capitalizable = 0
  let titled = 0
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!
    if (!HAS_LETTER.test(w)) continue
    alphabetic++
    const lower = lowerTokens[i]!
    if (stopwords.has(lower)) stops++
    if (w.length >= 2 && STARTS_WITH_LETTER.test(w) && lower !== w.toUpperCase()) {
      capitalizable++
      if (STARTS_UPPER.test(w)) titled++
    }
  }
  return { alphabetic, stops, capitalizable, titled }
}

/**
 * Share of a block's content words found in a profile of other text
 * (0 when the block has none). `profile` maps a word to how many blocks
 * carry it; the block's own contribution is discounted, so a block does
 * not cohere with itself.
 */
export function cohesion(own: ReadonlySet<string>, profile: ReadonlyMap<string, number>, ownInProfile: boolean): number {
  if (own.size === 0) return 0
  let shared = 0
  for (const word of own) {
    const count = (profile.get(word) ?? 0) - (ownInProfile ? 1 : 0)
    if (count > 0) shared++
  }
  return shared / own.size
}

/** Word → number of blocks carrying it, over the given blocks. */
export function buildProfile(blocks: Iterable<ReadonlySet<string>>): Map<string, number> {
  const profile = new Map<string, number>()
  for (const set of blocks) for (const word of set) profile.set(word, (profile.get(word) ?? 0) + 1)
  return profile
}

const LETTER = /\p{L}/u
const UPPER = /\p{Lu}/u
const DIGIT = /\p{N}/u

/**
 * Code points, letters, capitals and digits of a text in one pass: matching
 * each class with a global regex built an array per class per block, and
 * that garbage was a tenth of the time of the whole labelling.
 */
function countCharacters(text: string): { chars: number; letters: number; upper: number; digits: number } {
  let chars = 0
  let letters = 0
  let upper = 0
  let digits = 0
  for (const ch of text) {
    chars++
    const code = ch.charCodeAt(0)
    if (code < 128) {
      if (code >= 97 && code <= 122) letters++
      else if (code >= 65 && code <= 90) {
        letters++
        upper++
      } else if (code >= 48 && code <= 57) digits++
    } else if (LETTER.test(ch)) {
      letters++
      if (UPPER.test(ch)) upper++
    } else if (DIGIT.test(ch)) digits++
  }
  return { chars, letters, upper, digits }
}

/**
 * Scripts without spaces between words write prose without spaces: a line
 * of short space-separated pieces ("时政 地方 法治 高层 …") is a menu.
 */
function isSpacedList(text: string): boolean {
  const pieces = text.trim().split(/\s+/)
  return pieces.length >= settings.prose.minListPiecesUnspaced && text.replace(/\s+/g, '').length / pieces.length <= settings.prose.maxListPieceCharsUnspaced
}

/** Is this block running prose, the stuff articles are made of? */
function isProse(text: string, f: Omit<Features, 'prose' | 'cohesion' | 'repeats' | 'position'>, unspaced: boolean, hasStopwords: boolean): boolean {
  const p = settings.prose
  const functionWords = !hasStopwords || f.stopwordRatio >= p.minStopwordRatio
  if (unspaced) {
    if (isSpacedList(text)) return false
    return (f.chars >= p.minCharsUnspaced && f.terminalPunctuation) || f.chars >= p.longCharsUnspaced
  }
  if (f.words >= p.minWords && f.terminalPunctuation && functionWords) return true
  return f.words >= p.longWords && functionWords
}

export function computeFeatures(blocks: Block[], context: PageContext): BlockEvidence[] {
  const { lang } = context
  const stopwords = stopwordsFor(lang)
  const unspaced = isUnspacedScript(lang)
  const repeatKeys = blocks.map((block) => normalizeForRepeat(block.text))
  const repeatCounts = new Map<string, number>()
  for (const key of repeatKeys) repeatCounts.set(key, (repeatCounts.get(key) ?? 0) + 1)

  const partial = blocks.map((block) => {
    const text = block.text
    const tokens = words(text, lang)
    const lowerTokens = tokens.map((w) => w.toLowerCase())
    const { alphabetic, stops, capitalizable, titled } = countWords(tokens, lowerTokens, stopwords)
    const { chars, letters, upper, digits } = countCharacters(text)
    // The page-level measures are filled in below, in place: a spread of each block's features cost as much as computing them.
    const features: Features = {
      chars,
      words: tokens.length,
      sentences: tokens.length >= settings.prose.minWordsForSentences ? sentenceCount(text, lang) : tokens.length > 0 ? 1 : 0,
      stopwordRatio: alphabetic ? stops / alphabetic : 0,
      terminalPunctuation: TERMINAL.test(text),
      titleCaseRatio: capitalizable ? titled / capitalizable : 0,
      capsRatio: letters ? upper / letters : 0,
      // Both need a digit: most blocks have none.
      hasDate: /\d/.test(text) && (TIME_OR_RELATIVE_DATE.test(text) || hasDate(text)),
      digitRatio: chars ? digits / chars : 0,
      repeats: 0,
      position: 0,
      cohesion: 0,
      prose: false,
    }
    return { features, content: contentWordsOf(lowerTokens, stopwords, unspaced) }
  })

  const hasStopwords = stopwords.size > 0
  // A block that is mostly link text is a menu or a teaser, however well it reads.
  const proseFlags = partial.map(({ features }, i) => isProse(blocks[i]!.text, features, unspaced, hasStopwords) && (blocks[i]!.dom?.linkDensity ?? 0) <= settings.prose.maxLinkDensity)
  // Cohesion is measured against the page's prose: an article's paragraphs
  // share its names and topic words, a teaser of another story does not.
  const profile = buildProfile(partial.filter((_, i) => proseFlags[i]).map((p) => p.content))

  return partial.map(({ features, content }, i) => {
    features.repeats = (repeatCounts.get(repeatKeys[i]!) ?? 1) - 1
    features.position = blocks.length > 1 ? i / (blocks.length - 1) : 0
    features.cohesion = cohesion(content, profile, proseFlags[i]!)
    features.prose = proseFlags[i]!
    return { features, contentWords: content }
  })
}
