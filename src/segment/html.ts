import { DecantError } from '../errors.js'
import type { Block, Limits } from '../types.js'
import {
  BLOCK,
  ELEMENT_NODE,
  HTML_INLINE,
  LANDMARK_ROLES,
  LANDMARK_TAGS,
  TEXT_NODE,
  escapeAttr,
  escapeText,
  foldHtmlText,
  foldPreText,
  isDropped,
  isInlineTag,
  isLinkCard,
  isUnread,
  ownHints,
  parseGuarded,
  visibleLength,
} from './dom.js'

/**
 * HTML → Block[]: the same Block model as the text path, with DOM evidence.
 *
 * One iterative pass over <body> in document order. Block-level elements
 * open a block; inline elements, text and <br> feed the block they sit in
 * (an anonymous run when a div mixes text and blocks, as browsers make an
 * anonymous box). `<br><br>` ends a paragraph, a data table row is one
 * block, and nothing that is not page text (scripts, media, hidden
 * elements, form widgets) is read. Chrome (nav, footer, aside, buttons,
 * labels) is kept as blocks: the classifier labels it, and `removed`
 * reports it.
 *
 * Evidence per block:
 * - `container` is the element-index path from <body> (`0.3.1`) of the
 *   element the block is part of: the block element's parent block for a
 *   block that is a whole element (an `li` → its `ul`), the element itself
 *   for a part of one (text beside child blocks, a `<br><br>` paragraph).
 *   Items of one list share it; the cards of one grid share its prefix
 *   (drop the last segment). Deeper than 32 levels, the path is anchored on
 *   the ancestor 32 levels up (`#<n>.…`), so it stays short and unique.
 * - `gapBefore` is 1 when the block's container differs from the previous
 *   block's, else 0 (0 for the first block).
 * - `html` holds the block with its inline markup (links, emphasis, images)
 *   under a wrapper that says what it was (`<li>`, `<h2>`, `<tr>`, `<p>` for
 *   the text of a div); class, id, style and event attributes are left out
 *   (classes are in `hints`). A list item of an `<ol>` carries
 *   `data-list="ol"` so that the sanitizer can rebuild the list around it.
 *   Images with no text beside them are carried to the next block of the
 *   same container (a figure's image to its caption).
 */

/** Parses a page with linkedom within the limits (see dom.ts for what is checked and why). */
export function parseHtml(html: string, limits: Limits): Document {
  return parseGuarded(html, limits)
}

type FrameKind = 'block' | 'inline' | 'row' | 'cell'

interface Frame {
  el: Element
  tag: string
  kind: FrameKind
  parent: Frame | null
  /** Nearest block-level ancestor that can be a container (table sections are skipped). */
  blockParent: Frame | null
  /** Unique in the page, in document order: anchors truncated paths. */
  seq: number
  /** Position among the parent's element children. */
  index: number
  /** Element children seen so far. */
  children: number
  depth: number
  own: string[]
  hints: readonly string[]
  landmarks: readonly string[]
  heading: number
  pre: boolean
  quote: boolean
  link: boolean
  /** The run in which this link was last counted, so that each link counts once per block. */
  countedIn: number
  /** A block frame whose content was split by a child block or `<br><br>`. */
  interrupted: boolean
  path: string | null
  open: string
  close: string
  startRun: number
  startVisible: number
}

interface Wrapper {
  hints: string[]
  end: number
}

/** The inline content being gathered for one block. */
interface Run {
  serial: number
  owner: Frame
  text: string
  html: string
  visible: number
  linkVisible: number
  linkCount: number
  brs: number
  media: boolean
  wrappers: Wrapper[]
}

const MAX_HINTS = 40
const MAX_PATH = 32
/** More elements than any sign-up or comment form has: a form this big wraps the page. */
const MAX_FORM_ELEMENTS = 400
/** Elements scanned to tell a row or an unknown element holding blocks: more is a container. */
const SCAN_LIMIT = 500
/** Table sections: block-level, but rows of one table should share the table as container. */
const TRANSPARENT = new Set(['tbody', 'thead', 'tfoot'])
/** Block elements whose own tag wraps their text in `html`; others become `<p>` (or `<hN>` for ARIA headings). */
const SELF_WRAP = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote', 'figcaption', 'tr'])
const PRE = new Set(['pre', 'listing'])
const BUTTON_INPUT = new Set(['submit', 'button', 'reset'])

