import { hintKind } from './cues/dom-hints.js'
import { AI_SELF_REFERENCE, BREADCRUMB, CUE_SETS, type CueSet, SOCIAL_WORDS } from './cues/index.js'
import type { BlockEvidence } from './features.js'
import { settings } from './settings.js'
import type { Block, ChromeKind, Features } from './types.js'

/**
 * Evidence → a first verdict per block: chrome of a kind (with how strong
 * the evidence is), or a candidate for the body. The selector (select.ts)
 * then decides which candidates form the article and what the rest was.
 */

/**
 * - `label`: the whole block is a chrome label ("Advertisement").
 * - `phrase`: a specific phrase marks it ("All rights reserved").
 * - `structure`: its shape says so (a row of network names, lone symbols).
 * - `weak`: a phrase an article could quote; counts only outside the article.
 */
export type CueStrength = 'label' | 'phrase' | 'structure' | 'weak'

export interface Cue {
  kind: ChromeKind
  strength: CueStrength
  /** Heads a section whose un-cued blocks inherit the kind. */
  heads: boolean
  /** Closes an article: what follows belongs to it only with strong evidence. */
  wall: boolean
  reason: string
}

export interface Classified extends Block {
  features: Features
  contentWords: ReadonlySet<string>
  cue: Cue | null
}

/**
 * A label counting nothing ("0 Comments", "Kommentare (0)") is a link in the
 * article's header to a thread that does not exist: it heads and closes nothing.
 */
const ZERO_COUNT = /(?:^|[^\p{N}])0(?:[^\p{N}]|$)/u

/** A backreference or a named group: joining patterns would renumber or repeat it. */
const GROUP_REFERENCE = /\\[1-9]|\\k<|\(\?<[A-Za-z]/

/**
 * The patterns of a list joined into one alternation per flag set. It matches
 * a text exactly when one of them does, in one pass over the text instead of
 * one per pattern: most blocks match no phrase at all, and then one pass is
 * all they cost.
 */
function unionOf(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>()
  for (const pattern of patterns) {
    if (GROUP_REFERENCE.test(pattern.source)) throw new Error(`cue pattern /${pattern.source}/ refers to a group: it cannot be joined into a phrase gate`)
    const sources = byFlags.get(pattern.flags)
    if (sources) sources.push(`(?:${pattern.source})`)
    else byFlags.set(pattern.flags, [`(?:${pattern.source})`])
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags))
}

const PHRASE_GATES = new Map(CUE_SETS.map((set) => [set, { phrases: unionOf(set.phrases), weakPhrases: unionOf(set.weakPhrases) }]))

function anyMatches(gates: readonly RegExp[], text: string): boolean {
  for (const gate of gates) if (gate.test(text)) return true
  return false
}

function strongCue(set: CueSet, text: string, words: number): Cue | null {
  for (const label of set.labels) {
    if (label.test(text)) {
      const opens = !ZERO_COUNT.test(text)
      return { kind: set.kind, strength: 'label', heads: set.heads && opens, wall: set.labelsClose && opens, reason: `the block is the ${set.kind} label "${text.slice(0, 40)}"` }
    }
  }
  if (words > set.maxWords || !anyMatches(PHRASE_GATES.get(set)!.phrases, text)) return null
  for (const phrase of set.phrases) {
    const match = phrase.exec(text)
    if (!match) continue
    if (set.kind === 'ai-disclaimer' && !AI_SELF_REFERENCE.test(text)) continue
    return { kind: set.kind, strength: 'phrase', heads: false, wall: set.phrasesClose, reason: `${set.kind} phrase "${match[0].slice(0, 50)}"` }
  }
  return null
}

function weakCue(set: CueSet, text: string, words: number): Cue | null {
  if (words > Math.max(set.maxWords, 12) || !anyMatches(PHRASE_GATES.get(set)!.weakPhrases, text)) return null
  for (const phrase of set.weakPhrases) {
    const match = phrase.exec(text)
    if (match) return { kind: set.kind, strength: 'weak', heads: false, wall: false, reason: `${set.kind} phrase "${match[0].slice(0, 50)}"` }
  }
  return null
}

function firstCue(text: string, words: number, find: (set: CueSet, text: string, words: number) => Cue | null): Cue | null {
  for (const set of CUE_SETS) {
    const cue = find(set, text, words)
    if (cue) return cue
  }
  return null
}

