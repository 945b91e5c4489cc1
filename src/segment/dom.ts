import { DOMParser } from 'linkedom'
import { DecantError } from '../errors.js'
import type { Limits } from '../types.js'

/**
 * DOM helpers shared by the HTML segmenter, the Readability candidate and the
 * sanitizer: a guarded linkedom parse, tree normalization, and the element
 * tables that decide what is a block, what is chrome, and what is not content.
 *
 * linkedom builds its tree straight from htmlparser2's events. That makes it
 * fast, but it is not the HTML5 tree builder: nothing is reparented, so the
 * tree can lack <html>/<body>, keep content inside <head>, or hold several
 * <body> elements. `normalizeDocument` restores the html > head + body shape
 * that every reader of the document (us, the metadata readers, Readability)
 * assumes.
 */

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3
const DOCUMENT_TYPE_NODE = 10

/**
 * Elements whose content is never page text: code, media, embedded documents,
 * form widgets whose text is not what the reader sees, and head-only elements
 * that a malformed page left in the body.
 */
export const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'frame', 'frameset', 'noframes',
  'object', 'embed', 'applet', 'param', 'audio', 'video', 'source', 'track', 'map', 'area',
  'select', 'option', 'optgroup', 'datalist', 'textarea',
  'head', 'title', 'meta', 'link', 'base', 'basefont', 'bgsound', 'xmp', 'plaintext', 'noembed',
])

/**
 * Inline (phrasing) elements: part of the block around them. Namespaced
 * tags (`<o:p>` from Word) count as inline too. Known block elements are in
 * BLOCK; anything else (custom elements such as `<story-body>` or
 * `<g-emoji>`, made-up tags) is judged by its content: see html.ts.
 */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'blink', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'img', 'ins', 'kbd', 'mark', 'meter', 'nobr', 'output', 'picture', 'progress', 'q', 'rp', 'rt', 'rtc', 'ruby',
  's', 'samp', 'slot', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'input',
])

export function isInlineTag(tag: string): boolean {
  return INLINE.has(tag) || tag.includes(':')
}

/** The HTML elements a browser lays out as blocks (plus button and label, which decant reads as blocks). */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'label', 'legend', 'li', 'listing', 'main', 'marquee', 'menu', 'nav', 'ol', 'p', 'pre',
  'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
])

/**
 * Inline tags worth keeping in a block's `html`: the ones a sanitizer may
 * keep. Wrappers such as span and font are left out (their text is kept).
 */
export const HTML_INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'strike', 'strong', 'sub', 'sup', 'time', 'u', 'var',
])

/** Landmark elements, by tag. */
export const LANDMARK_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'main', 'article'])
/** Landmark roles (ARIA). */
export const LANDMARK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'main', 'search', 'form', 'article'])

/** Head content per the HTML spec: anything else in <head> means the head had ended. */
const HEAD_CONTENT = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'script', 'style', 'template', 'title', 'noscript'])

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i
const VISIBILITY_HIDDEN = /(?:^|;)\s*visibility\s*:\s*hidden\b/i

