import { type Classified, captionCue } from './classify.js'
import { isEmbedHint } from './cues/dom-hints.js'
import { buildProfile, cohesion, normalizeForRepeat } from './features.js'
import { settings } from './settings.js'
import type { ChromeKind, LabeledBlock } from './types.js'

/**
 * Which blocks are the article.
 *
 * The article is the contiguous run of blocks with the most prose in it and
 * the least of everything else: each block gets a value (prose counts for
 * it by its words, menus and labels against it, walls such as a legal notice
 * or a comment form strongly against it) and the run with the largest sum
 * wins (Kadane's maximum subarray, as in Finn et al.'s Body Text Extraction).
 * The search runs twice: the second time every prose block's value is
 * scaled by its cohesion with the first run's words, so that well-written
 * paragraphs about other stories (teasers after the article) count against
 * the article instead of for it.
 */

export interface Region {
  start: number
  end: number
  /** Words of prose inside the region. */
  proseWords: number
}

const r = settings.region

const SOFT_WALLS: ReadonlySet<ChromeKind> = new Set(['related', 'newsletter'])

/** Boxes that end an article's container: what a weak cue of these kinds marks after the last paragraph is chrome. */
const CLOSING_KINDS: ReadonlySet<ChromeKind> = new Set(['author-box', 'newsletter', 'related', 'social', 'comments', 'legal', 'advertisement', 'ai-disclaimer'])

/**
 * How much a prose block counts for the article, from its cohesion relative
 * to how much the core's own paragraphs cohere (short articles and
 * inflected languages share fewer exact words between paragraphs).
 */