export function segmentHtml(document: Document, limits: Limits): Block[] {
  const body = document.body
  return body ? segmentElement(body, limits) : []
}

/** The blocks under one element, which stands for the page's body (Readability's article). */
export function segmentElement(root: Element, limits: Limits): Block[] {
  return new Segmenter(limits).segment(root)
}

class Segmenter {
  private readonly blocks: Block[] = []
  private run!: Run
  private top!: Frame
  private serial = 0
  private seq = 0
  private elements = 0
  private readonly links: Frame[] = []
  private pendingMedia: { html: string; container: string } | null = null
  private lastContainer = ''
  /** Length of the run's text where the last link ended. */
  private linkEnd = -1

  constructor(private readonly limits: Limits) {}

  segment(body: Element): Block[] {
    const root = this.rootFrame(body)
    this.top = root
    this.startRun(root, root)
    let node: ChildNode | null = body.firstChild
    for (;;) {
      if (node === null) {
        const done = this.top
        if (done === root) {
          this.exit(done)
          break
        }
        this.close(done)
        node = done.el.nextSibling
        continue
      }
      if (node.nodeType === TEXT_NODE) {
        this.text((node as Text).data)
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element
        const frame = this.enter(el)
        if (frame) {
          if (el.firstChild) {
            this.top = frame
            node = el.firstChild
            continue
          }
          this.top = frame
          this.close(frame)
        }
      }
      node = node.nextSibling
    }
    return this.blocks
  }

  /**
   * <body> opens the walk but lends no hints: its classes describe the whole
   * page (WordPress writes `single-post category-newsletter` there), so they
   * would mark every block alike.
   */
  private rootFrame(body: Element): Frame {
    const own: string[] = []
    return {
      el: body, tag: 'body', kind: 'block', parent: null, blockParent: null, seq: 0, index: 0, children: 0, depth: 0,
      own, hints: own, landmarks: [], heading: 0, pre: false, quote: false, link: false, countedIn: -1,
      interrupted: false, path: '0', open: '', close: '', startRun: 0, startVisible: 0,
    }
  }

  /** Opens an element: returns its frame, or null when it is skipped or handled whole (br, img, hr). */
  private enter(el: Element): Frame | null {
    const parent = this.top
    const index = parent.children++
    if (++this.elements > this.limits.maxNodes) {
      throw new DecantError('TOO_MANY_NODES', `the HTML has more than ${this.limits.maxNodes} elements`)
    }
    if (parent.depth + 1 > this.limits.maxDepth) {
      throw new DecantError('TOO_DEEP', `the HTML nests elements more than ${this.limits.maxDepth} deep`)
    }
    const tag = el.localName.toLowerCase()
    if (isUnread(el, tag)) return null
    switch (tag) {
      case 'br':
        this.lineBreak()
        return null
      case 'img':
        this.image(el)
        return null
      case 'hr':
        this.interrupt()
        return null
      case 'wbr':
        return null
    }
    let value: string | null = null
    if (tag === 'input') {
      // A submit button's label is on the page ("Subscribe"): chrome evidence. Other inputs show no text.
      if (!BUTTON_INPUT.has((el.getAttribute('type') ?? '').toLowerCase())) return null
      value = el.getAttribute('value')
      if (!value) return null
    }
    const kind: FrameKind =
      parent.kind === 'row' && (tag === 'td' || tag === 'th')
        ? 'cell'
        : tag === 'tr'
          ? holdsBlocks(el, true) ? 'block' : 'row'
          : tag === 'input' || BLOCK.has(tag)
            ? 'block'
            : isInlineTag(tag) || !holdsBlocks(el, false)
              ? 'inline'
              : 'block'
    // A card of links that pops over a name in a sentence is not part of the sentence.
    if (kind === 'inline' && tag !== 'a' && this.run.visible > 0 && isLinkCard(el)) return null
    const frame = this.frame(el, tag, kind, parent, index)
    if (kind === 'inline') {
      // An element HTML does not know is a box of its own to the site's stylesheet: keep its words apart.
      if (!isInlineTag(tag)) this.run.text += ' '
      this.openInline(frame)
    } else if (kind === 'cell') {
      this.openCell(frame)
    } else {
      this.interrupt()
      this.startRun(frame, frame)
      if (value !== null) this.text(value)
    }
    return frame
  }