/** Hidden by markup alone (no stylesheet is read): `hidden`, `aria-hidden`, inline display/visibility, closed dialogs. */
export function isHidden(el: Element, tag: string): boolean {
  if (el.hasAttribute('hidden')) return true
  if (el.getAttribute('aria-hidden') === 'true') return true
  if (tag === 'dialog' && !el.hasAttribute('open')) return true
  if (tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true
  const style = el.getAttribute('style')
  return style !== null && style.length > 0 && (DISPLAY_NONE.test(style) || VISIBILITY_HIDDEN.test(style))
}

/** Characters of text that make a `<noscript>` a fallback copy of the article (a notice is a sentence or two). */
const NOSCRIPT_MIN_CHARS = 300

/**
 * A `<noscript>` that holds the article for readers without JavaScript (a
 * blog whose template renders the post from a script): paragraphs of text,
 * not a "please enable JavaScript" line or a tracking pixel. Without a
 * script engine that fallback is what the page says.
 */
export function isScriptFallback(el: Element, tag: string): boolean {
  if (tag !== 'noscript' || !el.querySelector('p')) return false
  let chars = 0
  const stack: Node[] = [el]
  while (stack.length > 0 && chars < NOSCRIPT_MIN_CHARS) {
    const node = stack.pop()!
    if (node.nodeType === TEXT_NODE) chars += visibleLength((node as Text).data)
    if (node.nodeType !== ELEMENT_NODE) continue
    const child = node as Element
    const childTag = child.localName.toLowerCase()
    if (child !== el && (DROP.has(childTag) || isHidden(child, childTag))) continue
    for (let c = child.lastChild; c; c = c.previousSibling) stack.push(c)
  }
  return chars >= NOSCRIPT_MIN_CHARS
}

/** An element whose content is never page text (DROP), unless it is a script fallback that holds the post. */
export function isDropped(el: Element, tag: string): boolean {
  return DROP.has(tag) && !isScriptFallback(el, tag)
}

/** Content a reader never sees: dropped elements and hidden ones. */
export function isUnread(el: Element, tag: string): boolean {
  return isDropped(el, tag) || isHidden(el, tag)
}

/** Linked texts that make a card of stories rather than a link or two in a sentence. */
const LINK_CARD_MIN_LINKS = 3
/** Nodes read before giving up: a card is small, and most elements fail on their first text. */
const LINK_CARD_MAX_NODES = 200

/**
 * A card that pops over the text it sits in: a photo first, then three or
 * more linked texts (a person's latest stories), and no text outside the
 * links; a row of icon links has no texts. Its stylesheet shows it on hover
 * only, which decant cannot read; its shape says it all the same. Text
 * before the photo (the name the card pops out of) means the element is the
 * name's wrapper, not the card.
 */
export function isLinkCard(el: Element): boolean {
  let linkedTexts = 0
  let seenImage = false
  let nodes = 0
  // Each entry: a node, and whether it sits inside a link.
  const stack: Array<[Node, boolean]> = []
  for (let child = el.lastChild; child; child = child.previousSibling) stack.push([child, false])
  while (stack.length > 0) {
    if (++nodes > LINK_CARD_MAX_NODES) return false
    const [node, inLink] = stack.pop()!
    if (node.nodeType === TEXT_NODE) {
      if (visibleLength((node as Text).data) === 0) continue
      if (!inLink || !seenImage) return false
      linkedTexts++
      continue
    }
    if (node.nodeType !== ELEMENT_NODE) continue
    const child = node as Element
    const tag = child.localName.toLowerCase()
    if (isUnread(child, tag)) continue
    if (tag === 'img') seenImage = true
    const link = tag === 'a' && child.hasAttribute('href')
    for (let c = child.lastChild; c; c = c.previousSibling) stack.push([c, inLink || link])
  }
  return seenImage && linkedTexts >= LINK_CARD_MIN_LINKS
}

/** Tokens that carry no meaning: CSS-in-JS hashes, utility variants (`md:flex`, `w-[10px]`), numbers. */
const NOISE_TOKEN = /^(?:css|sc|jsx|emotion)-[a-z0-9]+$|[:[\]/()]|^\d+$/

/** Lower-cased class, id, role and itemprop tokens of one element, in that order, unique. */
export function ownHints(el: Element): string[] {
  const out: string[] = []
  for (const name of ['class', 'id', 'role', 'itemprop']) {
    const value = el.getAttribute(name)
    if (!value) continue
    for (const raw of value.split(/\s+/)) {
      if (raw.length === 0 || raw.length > 64) continue
      const token = raw.toLowerCase()
      if (NOISE_TOKEN.test(token) || out.includes(token)) continue
      out.push(token)
    }
  }
  return out
}

export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text
}

export function escapeAttr(value: string): string {
  return /[&<>"]/.test(value)
    ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    : value
}

/** Whitespace as HTML text folds it, plus the invisible spaces pages use; soft hyphens vanish (they split words). */
const FOLD = /[\s\u00a0\u200b\u2060\ufeff]+/g

export function foldHtmlText(text: string): string {
  return text.replace(/\u00ad/g, '').replace(FOLD, ' ').trim()
}

/** Text of a <pre>: inner newlines and indentation kept, blank edges dropped. */
export function foldPreText(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u200b\u2060\ufeff]/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\s+$/g, '')
}

