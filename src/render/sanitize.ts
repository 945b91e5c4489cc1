import { ELEMENT_NODE, TEXT_NODE, escapeAttr, escapeText, isInlineTag, parseFragmentGuarded } from '../segment/dom.js'
import { settings } from '../settings.js'
import type { Limits } from '../types.js'

/**
 * An allowlist sanitizer for the article HTML.
 *
 * The output is written from scratch, never serialized from the parsed
 * tree: only allowlisted tags and attributes are printed, every text and
 * attribute value is escaped, and no raw-text element (script, style,
 * textarea, title, noscript…) is ever printed. So whatever tree the parser
 * made of hostile markup, a browser reading the output builds the same
 * elements, with no script, event handler, form or style in them.
 *
 * It also repairs the structure that article blocks come in: list items,
 * table rows and definition terms without their list, table or `dl` get
 * one (a list item marked `data-list="ol"` by the segmenter gets an `<ol>`).
 */

/** Dropped with everything inside them: active content, forms, embedded documents, head and foreign content. */
const DROP = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'optgroup', 'datalist', 'svg', 'math', 'template', 'link', 'meta', 'base', 'head',
  'title', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'audio', 'video', 'source', 'track', 'canvas',
  'map', 'area', 'dialog', 'portal', 'slot',
])

const ALLOWED = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i',
  'u', 's', 'sub', 'sup', 'mark', 'small', 'a', 'img', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'br', 'hr', 'dl', 'dt', 'dd',
])

const VOID = new Set(['br', 'hr', 'img'])
const TABLE_SECTIONS = new Set(['table', 'thead', 'tbody', 'tfoot'])
const LINK_SCHEMES = new Set(['http', 'https', 'mailto'])
const IMAGE_SCHEMES = new Set(['http', 'https'])
const IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i
/** A scheme, or anything before the first `/ ? #` that has a colon: both must be a scheme we allow. */
const SCHEME = /^([^/?#]*?):/

/** An output element that is open, and the wrapper opened inside it for stray children. */
interface Level {
  tag: string
  implicit: Wrapper | null
}

interface Wrapper {
  kind: string
  open: string
  close: string
}

export function sanitizeHtml(html: string, baseUrl?: string, limits: Limits = settings.limits): string {
  if (!html) return ''
  const document = parseFragmentGuarded(html, limits)
  const base = httpBase(baseUrl)
  const out: string[] = []
  const levels: Level[] = [{ tag: '#root', implicit: null }]
  // Iterative walk: an entry is a node to open, or (`close`) the end of one already opened.
  const stack: { node: Node; close: string | null; level: boolean }[] = []
  const top = Array.from(document.childNodes)
  for (let i = top.length - 1; i >= 0; i--) stack.push({ node: top[i]!, close: null, level: false })

  while (stack.length > 0) {
    const entry = stack.pop()!
    const current = levels[levels.length - 1]!
    if (entry.close !== null) {
      if (entry.level) {
        closeWrapper(current, out)
        levels.pop()
      }
      out.push(entry.close)
      continue
    }
    const node = entry.node
    if (node.nodeType === TEXT_NODE) {
      const text = (node as Text).data
      if (/\S/.test(text)) closeWrapper(current, out)
      out.push(escapeText(text))
      continue
    }
    if (node.nodeType !== ELEMENT_NODE) continue
    const el = node as Element
    const tag = el.localName.toLowerCase()
    if (DROP.has(tag)) continue
    const open = ALLOWED.has(tag) ? openTag(el, tag, base) : null
    if (open === null) {
      // Unwrapped: the text stays, and a block keeps its words apart from its neighbours'.
      const gap = isInlineTag(tag) ? '' : '\n'
      if (gap) out.push(gap)
      stack.push({ node: el, close: gap, level: false })
      pushChildren(el, stack)
      continue
    }
    const wrapper = wrapperFor(el, tag, current.tag)
    if (wrapper?.kind !== current.implicit?.kind) {
      closeWrapper(current, out)
      if (wrapper) {
        out.push(wrapper.open)
        current.implicit = wrapper
      }
    }
    out.push(open)
    if (VOID.has(tag)) continue
    levels.push({ tag, implicit: null })
    stack.push({ node: el, close: `</${tag}>`, level: true })
    pushChildren(el, stack)
  }
  closeWrapper(levels[0]!, out)
  return out.join('').replace(/\n{3,}/g, '\n\n').trim()
}

function pushChildren(el: Element, stack: { node: Node; close: string | null; level: boolean }[]): void {
  const children: Node[] = []
  for (let c = el.firstChild; c; c = c.nextSibling) children.push(c)
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, close: null, level: false })
}