function cohesionWeight(c: number, typical: number): number {
  const relative = c / Math.max(typical, r.minTypicalCohesion)
  if (relative >= r.cohesionFull) return 1
  if (relative <= 0) return -r.incoherentPenalty
  if (relative < r.cohesionZero) return -r.incoherentPenalty * (1 - relative / r.cohesionZero)
  return (relative - r.cohesionZero) / (r.cohesionFull - r.cohesionZero)
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function isStrongCue(block: Classified): boolean {
  return block.cue !== null && block.cue.strength !== 'weak'
}

function isShortSentence(block: Classified): boolean {
  const f = block.features
  return !f.prose && f.terminalPunctuation && f.words >= r.shortSentenceMinWords
}

/**
 * A short line that reads as text rather than as a menu item: it has
 * function words or inner punctuation ("Termin: 29.02.2020, 19 Uhr", a list
 * item). Articles are full of these; menus are made of bare labels.
 */
function isTextual(block: Classified): boolean {
  const f = block.features
  if (f.words < r.textualMinWords) return false
  if (f.titleCaseRatio === 1 && f.stopwordRatio === 0) return false
  return f.stopwordRatio > 0 || /[,;:()]/.test(block.text) || f.digitRatio > 0
}

/**
 * DOM evidence scales a block's value: Readability's agreement, and class
 * names that say share, related or comments.
 */
function domWeight(block: Classified, hasCandidate: boolean): { prose: number; plain: number | null } {
  const dom = block.dom
  if (!dom) return { prose: 1, plain: null }
  const hinted = block.cue?.strength === 'weak'
  if (hasCandidate && dom.inCandidate) return { prose: hinted ? 1 : r.candidateProseWeight, plain: hinted ? -r.cuedCost : r.candidatePlainValue }
  const prose = (hasCandidate ? r.outsideCandidateProseWeight : 1) * (hinted ? r.hintedProseWeight : 1)
  return { prose, plain: hinted ? -r.cuedCost : null }
}

/** What a block's value depends on beyond the block: the walls' costs and the page's carousels. */
interface PageCosts {
  /** A block that closes the article: legal notice, comment form, author box. */
  wall: number
  /** A related-stories or sign-up box, which may also stand inside the article. */
  softWall: number
  /** Paragraphs that are items of a carousel: no evidence for the article either way. */
  carouselItems: ReadonlySet<number>
}

/** Walls grow with the article: what follows one must outweigh a good share of what precedes it. */
function wallCosts(coreWords: number, carouselItems: ReadonlySet<number>): PageCosts {
  return { wall: Math.max(r.wallMin, r.wallShare * coreWords), softWall: Math.max(r.softWallCost, r.softWallShare * coreWords), carouselItems }
}

/**
 * Paragraphs printed again a few blocks away: a slider clones its teasers,
 * so a carousel of other stories shows each text twice in a short stretch
 * (a dek printed again as the lead is further apart). None when most of the
 * page's prose is repeated: then the page holds its article twice.
 */
function carouselItemsOf(blocks: Classified[]): Set<number> {
  const items = new Set<number>()
  const lastSeen = new Map<string, number>()
  let all = 0
  let repeated = 0
  for (const block of blocks) {
    if (!block.features.prose) continue
    all += block.features.words
    if (block.features.repeats === 0) continue
    repeated += block.features.words
    const key = normalizeForRepeat(block.text)
    const previous = lastSeen.get(key)
    if (previous !== undefined && block.index - previous <= r.carouselReach) items.add(previous).add(block.index)
    lastSeen.set(key, block.index)
  }
  return repeated < r.maxRepeatedProseShare * all ? items : new Set()
}

function blockValue(block: Classified, walls: PageCosts, weight: (block: Classified) => number, hasCandidate: boolean): number {
  const f = block.features
  if (isStrongCue(block)) {
    // A figure's caption stands between the article's paragraphs as often as it stands beside a teaser: no evidence either way.
    if (block.cue!.kind === 'other') return 0
    if (!block.cue!.wall) return -r.cuedCost
    // Related-story boxes and sign-up boxes also sit inside articles; what follows them is judged by its cohesion.
    return SOFT_WALLS.has(block.cue!.kind) ? -walls.softWall : -walls.wall
  }
  if (f.prose && walls.carouselItems.has(block.index)) return 0
  const dom = domWeight(block, hasCandidate)
  if (f.prose) return f.words * weight(block) * dom.prose
  if (dom.plain !== null) return dom.plain
  if (isShortSentence(block)) return f.words * r.shortSentenceWeight * Math.min(1, weight(block))
  if (isTextual(block)) return -r.textualCost
  return -(r.plainCost + r.plainCostPerWord * f.words)
}

function maximumRun(values: number[]): { start: number; end: number; sum: number } | null {
  let best: { start: number; end: number; sum: number } | null = null
  let sum = 0
  let start = 0
  values.forEach((value, i) => {
    if (sum <= 0) {
      sum = 0
      start = i
    }
    sum += value
    if (sum > 0 && (!best || sum > best.sum)) best = { start, end: i, sum }
  })
  return best
}

function proseWordsIn(blocks: Classified[], start: number, end: number): number {
  let words = 0
  for (let i = start; i <= end; i++) if (blocks[i]!.features.prose) words += blocks[i]!.features.words
  return words
}

/** The article region, or null when the page has no prose at all. */
export function findRegion(blocks: Classified[]): Region | null {
  const hasCandidate = blocks.some((b) => b.dom?.inCandidate)
  // Below a comment form or a "Comments" heading, prose is most likely comments:
  // a long thread must not outweigh the article above it.
  // A "Comments" label above all prose is a menu item or a count link in the header, not the thread's heading.
  const firstProse = blocks.findIndex((b) => b.features.prose && b.cue === null)
  const commentsFrom = firstProse < 0 ? -1 : blocks.findIndex((b) => b.index > firstProse && b.cue?.kind === 'comments' && b.cue.wall)
  const discount = (block: Classified) => (commentsFrom >= 0 && block.index > commentsFrom ? r.afterCommentsWeight : 1)
  const carousel = carouselItemsOf(blocks)
  const first = maximumRun(blocks.map((b) => blockValue(b, wallCosts(0, carousel), discount, hasCandidate)))
  if (!first) return null
  const coreWords = proseWordsIn(blocks, first.start, first.end)
  const core = blocks.slice(first.start, first.end + 1).filter((b) => b.features.prose)
  const profile = buildProfile(core.map((b) => b.contentWords))
  const inCore = (block: Classified) => block.index >= first.start && block.index <= first.end && block.features.prose
  const typical = median(core.map((b) => cohesion(b.contentWords, profile, true)))
  // Two or three paragraphs share too few words to tell a topic from noise.
  const measurable = core.length >= r.minCoreBlocksForCohesion
  const weight = (block: Classified) => {
    if (!measurable) return discount(block)
    const w = cohesionWeight(cohesion(block.contentWords, profile, inCore(block)), typical)
    // Readability kept it: a paragraph on another aspect of the story, not another story.
    return discount(block) * (hasCandidate && block.dom?.inCandidate ? Math.max(w, r.candidateMinCohesionWeight) : w)
  }
  const walls = wallCosts(coreWords, carousel)
  const second = maximumRun(blocks.map((b) => blockValue(b, walls, weight, hasCandidate))) ?? first
  return { start: second.start, end: second.end, proseWords: proseWordsIn(blocks, second.start, second.end) }
}

/** Share of the region's prose words that the second candidate (Readability) also keeps. */
function candidateShare(blocks: Classified[], region: Region): number {
  let kept = 0
  let all = 0
  for (let i = region.start; i <= region.end; i++) {
    const block = blocks[i]!
    if (!block.features.prose) continue
    all += block.features.words
    if (block.dom?.inCandidate) kept += block.features.words
  }
  return all === 0 ? 0 : kept / all
}

/**
 * Where the region's closing run of chrome begins: the first cued block after
 * the last un-cued paragraph (the region's end + 1 when there is none).
 */
function tailStart(blocks: Classified[], region: Region): number {
  let lastParagraph = region.start - 1
  for (let i = region.end; i >= region.start; i--) {
    const block = blocks[i]!
    if (block.features.prose && block.cue === null) {
      lastParagraph = i
      break
    }
  }
  if (lastParagraph < region.start) return region.end + 1
  let from = region.end + 1
  for (let i = lastParagraph + 1; i <= region.end; i++) {
    const cue = blocks[i]!.cue
    if (cue !== null && CLOSING_KINDS.has(cue.kind)) {
      from = i
      break
    }
  }
  // A cue that marks most of the region marks its container, not a box at its end.
  const tailWords = proseWordsIn(blocks, from, region.end)
  return tailWords > r.maxTailShare * region.proseWords ? region.end + 1 : from
}

/** A page with no prose: its longest un-cued block is all the article there is. */
function fallbackRegion(blocks: Classified[]): Region | null {
  let best: Classified | null = null
  for (const block of blocks) {
    // Any cue counts here, weak ones too: a page of nothing but links has no article.
    if (block.cue !== null || block.features.words < 2) continue
    if (!best || block.features.words > best.features.words) best = block
  }
  return best ? { start: best.index, end: best.index, proseWords: 0 } : null
}

function isNameLike(block: Classified): boolean {
  const f = block.features
  return f.words >= 1 && f.words <= 5 && f.titleCaseRatio === 1 && f.digitRatio === 0 && !f.terminalPunctuation
}

/** Inside a post the article embeds: the class sits on the block or on the embed's own element, a step or two up. */
function isEmbedded(block: Classified): boolean {
  return block.dom != null && block.dom.hints.slice(0, r.embedHintReach).some(isEmbedHint)
}

function labelled(block: Classified, label: LabeledBlock['label'], score: number, reason: string): LabeledBlock {
  // Spelled out, as in classify(): a rest pattern is slower still than a spread.
  return { index: block.index, text: block.text, gapBefore: block.gapBefore, dom: block.dom, features: block.features, label, score, reason }
}

/** What an un-cued block outside the article most likely is, from where it stands. */
function outsideKind(block: Classified, before: boolean, section: ChromeKind | null, sharedWithArticle: number): { kind: ChromeKind; reason: string } {
  if (section) return { kind: section, reason: `under a ${section} heading` }
  const f = block.features
  if (before) return { kind: 'navigation', reason: 'above the article and not part of its header' }
  if (f.prose || f.words >= 4) {
    const shared = Math.round(sharedWithArticle * 100)
    return { kind: 'related', reason: `text after the article's end, sharing ${shared}% of its content words with the article` }
  }
  return { kind: 'navigation', reason: 'a short label after the article' }
}

/**
 * When the second candidate agrees on the article, the article does not run
 * past its last block: prose after it is the next story or a teaser, which
 * Readability's sibling scoring left out. Its first block bounds the article
 * only against lists and short lines (a column of teaser items): a lead
 * paragraph in a container of its own is often left out by Readability.
 */
function clipToCandidate(blocks: Classified[], region: Region): Region {
  if (candidateShare(blocks, region) < r.candidateAgreement) return region
  let start = region.start
  let end = region.end
  while (start < end && !blocks[start]!.dom?.inCandidate && (!blocks[start]!.features.prose || blocks[start]!.dom?.tag === 'li')) start++
  while (end > start && !blocks[end]!.dom?.inCandidate) end--
  return { start, end, proseWords: proseWordsIn(blocks, start, end) }
}

/**
 * A box set into the article's container (a "Related" list between two
 * paragraphs) does not end the article: a paragraph after it in that same
 * container, which the second candidate (Readability) keeps too, goes on
 * with the article. Only boxes of links and labels nested inside the
 * container are crossed, and none that holds a hard wall (a comment form, a
 * legal notice) or a paragraph of its own; a block at the container's own
 * level that is no such paragraph, or a block outside the container, ends
 * the search.
 */
function resumeAfterInsetBoxes(blocks: Classified[], region: Region): Region {
  let lastProse = region.end
  while (lastProse >= region.start && !blocks[lastProse]!.features.prose) lastProse--
  const container = lastProse >= region.start ? blocks[lastProse]!.dom?.container : undefined
  if (!container) return region
  const nested = container + '.'
  let end = region.end
  let crossed = false
  for (let i = lastProse + 1; i < blocks.length; i++) {
    const block = blocks[i]!
    const at = block.dom?.container
    if (at === undefined) break
    if (at.startsWith(nested)) {
      const cue = block.cue
      if (cue && cue.wall && isStrongCue(block) && !SOFT_WALLS.has(cue.kind)) break
      // A box of links and labels; one with paragraphs of its own (a player's notes, a teaser) is not crossed.
      if (block.features.prose && !isStrongCue(block)) break
      crossed = true
      continue
    }
    if (at !== container || !crossed || !block.features.prose || !block.dom!.inCandidate || isStrongCue(block)) break
    end = i
  }
  return end === region.end ? region : { start: region.start, end, proseWords: proseWordsIn(blocks, region.start, end) }
}

/** A caption written as prose: a sentence under a picture rather than a credit line. */
function isProseCaption(block: Classified): boolean {
  return block.features.prose && captionCue(block, block.features) !== null
}

/**
 * A gallery: the captions under its pictures hold at least as much of the
 * region's prose as its paragraphs do, so the captions are the text a
 * reader came for.
 */
function isGallery(blocks: Classified[], region: Region): boolean {
  let captionWords = 0
  for (let i = region.start; i <= region.end; i++) if (isProseCaption(blocks[i]!)) captionWords += blocks[i]!.features.words
  return captionWords > 0 && captionWords >= region.proseWords - captionWords
}

/**
 * A page whose article has little prose (an agenda, a list of steps) may
 * leave decant's search on a stray paragraph in the header. When that
 * paragraph is none of what the second candidate (Readability) keeps, and
 * the candidate holds more words, the candidate's span is the article.
 */
function candidateSpan(blocks: Classified[], found: Region | null): Region | null {
  let first = -1
  let last = -1
  let words = 0
  for (const block of blocks) {
    // Only what no cue marks: a candidate of links and labels is a menu Readability fell back on.
    if (!block.dom?.inCandidate || block.cue !== null) continue
    if (first < 0) first = block.index
    last = block.index
    words += block.features.words
  }
  if (first < 0) return null
  if (found) {
    if (found.end >= first && found.start <= last) return null
    if (words <= proseWordsIn(blocks, found.start, found.end)) return null
  }
  return { start: first, end: last, proseWords: proseWordsIn(blocks, first, last) }
}

export function select(blocks: Classified[]): { blocks: LabeledBlock[]; region: Region | null } {
  const found = findRegion(blocks)
  const adopted = candidateSpan(blocks, found)
  const region = adopted ?? (found ? resumeAfterInsetBoxes(blocks, clipToCandidate(blocks, found)) : fallbackRegion(blocks))
  const gallery = region !== null && isGallery(blocks, region)
  const article = region ? blocks.slice(region.start, region.end + 1).filter((b) => b.features.prose) : []
  const articleProfile = buildProfile(article.map((b) => b.contentWords))
  const candidateAgrees = region !== null && candidateShare(blocks, region) >= r.candidateAgreement
  const tail = region ? tailStart(blocks, region) : -1
  const out: LabeledBlock[] = []
  let section: ChromeKind | null = null
  for (const block of blocks) {
    const inside = region !== null && block.index >= region.start && block.index <= region.end
    const cue = block.cue
    if (region && (block.index === region.start || block.index === region.end + 1)) section = null
    if (inside) {
      if (gallery && isProseCaption(block)) {
        out.push(labelled(block, 'body', 0.7, 'a caption in a gallery, whose captions hold most of its prose'))
        section = null
      } else if (cue && block.index >= tail && CLOSING_KINDS.has(cue.kind)) {
        // An author bio, a sign-up pitch or a related box that closes the article's container
        // is kept by Readability with it; no paragraph of the article follows.
        out.push(labelled(block, cue.kind, 0.7, `${cue.reason}, closing the article`))
        section = cue.heads ? cue.kind : section
      } else if (cue && isStrongCue(block)) {
        out.push(labelled(block, cue.kind, 0.9, `${cue.reason}, inside the article`))
        section = cue.heads ? cue.kind : section
      } else if (block.features.prose) {
        out.push(labelled(block, 'body', 0.9, 'prose in the article region'))
        section = null
      } else if (section) {
        // A box inside the article ("Related" and its links) ends where the prose resumes.
        out.push(labelled(block, section, 0.7, `under a ${section} heading inside the article`))
      } else if (candidateAgrees && block.dom && !block.dom.inCandidate && !isEmbedded(block)) {
        // Headings, lists and tables of the article are what Readability keeps best; a short
        // line it dropped between the paragraphs it kept is a caption, a date line or a widget.
        out.push(labelled(block, 'other', 0.6, 'between the paragraphs, but left out by the second candidate (Readability)'))
      } else {
        out.push(labelled(block, 'body', 0.6, 'inside the article region, between its paragraphs'))
      }
      continue
    }
    const before = region === null || block.index < region.start
    if (cue) {
      // A thread follows the text it discusses: above the article, "Kommentar" is a kicker or a menu label.
      if (cue.heads && !(before && cue.kind === 'comments')) section = cue.kind
      out.push(cue.strength === 'weak' ? labelled(block, cue.kind, 0.6, `${cue.reason}, outside the article`) : labelled(block, cue.kind, 0.9, cue.reason))
      continue
    }
    const { kind, reason } = outsideKind(block, before, section, cohesion(block.contentWords, articleProfile, false))
    out.push(labelled(block, kind, 0.5, reason))
  }
  attachNamesToAuthorBoxes(blocks, out)
  return { blocks: out, region }
}

/** The author's name printed beside an "About the author" heading belongs to the box. */
function attachNamesToAuthorBoxes(blocks: Classified[], out: LabeledBlock[]): void {
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.label !== 'author-box' || blocks[i]!.cue?.kind !== 'author-box') continue
    for (const step of [-1, 1]) {
      for (let j = i + step; j >= 0 && j < out.length && Math.abs(j - i) <= 2; j += step) {
        const block = blocks[j]!
        if (out[j]!.label === 'body' || isStrongCue(block) || !isNameLike(block)) break
        out[j] = { ...out[j]!, label: 'author-box', score: 0.7, reason: 'a name beside an author box' }
      }
    }
  }
}