  private frame(el: Element, tag: string, kind: FrameKind, parent: Frame, index: number): Frame {
    const own = ownHints(el)
    const role = own.length > 0 ? (el.getAttribute('role') ?? '').trim().toLowerCase() : ''
    let landmarks = parent.landmarks
    // A <footer role="contentinfo"> is both; nearest first, each once.
    if (LANDMARK_ROLES.has(role) && !landmarks.includes(role)) landmarks = [role, ...landmarks]
    if (LANDMARK_TAGS.has(tag) && !landmarks.includes(tag) && !(tag === 'form' && wrapsPage(el))) landmarks = [tag, ...landmarks]
    const heading = headingOf(el, tag, role)
    const container = parent.kind === 'block' || parent.kind === 'row'
    return {
      el, tag, kind, parent,
      blockParent: container && !TRANSPARENT.has(parent.tag) ? parent : parent.blockParent,
      seq: ++this.seq, index, children: 0, depth: parent.depth + 1,
      own,
      hints: own.length > 0 ? mergeHints(own, parent.hints) : parent.hints,
      landmarks,
      heading: heading || parent.heading,
      pre: parent.pre || PRE.has(tag),
      quote: parent.quote || parent.tag === 'blockquote',
      link: tag === 'a' && el.hasAttribute('href'),
      countedIn: -1, interrupted: false, path: null, open: '', close: '', startRun: 0, startVisible: 0,
    }
  }

  /** Leaves `frame` (the current top): the parent's run resumes after a block. */
  private close(frame: Frame): void {
    this.exit(frame)
    this.top = frame.parent!
    if (frame.kind === 'block' || frame.kind === 'row') this.startRun(this.ownerOf(this.top), this.top)
  }

  private exit(frame: Frame): void {
    switch (frame.kind) {
      case 'inline':
        this.closeInline(frame)
        if (!isInlineTag(frame.tag)) this.run.text += ' '
        return
      case 'cell':
        this.run.html += frame.close
        return
      default:
        this.flush(true)
    }
  }

  /** The frame whose run collects text at `frame`: the nearest block or row. */
  private ownerOf(frame: Frame): Frame {
    let f: Frame = frame
    while (f.kind === 'inline' || f.kind === 'cell') f = f.parent!
    return f
  }

  /** Starts gathering for `owner`; `from` is the innermost open frame, owner or inside it. */
  private startRun(owner: Frame, from: Frame): void {
    // Inline elements still open inside the owner continue into the new run.
    const reopen: string[] = []
    for (let f: Frame = from; f !== owner; f = f.parent!) if (f.open) reopen.push(f.open)
    this.run = {
      serial: ++this.serial, owner, text: '', html: reopen.reverse().join(''), visible: 0, linkVisible: 0,
      linkCount: 0, brs: 0, media: false, wrappers: [],
    }
  }

  /** A block boundary inside the current owner: what was gathered so far is a part of it. */
  private interrupt(): void {
    this.run.owner.interrupted = true
    this.flush(false)
    this.startRun(this.run.owner, this.top)
  }

  private openInline(frame: Frame): void {
    const run = this.run
    frame.startRun = run.serial
    frame.startVisible = run.visible
    if (frame.link) {
      // Adjacent links (`<a>Tech</a><a>Cars</a>`) are separate items a stylesheet spaces apart.
      if (run.text.length > 0 && run.text.length === this.linkEnd) run.text += ' '
      this.links.push(frame)
      frame.countedIn = run.serial
      run.linkCount++
    }
    if (HTML_INLINE.has(frame.tag)) {
      frame.open = frame.link ? `<a href="${escapeAttr(frame.el.getAttribute('href')!)}">` : `<${frame.tag}>`
      frame.close = `</${frame.tag}>`
      run.html += frame.open
    }
  }

  private closeInline(frame: Frame): void {
    const run = this.run
    run.html += frame.close
    if (frame.link) {
      this.links.pop()
      this.linkEnd = run.text.length
    }
    // An inline element that holds all of a block's text names it (`<span class="byline">`).
    if (frame.own.length > 0 && frame.startRun === run.serial && frame.startVisible === 0 && run.visible > 0) {
      run.wrappers.push({ hints: frame.own, end: run.visible })
    }
  }

