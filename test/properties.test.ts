/**
 * Properties of extract over generated inputs (fast-check), 10,000 cases in
 * all: it throws nothing but DecantError, returns a well-formed Article, never
 * invents text, accounts for every block in document order, and is
 * deterministic. Generators make arbitrary strings and bytes, copied-page text
 * and HTML-ish markup (real and made-up tags, entities, comments, unclosed and
 * broken tags), so that the pipeline's deeper stages are reached, not just the
 * input checks.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Analysis, analyze, DecantError, extract, type Options } from '../src/index.js'
import { ELEMENT_NODE, isUnread, parseGuarded, TEXT_NODE } from '../src/segment/dom.js'
import { settings } from '../src/settings.js'
import { articleProblems } from './robustness-article.js'

/** Runs per property; the sum is the suite's count of generated cases (10,000). */
const RUNS = {
  anyString: 1500,
  anyBytes: 1500,
  htmlNeverThrows: 1500,
  textInvents: 1500,
  htmlInvents: 1500,
  accounts: 1500,
  deterministic: 1000,
}
const TIMEOUT = 180_000

const WORDS = [
  'the', 'council', 'met', 'on', 'Tuesday', 'and', 'agreed', 'a', 'new', 'budget', 'for', 'schools', 'of', 'to', 'in',
  'it', 'was', 'said', 'that', 'mayor', 'teachers', 'by', 'with', 'parents', 'roof', 'winter', 'Share', 'Subscribe',
  'Menu', 'Home', '©', '2025', 'Reuters', 'By', 'Jane', 'Doe', 'cookies', 'privacy', 'read', 'more', 'Straße', 'café',
  '東京', 'في', 'المجلس', 'ภาษาไทย', '—', '…', '"quoted"', "it's", '12.5%', 'e-mail', '#tag', '@user', 'http://x.example/a?b=1',
]

const word = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) })
const sentenceArb = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 25 }), fc.constantFrom('.', '!', '?', '', ':', '…'))
  .map(([ws, end]) => ws.join(' ') + end)

/** Copied-page text: lines of sentences and labels, blank lines between some. */
const textPage = fc
  .array(fc.tuple(sentenceArb, fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n', ' \n\t\n')), { maxLength: 30 })
  .map((lines) => lines.map(([l, sep]) => l + sep).join(''))

const ENTITIES = ['&amp;', '&lt;', '&gt;', '&nbsp;', '&quot;', '&#39;', '&#x27;', '&#169;', '&bogus;', '&#xD800;', '&#0;', '&#1114112;', '&', '&amp', '&#', '&shy;']
const RAW = ['<', '>', '</', '<!', '<!--', '-->', '<?', '</p', '<p', '<a href=', '"', "'", '<![CDATA[x]]>', '<br/>', '</div></div>', '<//>', '<p/>']

const TAGS = [
  'p', 'div', 'span', 'a', 'b', 'i', 'em', 'strong', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'br',
  'img', 'nav', 'header', 'footer', 'aside', 'article', 'main', 'section', 'blockquote', 'pre', 'code', 'figure',
  'figcaption', 'script', 'style', 'noscript', 'iframe', 'svg', 'math', 'template', 'textarea', 'title', 'head', 'body',
  'html', 'frameset', 'frame', 'form', 'input', 'select', 'option', 'button', 'label', 'dl', 'dt', 'dd', 'sup', 'hr',
  'time', 'details', 'summary', 'dialog', 'my-widget', 'o:p', 'xmp', 'plaintext', 'base', 'meta', 'link', 'font',
]
const ATTRIBUTES = [
  'class="share-buttons"', 'class="article-body"', 'id="comments"', 'href="/story/1"', 'href="javascript:alert(1)"',
  'src="http://img.example/a.png"', 'alt="a photo"', 'hidden', 'style="display:none"', 'aria-hidden="true"',
  'role="navigation"', 'onclick="alert(1)"', 'lang="de"', 'dir="rtl"', 'itemprop="articleBody"', 'title="t"',
  'class="byline"', 'rel="author"', 'datetime="2025-03-01"', 'charset="utf-8"', 'content="x"', 'name="author"',
]

interface El {
  tag: string
  attrs: string[]
  children: Node[]
  close: boolean
}
type Node = { text: string } | El

const { node: htmlNode } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      { weight: 6, arbitrary: sentenceArb.map((text) => ({ text })) },
      { weight: 1, arbitrary: fc.constantFrom(...ENTITIES).map((text) => ({ text })) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW).map((text) => ({ text })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((t) => ({ text: `<!--${t}-->` })) },
    ),
    fc.record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 6 }),
      close: fc.boolean(),
    }),
  ),
}))