const SOCIAL_TOKEN = /[\p{L}\p{N}-]+/gu
const MAX_SOCIAL_TOKENS = 16

/** Two to sixteen tokens, each a share/follow word or a network name; read only as far as the first that is not. */
function isSocialRow(text: string): boolean {
  const lower = text.toLowerCase()
  SOCIAL_TOKEN.lastIndex = 0
  let count = 0
  for (let match = SOCIAL_TOKEN.exec(lower); match; match = SOCIAL_TOKEN.exec(lower)) {
    if (++count > MAX_SOCIAL_TOKENS || !SOCIAL_WORDS.has(match[0])) return false
  }
  return count >= 2
}

function structuralCue(block: Block, features: Features): Cue | null {
  const text = block.text
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return { kind: 'ui', strength: 'structure', heads: false, wall: false, reason: 'no letters or digits: a symbol or control' }
  }
  if (isSocialRow(text)) {
    return { kind: 'social', strength: 'structure', heads: false, wall: false, reason: 'made only of share/follow words and network names' }
  }
  if (!features.terminalPunctuation && features.words <= 12 && BREADCRUMB.test(text) && /\s[>»›]\s|\s\/\s/.test(text)) {
    return { kind: 'navigation', strength: 'structure', heads: false, wall: false, reason: 'a breadcrumb trail' }
  }
  return null
}

/** Class tokens of a figure's caption or photo credit (`wp-caption-text`, `media__caption`, `newscaption`, `image-credit`). */
const CAPTION_HINT = /caption|(?:^|[-_])credits?(?:$|[-_])/

/**
 * A short caption or photo credit under a figure. The benchmarks' gold
 * leaves them out of the article text, as trafilatura does; they stay in
 * the article's HTML with their figure (html.ts).
 */
export function captionCue(block: Block, features: Features): Cue | null {
  const dom = block.dom
  if (!dom || features.words > settings.caption.maxWords) return null
  const hint = dom.tag === 'figcaption' ? 'figcaption' : dom.hints.slice(0, settings.caption.nearestHints).find((h) => CAPTION_HINT.test(h))
  if (!hint) return null
  return { kind: 'other', strength: 'structure', heads: false, wall: false, reason: `a figure caption (${hint})` }
}

const grid = settings.teaserGrid

function isLinkedHeadline(block: Block, features: Features): boolean {
  return (
    block.dom !== null &&
    block.dom.linkDensity >= grid.headlineLinkDensity &&
    features.words >= grid.minHeadlineWords &&
    features.words <= grid.maxHeadlineWords
  )
}

interface Card {
  headlines: number
  summaries: number
  words: number
  proseWords: number
  members: number[]
}

/**
 * Blocks of a grid of story cards: three or more sibling elements, each
 * holding exactly one linked headline, a summary that is not link text and
 * few words in all. Written as full sentences, the summaries read as prose;
 * the grid's shape tells them from the article, whose sections are not
 * each one linked headline and a paragraph. A grid that holds nearly all
 * of the page's prose is what the page is about (a roundup of linked items).
 */
function teaserCards(blocks: Block[], evidence: BlockEvidence[]): Map<number, number> {
  // A linked headline's container and its ancestors, a few levels up, may each be a card of a grid under its parent.
  const cards = new Map<string, Card>()
  const gridOf = new Map<string, string>()
  blocks.forEach((block, i) => {
    if (!block.dom || !isLinkedHeadline(block, evidence[i]!.features)) return
    let card = block.dom.container
    for (let up = 0; up <= grid.maxLevelsUp; up++) {
      const cut = card.lastIndexOf('.')
      if (cut <= 0) break
      const parent = card.slice(0, cut)
      if (!cards.has(card)) cards.set(card, { headlines: 0, summaries: 0, words: 0, proseWords: 0, members: [] })
      gridOf.set(card, parent)
      card = parent
    }
  })
  if (cards.size === 0) return new Map()
  // Each block counts in every candidate card its container lies in.
  blocks.forEach((block, i) => {
    if (!block.dom) return
    const f = evidence[i]!.features
    const headline = isLinkedHeadline(block, f)
    const summary = !headline && f.words >= grid.minSummaryWords && block.dom.linkDensity < settings.prose.maxLinkDensity
    const path = block.dom.container
    for (let cut = path.length; cut > 0; cut = path.lastIndexOf('.', cut - 1)) {
      const card = cards.get(path.slice(0, cut))
      if (!card) continue
      card.words += f.words
      if (f.prose) card.proseWords += f.words
      card.members.push(block.index)
      if (headline) card.headlines++
      else if (summary) card.summaries++
    }
  })
  const teasers = new Map<string, Card[]>()
  for (const [path, card] of cards) {
    if (card.headlines !== 1 || card.summaries === 0 || card.words > grid.maxCardWords) continue
    const parent = gridOf.get(path)!
    const list = teasers.get(parent)
    if (list) list.push(card)
    else teasers.set(parent, [card])
  }
  let pageProse = 0
  for (const { features } of evidence) if (features.prose) pageProse += features.words
  const out = new Map<number, number>()
  for (const list of teasers.values()) {
    if (list.length < grid.minCards) continue
    let gridProse = 0
    for (const card of list) gridProse += card.proseWords
    if (gridProse >= grid.maxProseShare * pageProse) continue
    for (const card of list) for (const index of card.members) out.set(index, list.length)
  }
  return out
}