/** Characters that are not whitespace: the unit of link density, so markup indentation never dilutes it. */
export function visibleLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 32 || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff || c === 0xad) continue
    n++
  }
  return n
}

/**
 * Counts nodes and nesting as linkedom builds the tree (decant's linkedom
 * patch calls the guard from its parser), and stops at the first limit
 * crossed: the page is tokenized once.
 *
 * Nodes are elements, text runs and comments. Text counts because linkedom
 * makes one text node per htmlparser2 text event, and every character
 * reference is an event of its own: `&amp;` repeated a million times (5 MB)
 * is a million text nodes, which Readability then walks for over a minute.
 * Real pages have at most a few tens of thousands of nodes of all kinds.
 *
 * htmlparser2 keeps its stack of open elements with `Array#unshift`:
 * building a 100,000-deep tree takes seconds and a 4,000,000-deep one (20 MB
 * of `<div>`) never ends. Stopping at `maxDepth` bounds every stack operation
 * by `maxDepth`. End tags are counted before the parse: each one that matches
 * no open element scans the whole stack.
 */
function markupGuard(html: string, limits: Limits): { guard: ParseGuard; shape: () => MarkupShape } {
  const endTags = countEndTags(html, 2 * limits.maxNodes + 1)
  if (endTags > 2 * limits.maxNodes) {
    throw new DecantError('TOO_MANY_NODES', `the HTML has more than ${2 * limits.maxNodes} end tags (limit: ${limits.maxNodes} nodes)`)
  }
  let depth = 0
  let maxDepth = 0
  let nesting = 0
  let nodes = 0
  const node = (): void => {
    if (++nodes > limits.maxNodes) {
      throw new DecantError('TOO_MANY_NODES', `the HTML has more than ${limits.maxNodes} nodes (elements, text runs and comments)`)
    }
  }
  const guard: ParseGuard = {
    open() {
      node()
      if (++depth > limits.maxDepth) {
        throw new DecantError('TOO_DEEP', `the HTML nests elements more than ${limits.maxDepth} deep`)
      }
      if (depth > maxDepth) maxDepth = depth
      nesting += depth
    },
    close() {
      depth--
    },
    node,
  }
  return { guard, shape: () => ({ nodes, depth: maxDepth, nesting }) }
}

/** What decant's linkedom patch calls while it builds a tree; each may throw to stop the parse. */
interface ParseGuard {
  open(): void
  close(): void
  node(): void
}

/** linkedom's DOMParser with the guard argument decant's patch adds. */
const guardedParser = new DOMParser() as unknown as {
  parseFromString(html: string, type: 'text/html', globals: null, guard: ParseGuard): Document
}

/** Parses `html` with linkedom, within `limits`; the shape of what was parsed. */
function parseWithin(html: string, limits: Limits): { document: Document; shape: MarkupShape } {
  const { guard, shape } = markupGuard(html, limits)
  const document = guardedParser.parseFromString(html, 'text/html', null, guard)
  return { document, shape: shape() }
}

/** The size and shape of a page's markup, as counted while its DOM was built. */
export interface MarkupShape {
  /** Elements, text runs and comments. */
  nodes: number
  /** Deepest element nesting. */
  depth: number
  /** Sum of every element's depth: the work of a walk that visits each element's subtree. */
  nesting: number
}

const shapes = new WeakMap<Document, MarkupShape>()

/** The shape counted when `document` was parsed by {@link parseGuarded}. */
export function markupShape(document: Document): MarkupShape | undefined {
  return shapes.get(document)
}

function countEndTags(html: string, stopAt: number): number {
  let n = 0
  for (let i = html.indexOf('</'); i !== -1 && n < stopAt; i = html.indexOf('</', i + 2)) n++
  return n
}

/**
 * Parses with linkedom after checking the limits, and turns any parser
 * failure into PARSE_FAILED (limit errors pass through unchanged).
 */