function serialize(node: Node): string {
  if ('text' in node) return node.text
  const open = `<${node.tag}${node.attrs.map((a) => ` ${a}`).join('')}>`
  return open + node.children.map(serialize).join('') + (node.close ? `</${node.tag}>` : '')
}

const htmlPage = fc
  .tuple(fc.boolean(), fc.array(htmlNode, { maxLength: 12 }))
  .map(([doctype, nodes]) => (doctype ? '<!doctype html><html><head><title>A page</title></head><body>' : '') + nodes.map(serialize).join('\n'))

const modeOption = fc.constantFrom<Options>({}, { mode: 'html' }, { mode: 'text' }, { mode: 'auto', url: 'https://news.example.com/a/b.html' })

/** Runs extract; anything thrown but a DecantError is returned as a problem. */
function extractOrDecantError(input: string | Uint8Array, options: Options): string[] {
  try {
    return articleProblems(extract(input, options))
  } catch (error) {
    return error instanceof DecantError ? [] : [`threw ${error instanceof Error ? error.stack : String(error)}`]
  }
}

/** Letters as they can be compared across a page and its article: no whitespace or invisible characters. */
function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u00ad\u200b-\u200d\u2060\ufeff]+/g, '')
}

/**
 * The visible text of a page in document order, entities resolved: every text
 * node of the parsed document outside the elements a reader never sees
 * (scripts, styles, form widgets, embedded documents: dom.ts's DROP, though a
 * `<noscript>` that holds the article is read) and the ones the markup hides
 * (`hidden`, `aria-hidden`, inline `display: none`): dom.ts's isUnread.
 */
function visibleText(html: string): string {
  const document = parseGuarded(html, settings.limits)
  let out = ''
  const walk = (node: ChildNode): void => {
    if (node.nodeType === TEXT_NODE) out += (node as Text).data
    if (node.nodeType !== ELEMENT_NODE) return
    const el = node as Element
    const tag = el.localName.toLowerCase()
    if (isUnread(el, tag)) return
    for (const child of Array.from(el.childNodes)) walk(child)
  }
  // <body> itself is read whatever it says: a page is never all hidden.
  for (const child of Array.from(document.body.childNodes)) walk(child)
  return out
}

/**
 * Block texts that do not occur in the page's text, in order: each must be
 * found after the previous one (whitespace aside), so the article invents
 * nothing and keeps document order.
 */
function missingInOrder(texts: string[], pageText: string): string[] {
  const hay = squeeze(pageText)
  let from = 0
  const missing: string[] = []
  for (const text of texts) {
    const needle = squeeze(text)
    const at = hay.indexOf(needle, from)
    if (at < 0) missing.push(text)
    else from = at + needle.length
  }
  return missing
}

/** The blocks, in order, are the article's paragraphs and removed blocks interleaved, each exactly once. */
function accountingProblems({ article, blocks }: Analysis): string[] {
  const problems: string[] = []
  let p = 0
  let r = 0
  for (const block of blocks) {
    if (block.text.trim() === '') problems.push(`empty block ${block.index}`)
    if (block.label === 'body') {
      if (article.paragraphs[p] !== block.text) problems.push(`block ${block.index} is body but paragraph ${p} is "${article.paragraphs[p]}"`)
      p++
    } else {
      const removed = article.removed[r]
      if (!removed || removed.text !== block.text || removed.kind !== block.label) problems.push(`block ${block.index} (${block.label}) is not removed[${r}]`)
      r++
    }
  }
  if (p !== article.paragraphs.length) problems.push(`${article.paragraphs.length - p} paragraphs are no block`)
  if (r !== article.removed.length) problems.push(`${article.removed.length - r} removed entries are no block`)
  return problems
}