function closeWrapper(level: Level, out: string[]): void {
  if (level.implicit) {
    out.push(level.implicit.close)
    level.implicit = null
  }
}

/** The wrapper a stray list item, row, cell or definition needs where it stands, or null. */
function wrapperFor(el: Element, tag: string, parent: string): Wrapper | null {
  switch (tag) {
    case 'li':
      if (parent === 'ul' || parent === 'ol') return null
      return el.getAttribute('data-list') === 'ol'
        ? { kind: 'ol', open: '<ol>', close: '</ol>' }
        : { kind: 'ul', open: '<ul>', close: '</ul>' }
    case 'dt':
    case 'dd':
      return parent === 'dl' ? null : { kind: 'dl', open: '<dl>', close: '</dl>' }
    case 'tr':
      return TABLE_SECTIONS.has(parent) ? null : { kind: 'table', open: '<table><tbody>', close: '</tbody></table>' }
    case 'td':
    case 'th':
      if (parent === 'tr') return null
      return TABLE_SECTIONS.has(parent)
        ? { kind: 'tr', open: '<tr>', close: '</tr>' }
        : { kind: 'table-row', open: '<table><tbody><tr>', close: '</tr></tbody></table>' }
  }
  return null
}

/** The printed start tag with the allowed attributes, or null when the element must be unwrapped or dropped. */
function openTag(el: Element, tag: string, base: URL | null): string | null {
  switch (tag) {
    case 'a': {
      const href = safeUrl(el.getAttribute('href'), base, LINK_SCHEMES)
      // A link that goes nowhere safe is just its text.
      return href === null ? null : `<a href="${escapeAttr(href)}">`
    }
    case 'img': {
      const raw = el.getAttribute('src')
      const src = raw !== null && IMAGE_DATA.test(raw.trim()) ? raw.trim() : safeUrl(raw, base, IMAGE_SCHEMES)
      if (src === null) return ''
      const alt = el.getAttribute('alt')
      return `<img src="${escapeAttr(src)}"${alt ? ` alt="${escapeAttr(alt)}"` : ''}>`
    }
    case 'td':
    case 'th': {
      let attrs = ''
      for (const name of ['colspan', 'rowspan']) {
        const value = el.getAttribute(name)?.trim()
        if (value && /^\d{1,3}$/.test(value)) attrs += ` ${name}="${value}"`
      }
      return `<${tag}${attrs}>`
    }
  }
  return `<${tag}>`
}

/**
 * A URL that is safe to print, made absolute when there is a base, or null.
 * Control characters are removed first, as browsers ignore tabs and
 * newlines inside URLs (`jav&#x09;ascript:`), so the scheme is read as a
 * browser would read it.
 */
function safeUrl(raw: string | null, base: URL | null, schemes: Set<string>): string | null {
  if (raw === null) return null
  const value = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()
  if (!value) return null
  const scheme = SCHEME.exec(value)
  if (scheme) {
    if (!schemes.has(scheme[1]!.toLowerCase())) return null
    if (scheme[1]!.toLowerCase() === 'mailto') return value
    try {
      return new URL(value).href
    } catch {
      return null
    }
  }
  if (!base) return value
  try {
    const url = new URL(value, base)
    return schemes.has(url.protocol.slice(0, -1)) ? url.href : null
  } catch {
    return null
  }
}

function httpBase(baseUrl: string | undefined): URL | null {
  if (!baseUrl) return null
  try {
    const url = new URL(baseUrl)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}