export function parseGuarded(html: string, limits: Limits): Document {
  try {
    const { document, shape } = parseWithin(html, limits)
    normalizeDocument(document)
    shapes.set(document, shape)
    return document
  } catch (error) {
    throw parseFailure(error)
  }
}

/**
 * Parses an HTML fragment without normalizing it: the top-level nodes are the
 * document's children, whatever they are (the sanitizer walks them all).
 */
export function parseFragmentGuarded(html: string, limits: Limits): Document {
  try {
    return parseWithin(html, limits).document
  } catch (error) {
    throw parseFailure(error)
  }
}

/** Limit errors pass through; anything else the parser throws becomes PARSE_FAILED with it as the cause. */
function parseFailure(error: unknown): DecantError {
  if (error instanceof DecantError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new DecantError('PARSE_FAILED', `the HTML parser failed: ${message}`, { cause: error })
}

/** A snapshot of the children (linkedom's doctype node answers `nextSibling` with null, `childNodes` is right). */
function childList(parent: Node): ChildNode[] {
  return Array.from(parent.childNodes)
}

function isElement(node: Node | null, tag?: string): node is Element {
  return node !== null && node.nodeType === ELEMENT_NODE && (tag === undefined || (node as Element).localName === tag)
}

function isBlankText(node: Node): boolean {
  return node.nodeType === TEXT_NODE && /^[\s\u00a0]*$/.test(node.nodeValue ?? '')
}

/**
 * Gives the document the html > head + body shape a browser would: stray
 * top-level nodes go into <html>, content found in <head> or beside <body>
 * goes into <body> in document order, extra <body> elements are merged.
 * Only top-level nodes move, so the cost is independent of the page size.
 */
export function normalizeDocument(document: Document): void {
  const top = childList(document)
  let html = top.find((n): n is Element => isElement(n, 'html')) ?? null
  if (!html) {
    html = document.createElement('html')
    document.appendChild(html)
  }
  const htmlIndex = top.indexOf(html as ChildNode)
  const firstHtmlChild = html.firstChild
  for (let i = 0; i < top.length; i++) {
    const node = top[i]!
    if (node === html || node.nodeType === DOCUMENT_TYPE_NODE) continue
    if (htmlIndex >= 0 && i < htmlIndex) {
      if (isBlankText(node)) continue
      html.insertBefore(node, firstHtmlChild)
    } else {
      html.appendChild(node)
    }
  }

  const kids = childList(html)
  let head = kids.find((n): n is Element => isElement(n, 'head')) ?? null
  const bodies = kids.filter((n): n is Element => isElement(n, 'body'))
  let body = bodies[0] ?? null
  if (!head) {
    head = document.createElement('head')
    html.insertBefore(head, html.firstChild)
  }
  if (!body) {
    body = document.createElement('body')
    html.appendChild(body)
  }

  // Content that precedes <body>: the overflow of <head> (everything from its
  // first non-head element on), then what stands between <head> and <body>.
  const before: ChildNode[] = []
  let overflow = false
  for (const node of childList(head)) {
    if (!overflow && (isElement(node) ? !HEAD_CONTENT.has(node.localName) : node.nodeType === TEXT_NODE && !isBlankText(node))) overflow = true
    if (overflow) before.push(node)
  }
  const after: ChildNode[] = []
  let seenBody = false
  for (const node of childList(html)) {
    if (node === head) continue
    if (node === body) {
      seenBody = true
      continue
    }
    if (isElement(node, 'body')) {
      after.push(...childList(node))
      node.remove()
      continue
    }
    if (!seenBody && isElement(node) && HEAD_CONTENT.has(node.localName)) {
      head.appendChild(node)
      continue
    }
    if (!seenBody && isBlankText(node)) continue
    ;(seenBody ? after : before).push(node)
  }
  const first = body.firstChild
  for (const node of before) body.insertBefore(node, first)
  for (const node of after) body.appendChild(node)
  // head must be html's first element and body the next one: linkedom's
  // `document.head`/`document.body` getters assume exactly that.
  if (html.firstElementChild !== head) html.insertBefore(head, html.firstChild)
  if (head.nextElementSibling !== body) head.after(body)
}