/** Kinds whose class-name hint closes the article: comment threads and author bios come after it. */
const HINT_WALLS: ReadonlySet<ChromeKind> = new Set(['comments', 'author-box'])

/**
 * Class names, landmarks and link density. A class hint is strong evidence
 * where the second candidate (Readability) left the block out, and weak
 * where Readability kept it (an article may sit in `<div class="post comments-open">`).
 */
function domCue(block: Block, features: Features, layoutTokens: ReadonlySet<string>): Cue | null {
  const dom = block.dom
  if (!dom) return null
  const strength: CueStrength = dom.inCandidate ? 'weak' : 'structure'
  for (const token of dom.hints) {
    const kind = hintKind(token)
    if (kind === 'navigation' && layoutTokens.has(token)) continue
    if (kind) {
      const wall = strength === 'structure' && HINT_WALLS.has(kind)
      return { kind, strength, heads: false, wall, reason: `inside an element marked "${token}"` }
    }
  }
  if (dom.landmarks.includes('nav') || dom.landmarks.includes('navigation')) {
    return { kind: 'navigation', strength, heads: false, wall: false, reason: 'inside a <nav> landmark' }
  }
  if (dom.linkDensity > 0.8 && !features.prose) {
    return { kind: 'navigation', strength: 'weak', heads: false, wall: false, reason: `link text is ${Math.round(dom.linkDensity * 100)}% of the block` }
  }
  return null
}

/**
 * Class tokens that hold most of the page's prose: whatever they say
 * (`sidebar-wrapper`, `footer-push`), they name a layout wrapper around the
 * article, not a menu beside it.
 */
function layoutTokensOf(blocks: Block[], evidence: BlockEvidence[]): Set<string> {
  const proseWords = new Map<string, number>()
  let total = 0
  blocks.forEach((block, i) => {
    const f = evidence[i]!.features
    if (!f.prose || !block.dom) return
    total += f.words
    // Hints are unique per block (segment/html.ts), so each token counts a block once.
    for (const token of block.dom.hints) proseWords.set(token, (proseWords.get(token) ?? 0) + f.words)
  })
  const out = new Set<string>()
  for (const [token, words] of proseWords) if (words > settings.layoutHintShare * total) out.add(token)
  return out
}

function teaserCue(cards: number): Cue {
  return { kind: 'related', strength: 'structure', heads: false, wall: false, reason: `a card in a grid of ${cards} story teasers (each a linked headline and a short summary)` }
}

export function classify(blocks: Block[], evidence: BlockEvidence[]): Classified[] {
  const layoutTokens = layoutTokensOf(blocks, evidence)
  const teasers = teaserCards(blocks, evidence)
  return blocks.map((block, i) => {
    const { features, contentWords } = evidence[i]!
    const cards = teasers.get(block.index)
    const cue =
      firstCue(block.text, features.words, strongCue) ??
      structuralCue(block, features) ??
      captionCue(block, features) ??
      (cards === undefined ? null : teaserCue(cards)) ??
      firstCue(block.text, features.words, weakCue) ??
      domCue(block, features, layoutTokens)
    // Block's fields spelled out (a new one goes here too): V8 copies a spread property by property.
    return { index: block.index, text: block.text, gapBefore: block.gapBefore, dom: block.dom, features, contentWords, cue }
  })
}