function analyzeOrNull(input: string, options: Options): Analysis | null {
  try {
    return analyze(input, options)
  } catch (error) {
    if (error instanceof DecantError) return null
    throw error
  }
}

describe('properties of extract', () => {
  it('throws only DecantError, and returns a well-formed Article, on any string', () => {
    const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), textPage, htmlPage)
    fc.assert(fc.property(anyString, modeOption, (input, options) => {
      expect(extractOrDecantError(input, options)).toEqual([])
    }), { numRuns: RUNS.anyString })
  }, TIMEOUT)

  it('throws only DecantError, and returns a well-formed Article, on any bytes', () => {
    const encoder = new TextEncoder()
    const corrupted = fc
      .tuple(htmlPage, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }))
      .map(([html, edits]) => {
        const bytes = encoder.encode(html)
        for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value
        return bytes
      })
    const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 600 }), corrupted)
    const charset = fc.constantFrom<Options>({}, { charset: 'windows-1251' }, { charset: 'shift_jis' }, { charset: 'utf-16le' })
    fc.assert(fc.property(anyBytes, charset, (input, options) => {
      expect(extractOrDecantError(input, options)).toEqual([])
    }), { numRuns: RUNS.anyBytes })
  }, TIMEOUT)

  it('throws only DecantError on HTML-ish markup, in any mode', () => {
    fc.assert(fc.property(htmlPage, modeOption, (input, options) => {
      expect(extractOrDecantError(input, options)).toEqual([])
    }), { numRuns: RUNS.htmlNeverThrows })
  }, TIMEOUT)

  // Output text is the input's in Unicode NFC (a compatibility ideograph or a letter and its combining mark are one code point).
  it('text mode: every paragraph and removed block occurs in the input (in NFC), in document order', () => {
    fc.assert(
      fc.property(textPage, (page) => {
        const result = analyzeOrNull(page, { mode: 'text' })
        if (!result) return
        const input = page.normalize('NFC')
        expect(missingInOrder(result.article.paragraphs, input)).toEqual([])
        expect(missingInOrder(result.blocks.map((b) => b.text), input)).toEqual([])
        // Each non-blank line is one block, so the blocks are exactly the lines.
        const lines = input.split(/\r\n?|\n|\u2028|\u2029/).filter((l) => squeeze(l) !== '')
        expect(result.blocks.map((b) => squeeze(b.text))).toEqual(lines.map(squeeze))
      }),
      { numRuns: RUNS.textInvents },
    )
  }, TIMEOUT)

  // decant parses the markup after NFC, so the page is read in NFC too: "<A" and a
  // combining grave accent open a tag, "<À" does not.
  it('HTML mode: every paragraph and removed block occurs in the visible page text (in NFC), in document order', () => {
    fc.assert(
      fc.property(htmlPage, (input) => {
        const result = analyzeOrNull(input, { mode: 'html' })
        if (!result) return
        const text = visibleText(input.normalize('NFC'))
        expect(missingInOrder(result.article.paragraphs, text)).toEqual([])
        expect(missingInOrder(result.blocks.map((b) => b.text), text)).toEqual([])
      }),
      { numRuns: RUNS.htmlInvents, examples: [['<p><A\u0300 the.']] },
    )
  }, TIMEOUT)

  it('body and removed together account for every non-empty block, in document order', () => {
    fc.assert(
      fc.property(fc.oneof(textPage, htmlPage), modeOption, (input, options) => {
        const result = analyzeOrNull(input, options)
        if (result) expect(accountingProblems(result)).toEqual([])
      }),
      { numRuns: RUNS.accounts },
    )
  }, TIMEOUT)

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(textPage, htmlPage), modeOption, (input, options) => {
        const first = analyzeOrNull(input, options)
        const second = analyzeOrNull(input, options)
        expect(second).toEqual(first)
      }),
      { numRuns: RUNS.deterministic },
    )
  }, TIMEOUT)
})
