import { readabilityCandidate } from './candidates/readability.js'
import { captionCue } from './classify.js'
import { hintKind } from './cues/dom-hints.js'
import { type HtmlMetadata, readHtmlMetadata } from './metadata/html.js'
import type { BlockMetadata } from './metadata/text.js'
import { type Budget, assembleArticle, labelBlocks } from './pipeline.js'
import { sanitizeHtml } from './render/sanitize.js'
import { parseHtml, segmentHtml } from './segment/html.js'
import { foldWhitespace } from './segment/text.js'
import { settings } from './settings.js'
import type { Analysis, Block, ChromeKind, LabeledBlock, Options } from './types.js'

/**
 * The HTML path: parse once, segment the DOM into the same Block model as
 * the text path, mark which blocks a second extractor (Readability) also
 * keeps, and let the shared classifier and selector decide. Metadata from
 * the page's markup (JSON-LD, OpenGraph, meta) wins over what the blocks say.
 */

function key(text: string): string {
  return foldWhitespace(text).toLowerCase()
}

/** Marks the page's blocks whose text Readability's article also contains. */
function markCandidate(blocks: Block[], candidateBlocks: Block[]): void {
  const keys = candidateBlocks.map((b) => key(b.text))
  const texts = new Set(keys)
  const joined = keys.join('\n')
  for (const block of blocks) {
    if (!block.dom) continue
    const k = key(block.text)
    block.dom.inCandidate = texts.has(k) || (k.length >= 20 && joined.includes(k))
  }
}

/** Boxes Readability can mistake for the article: a long author bio, a comment thread, a list of teasers. */
const MISTAKEN_KINDS: ReadonlySet<ChromeKind> = new Set(['author-box', 'comments', 'related'])

function isMistakenKind(kind: ChromeKind | null): boolean {
  return kind !== null && MISTAKEN_KINDS.has(kind)
}

/**
 * Readability's article is itself chrome when nearly all of its words sit in
 * elements whose class names one box (`author-bio`, `comment-list`): the
 * page's own markup outvotes its pick, and decant reads the page alone.
 */
function candidateIsChrome(blocks: Block[]): boolean {
  let kept = 0
  let boxed = 0
  for (const block of blocks) {
    if (!block.dom?.inCandidate) continue
    const words = block.text.split(/\s+/).length
    kept += words
    const nearest = block.dom.hints.slice(0, settings.region.chromeCandidateHintReach)
    if (nearest.some((token) => isMistakenKind(hintKind(token)))) boxed += words
  }
  return kept > 0 && boxed >= settings.region.chromeCandidateShare * kept
}

function sameText(a: string, b: string): boolean {
  return key(a) === key(b)
}

/**
 * The markup's author, or the printed byline when it spells out a markup
 * author given by first name only ("Jane" in the JSON-LD, "By Jane Doe" on
 * the page): the printed line is the same writer, named in full.
 */
function spelledOut(markup: string | null, printed: string | null): string | null {
  if (markup === null || printed === null || /\s/.test(markup)) return markup ?? printed
  const words = printed.split(/\s+/)
  if (words.length < 2 || words.length > 4 || words[0]!.toLowerCase() !== markup.toLowerCase()) return markup
  return words.every((word) => /^\p{Lu}/u.test(word)) ? printed : markup
}

/** Markup metadata first, block metadata where the markup is silent. */
function mergeMetadata(fromMarkup: HtmlMetadata, fromBlocks: BlockMetadata): BlockMetadata {
  return {
    title: fromMarkup.title ?? fromBlocks.title,
    byline: spelledOut(fromMarkup.byline, fromBlocks.byline),
    source: fromMarkup.source ?? fromBlocks.source,
    published: fromMarkup.published ?? fromBlocks.published ?? fromMarkup.listedDate,
    description: fromMarkup.description ?? fromBlocks.description,
  }
}

/** The headline block is the one that prints the title the markup gives, near the top of the body. */
function labelTitleBlock(blocks: LabeledBlock[], title: string | null): LabeledBlock[] {
  if (!title) return blocks
  const firstBody = blocks.findIndex((b) => b.label === 'body')
  const limit = firstBody < 0 ? blocks.length : Math.min(blocks.length, firstBody + 3)
  for (let i = 0; i < limit; i++) {
    const block = blocks[i]!
    if (sameText(block.text, title) && (block.label === 'body' || block.label === 'navigation' || block.label === 'title')) {
      const out = blocks.slice()
      out[i] = { ...block, label: 'title', score: 0.9, reason: 'prints the headline given in the page metadata' }
      return out
    }
  }
  return blocks
}

/**
 * The article's markup: its body blocks, and the captions of the figures
 * between them, which the text leaves out but a rendered article keeps.
 */
function articleHtml(blocks: LabeledBlock[]): string {
  const first = blocks.findIndex((b) => b.label === 'body')
  const last = blocks.findLastIndex((b) => b.label === 'body')
  const parts: string[] = []
  for (let i = first; first >= 0 && i <= last; i++) {
    const block = blocks[i]!
    if (!block.dom) continue
    if (block.label === 'body' || (block.label === 'other' && block.features && captionCue(block, block.features))) parts.push(block.dom.html)
  }
  return parts.join('\n')
}

/**
 * Everything decant takes from the DOM: the blocks, marked where Readability
 * agrees, and the markup's metadata. The document is unreachable once this
 * returns, so that it is not kept through the rest of the pipeline.
 */
function readDocument(html: string, options: Options, budget: Budget): { blocks: Block[]; markup: HtmlMetadata } {
  const document = parseHtml(html, budget.limits)
  budget.check('parsing')
  const blocks = segmentHtml(document, budget.limits)
  budget.check('segmentation')
  const markup = readHtmlMetadata(document, options.url)
  // Last reader of the document: Readability rewrites it.
  const candidate = readabilityCandidate(document, options.url, budget.limits)
  budget.check('readability candidate')
  if (candidate) markCandidate(blocks, candidate.blocks)
  if (candidateIsChrome(blocks)) for (const block of blocks) if (block.dom) block.dom.inCandidate = false
  return { blocks, markup }
}

export function analyzeHtml(html: string, options: Options, budget: Budget): Analysis {
  const { blocks, markup } = readDocument(html, options, budget)
  const labelled = labelBlocks(blocks, budget, markup.url ?? options.url)
  const fields = mergeMetadata(markup, labelled.metadata)
  const finalBlocks = labelTitleBlock(labelled.blocks, fields.title)
  const bodyHtml = articleHtml(finalBlocks)
  const article = assembleArticle(
    finalBlocks,
    {
      ...fields,
      lang: markup.lang,
      url: markup.url ?? options.url ?? null,
      html: sanitizeHtml(bodyHtml, markup.url ?? options.url, budget.limits),
    },
    'html',
  )
  return { article, blocks: finalBlocks }
}