  private openCell(frame: Frame): void {
    const el = frame.el
    let attrs = ''
    for (const name of ['colspan', 'rowspan']) {
      const v = el.getAttribute(name)
      if (v && /^\d{1,3}$/.test(v.trim())) attrs += ` ${name}="${v.trim()}"`
    }
    frame.open = `<${frame.tag}${attrs}>`
    frame.close = `</${frame.tag}>`
    this.run.text += ' '
    this.run.html += frame.open
  }

  private text(data: string): void {
    if (!data) return
    const run = this.run
    run.text += data
    run.html += escapeText(data)
    const visible = visibleLength(data)
    if (visible === 0) return
    run.visible += visible
    run.brs = 0
    const link = this.links[this.links.length - 1]
    if (link) {
      run.linkVisible += visible
      if (link.countedIn !== run.serial) {
        link.countedIn = run.serial
        run.linkCount++
      }
    }
  }

  /** `<br>`: a line break, and the second in a row ends the paragraph (old pages write paragraphs so). */
  private lineBreak(): void {
    const run = this.run
    if (!run.owner.pre && ++run.brs >= 2 && run.visible > 0) {
      this.interrupt()
      return
    }
    run.text += '\n'
    run.html += '<br>'
  }

  private image(el: Element): void {
    let src = el.getAttribute('src')
    // Lazy-loading pages put a placeholder in src and the picture in data-src.
    const lazy = el.getAttribute('data-src')
    if (lazy && (!src || src.startsWith('data:'))) src = lazy
    if (!src) return
    const alt = el.getAttribute('alt')
    this.run.html += `<img src="${escapeAttr(src)}"${alt ? ` alt="${escapeAttr(alt)}"` : ''}>`
    this.run.media = true
  }

  /** Ends the current run; emits a block when it holds text. */
  private flush(atExit: boolean): void {
    const run = this.run
    const owner = run.owner
    const whole = atExit && !owner.interrupted
    const container = this.pathOf(whole ? groupOf(owner) : owner)
    let closes = ''
    for (let f: Frame = this.top; f !== owner; f = f.parent!) closes += f.close
    if (run.visible === 0) {
      if (run.media) this.pendingMedia = { html: run.html + closes, container }
      return
    }
    const text = owner.pre ? foldPreText(run.text) : foldHtmlText(run.text)
    if (!text) return
    if (this.blocks.length >= this.limits.maxBlocks) {
      throw new DecantError('TOO_MANY_BLOCKS', `the page has more than ${this.limits.maxBlocks} blocks`)
    }
    let media = ''
    if (this.pendingMedia) {
      if (this.pendingMedia.container === container) media = this.pendingMedia.html
      this.pendingMedia = null
    }
    const gapBefore = this.blocks.length > 0 && container !== this.lastContainer ? 1 : 0
    this.lastContainer = container
    this.blocks.push({
      index: this.blocks.length,
      text,
      gapBefore,
      dom: {
        tag: owner.tag,
        heading: owner.heading,
        linkDensity: Math.min(1, run.linkVisible / run.visible),
        linkCount: run.linkCount,
        hints: blockHints(run, owner),
        landmarks: owner.landmarks.slice(),
        depth: owner.depth,
        container,
        html: wrap(owner, media.trim(), owner.pre ? run.html + closes : trimBreaks(run.html) + closes),
        inCandidate: false,
      },
    })
  }

  private pathOf(frame: Frame): string {
    if (frame.path !== null) return frame.path
    const parts: number[] = []
    let f: Frame = frame
    while (f.parent && parts.length < MAX_PATH) {
      parts.push(f.index)
      f = f.parent
    }
    const anchor = f.parent ? `#${f.seq}` : '0'
    frame.path = `${anchor}.${parts.reverse().join('.')}`
    return frame.path
  }
}

/**
 * The container of a whole block element: its nearest block ancestor, going
 * further up past ancestors that hold nothing else (`<li><p>…</p></li>`,
 * `<div class="card"><h3>…</h3></div>`), so that list items and cards of
 * one list or grid share it.
 */
function groupOf(owner: Frame): Frame {
  let child: Frame = owner
  let group = owner.blockParent
  if (!group) return owner
  while (group.blockParent && isOnlyContent(child.el, group.el)) {
    child = group
    group = group.blockParent
  }
  return group
}

/** Is `el` (and each inline element between it and `ancestor`) the only content of its parent? */
function isOnlyContent(el: Element, ancestor: Element): boolean {
  for (let e: Element = el; e !== ancestor; ) {
    const parent = e.parentElement
    if (!parent) return false
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n === e) continue
      if (n.nodeType === ELEMENT_NODE) return false
      if (n.nodeType === TEXT_NODE && visibleLength((n as Text).data) > 0) return false
    }
    e = parent
  }
  return true
}

function headingOf(el: Element, tag: string, role: string): number {
  if (tag.length === 2 && tag.charCodeAt(0) === 104 /* h */) {
    const level = tag.charCodeAt(1) - 48
    if (level >= 1 && level <= 6) return level
  }
  if (role === 'heading') {
    const level = Number(el.getAttribute('aria-level'))
    return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2
  }
  return 0
}

/** Own tokens first, then the ancestors', without repeats, at most MAX_HINTS. */
function mergeHints(own: readonly string[], inherited: readonly string[]): string[] {
  const out = own.slice(0, MAX_HINTS)
  for (const token of inherited) {
    if (out.length >= MAX_HINTS) break
    if (!out.includes(token)) out.push(token)
  }
  return out
}

function blockHints(run: Run, owner: Frame): string[] {
  let hints: readonly string[] = owner.hints
  // Wrappers close innermost first; keep those that still span the whole text.
  for (let i = run.wrappers.length - 1; i >= 0; i--) {
    const w = run.wrappers[i]!
    if (w.end === run.visible) hints = mergeHints(w.hints, hints)
  }
  return hints.slice()
}

/** Breaks and spaces at the edges of a block's markup are layout between blocks, not content. */
export function trimBreaks(html: string): string {
  // By hand: an end-anchored pattern is tried at every position of the markup.
  let start = 0
  let end = html.length
  for (;;) {
    if (start < end && isJsSpace(html.charCodeAt(start))) start++
    else if (end - start >= 4 && html.startsWith('<br>', start)) start += 4
    else break
  }
  for (;;) {
    if (end > start && isJsSpace(html.charCodeAt(end - 1))) end--
    else if (end - start >= 4 && html.startsWith('<br>', end - 4)) end -= 4
    else break
  }
  return start === 0 && end === html.length ? html : html.slice(start, end)
}

/** The characters of a regular expression's `\s`. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** The block's markup under a wrapper that says what it was; a caption takes its figure's image along. */
function wrap(owner: Frame, media: string, inner: string): string {
  const tag = SELF_WRAP.has(owner.tag) ? owner.tag : owner.heading > 0 ? `h${owner.heading}` : 'p'
  const open = tag === 'li' && owner.parent?.tag === 'ol' ? '<li data-list="ol">' : `<${tag}>`
  let html = `${open}${inner}</${tag}>`
  html = tag === 'figcaption' ? `<figure>${media}${html}</figure>` : media + html
  return owner.quote && tag !== 'blockquote' ? `<blockquote>${html}</blockquote>` : html
}

/**
 * A form around most of the page (ASP.NET WebForms wraps every page in one)
 * is no landmark: sign-up and comment forms hold a few dozen elements.
 */
function wrapsPage(form: Element): boolean {
  const stack: Element[] = []
  let count = 0
  for (let c = form.firstElementChild; c; c = c.nextElementSibling) stack.push(c)
  while (stack.length > 0) {
    if (++count > MAX_FORM_ELEMENTS) return true
    const el = stack.pop()!
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c)
  }
  return false
}

/**
 * Does an element hold block content? Asked of table rows (a row of data is
 * one block, a layout row's cells are containers) and of elements HTML does
 * not know (`<g-emoji>` sits in a sentence, `<story-body>` holds
 * paragraphs). The scan stops at the first block or after SCAN_LIMIT
 * elements (so big: a container), which bounds its cost per element.
 */
function holdsBlocks(el: Element, row: boolean): boolean {
  const stack: Element[] = []
  let seen = 0
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c)
  while (stack.length > 0) {
    if (++seen > SCAN_LIMIT) return true
    const child = stack.pop()!
    const tag = child.localName.toLowerCase()
    if (isDropped(child, tag)) continue
    // A row's cells are its own parts; unknown elements are looked into like inline ones.
    if (BLOCK.has(tag) && !(row && (tag === 'td' || tag === 'th'))) return true
    for (let c = child.firstElementChild; c; c = c.nextElementSibling) stack.push(c)
  }
  return false
}
