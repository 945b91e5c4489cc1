/**
 * decant parses with a patched linkedom (patches/linkedom+0.18.15.patch,
 * applied by patch-package when the project is installed, then bundled into
 * dist/). Stock linkedom makes objects that a page hardly ever uses:
 * - a listener Map and a WeakMap entry for every node; the patch makes them
 *   on the first addEventListener (on the AEB pages that halved the parse);
 * - a classList Set for every element with a class, while parsing; the patch
 *   reads className from the attribute, as a browser does, and makes the Set
 *   when classList is asked for;
 * - a new Map table on every read of an empty style (Readability reads the
 *   style of every element); the patch skips clearing what is empty, and
 *   answers '' without hyphenating the property's name;
 * - a compiled selector for every query (Readability asks for the same tag
 *   lists hundreds of times a page); the patch keeps the compiled ones, and
 *   matches a list of tag names in an HTML document by name;
 * - an upper-cased name per element in getElementsByTagName, even for a
 *   lower-case name that it cannot match;
 * - an array and a join for the textContent of every element, though most
 *   hold one text node or none;
 * - a WeakMap entry for every style that is read, to find its element; the
 *   patch keeps the element on the style object;
 * - an upper-cased string on every read of tagName; the patch keeps those;
 * - an array of pieces and a join to serialize an element (Readability
 *   serializes the whole body of every page), and every node turned into a
 *   string through ToPrimitive; the patch grows one string and calls each
 *   node's toString;
 * - no way to watch a parse: decant's limits on nodes and depth tokenized
 *   every page twice, once to count and once to build. The patch gives
 *   DOMParser#parseFromString a fourth argument, a guard that hears each
 *   element, text and comment as the tree is built and may stop it.
 * These tests check that events, classes and styles still behave, and that
 * the built package carries the patched copy, not the stock one.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')

/** The source of linkedom's DOMEventTarget class as it stands in `code`, from the class to its first method. */
function eventTargetClass(code: string): string | undefined {
  const start = code.search(/(?:class DOMEventTarget\b|DOMEventTarget = class\b)/)
  if (start < 0) return undefined
  const end = code.indexOf('_getParent()', start)
  return code.slice(start, end)
}

/** Code that only the stock linkedom has, one pattern per patched spot. */
const STOCK: Array<[string, RegExp]> = [
  ['className from the classList', /get className\(\)\s*\{\s*return this\.classList\.value;?\s*\}/],
  ['classList made while parsing', /attribute\w*\.name === ["']class["']\)\s*element\w*\.className = value/],
  ['empty style cleared', /const attr\w* = refs\w*\.get\(style\w*\)\.getAttributeNode\(["']style["']\);\s*if \(!attr\w* \|\| attr\w*\[CHANGED\w*\]/],
  ['empty style hyphenates the name', /return getKeys\w*\(style\w*\)\[name\w*\];\s*return style\w*\.get\(/],
  ['a selector compiled on every query', /prepareMatch\w* = \(element\w*, selectors\w*\) => (?:\w+\.)?compile\w*\(/],
  ['tagName upper-cased on every read', /ignoreCase \? localName\w*\.toUpperCase\(\) : localName/],
  ['every element upper-cased by getElementsByTagName', /next\w*\.localName === tagName\w* \|\|\s*localCase\w*\(next\w*\) === tagName/],
  ['a WeakMap entry per style', /refs\w*\.set\(this, element\w*\)/],
  ['textContent joined for every element', /get textContent\(\) \{\s*const text\w* = \[\];/],
  ['a parse without a guard', /parseFromString\w* = \(document\w*, isHTML\w*, markupLanguage\w*\) =>/],
  ['serialized into an array and joined', /toString\(\) \{\s*const out\w* = \[\];\s*const \{\s*\[END\w*\]: end\w*\s*\} = this;/],
]

function stockParts(code: string): string[] {
  const found = STOCK.filter(([, pattern]) => pattern.test(code)).map(([name]) => name)
  if (/new Map/.test(eventTargetClass(code) ?? '')) found.push('a listener Map per node')
  return found
}

describe('the patched linkedom', () => {
  it('still delivers events to listeners, bubbling, and stops after removal', () => {
    const { document, Event } = parseHTML('<html><body><div id="outer"><p id="inner">x</p></div></body></html>')
    const outer = document.getElementById('outer')!
    const inner = document.getElementById('inner')!
    const heard: string[] = []
    const onInner = (): void => void heard.push('inner')
    outer.addEventListener('ping', () => heard.push('outer'))
    inner.addEventListener('ping', onInner)
    inner.dispatchEvent(new Event('ping', { bubbles: true }))
    inner.removeEventListener('ping', onInner)
    inner.dispatchEvent(new Event('ping', { bubbles: true }))
    // A node that never had a listener: removing and dispatching are no-ops.
    const quiet = document.createElement('span')
    quiet.removeEventListener('ping', onInner)
    expect(quiet.dispatchEvent(new Event('ping'))).toBe(true)
    expect(heard).toEqual(['inner', 'outer', 'outer'])
  })

  it('keeps class names as a browser does, and the classList in step with them', () => {
    const { document } = parseHTML('<html><body><div id="a" class=" lead  story lead"></div><p id="b">x</p></body></html>')
    const div = document.getElementById('a')!
    const plain = document.getElementById('b')!
    expect(div.className).toBe(' lead  story lead')
    expect(div.getAttribute('class')).toBe(' lead  story lead')
    expect(plain.className).toBe('')
    expect(document.querySelector('.story')).toBe(div)
    expect(document.getElementsByClassName('lead')).toHaveLength(1)
    expect([...div.classList]).toEqual(['lead', 'story'])
    div.classList.add('wide')
    expect(div.className).toBe('lead story wide')
    div.setAttribute('class', 'teaser')
    expect([...div.classList]).toEqual(['teaser'])
    div.className = 'card  big'
    expect(div.classList.contains('big')).toBe(true)
    div.removeAttribute('class')
    expect(div.className).toBe('')
    expect(div.classList.length).toBe(0)
  })

  it('reads and writes styles, with or without a style attribute', () => {
    const { document } = parseHTML('<html><body><div id="a" style="display: none; color: red"></div><p id="b">x</p></body></html>')
    const div = document.getElementById('a')!
    const plain = document.getElementById('b')!
    expect(div.style.display).toBe('none')
    expect(plain.style.display).toBe('')
    expect(plain.style.length).toBe(0)
    plain.style.color = 'blue'
    expect(plain.getAttribute('style')).toBe('color:blue')
    expect(plain.style.color).toBe('blue')
    div.setAttribute('style', 'visibility: hidden')
    expect(div.style.display).toBe('')
    expect(div.style.visibility).toBe('hidden')
    div.style.cssText = 'color: green'
    expect(div.getAttribute('style')).toBe('color: green')
    expect(div.style.getPropertyValue('color')).toBe('green')
    expect([...div.style]).toEqual(['color'])
    div.style.removeProperty('color')
    expect(div.style.length).toBe(0)
  })

  it('serializes elements, attributes, text, comments, void and SVG elements and raw-text elements as before', () => {
    const page = '<html><body><p class="a" id="b" style="x" hidden data-n="1 &quot;2&quot;">a &amp; b&nbsp;&lt;c&gt;<br><img src="x.png" alt=""><svg><path d="M0 0"/></svg><script>if (a < b && c) go()</script><!-- note --><textarea>t &amp; u</textarea><span></span></p></body></html>'
    const { document, DOMParser } = parseHTML(page)
    const inner =
      '<p class="a" id="b" style="x" hidden data-n="1 &quot;2&quot;">a &amp; b&#160;&lt;c&gt;<br><img src="x.png" alt=""><svg><path d="M0 0" /></svg><script>if (a < b && c) go()</script><!-- note --><textarea>t &amp; u</textarea><span></span></p>'
    expect(document.body.innerHTML).toBe(inner)
    expect(document.body.outerHTML).toBe(`<body>${inner}</body>`)
    expect(String(document)).toBe(`<html><head></head><body>${inner}</body></html>`)
    const xml = new DOMParser().parseFromString('<root a="1"><empty/><x>t &amp; u</x></root>', 'text/xml')
    expect(xml.documentElement!.toString()).toBe('<root a="1"><empty /><x>t &amp; u</x></root>')
  })

  it('answers each query by its own selector and document mode, again and again', () => {
    const first = parseHTML('<html><body><h2 id="h">x</h2><p id="p1">a</p><div><p id="p2">b</p></div></body></html>').document
    const second = parseHTML('<html><body><p id="q1">c</p><h2 id="g">y</h2></body></html>').document
    const ids = (list: ArrayLike<Element>): string[] => Array.from(list, (el) => el.id)
    for (let round = 0; round < 2; round++) {
      expect(ids(first.querySelectorAll('p, h2'))).toEqual(['h', 'p1', 'p2'])
      expect(ids(second.querySelectorAll('p, h2'))).toEqual(['q1', 'g'])
      expect(ids(first.querySelector('div')!.querySelectorAll(':scope > p'))).toEqual(['p2'])
      expect(ids(second.body.querySelectorAll(':scope > p'))).toEqual(['q1'])
    }
    // XML names keep their case: "Item" and "item" are different selectors there, the same in HTML.
    const { DOMParser } = parseHTML('<html></html>')
    const feed = new DOMParser().parseFromString('<feed><Item id="x"/><item id="y"/></feed>', 'text/xml')
    expect(ids(feed.querySelectorAll('Item'))).toEqual(['x'])
    expect(ids(feed.querySelectorAll('item'))).toEqual(['y'])
    expect(ids(first.querySelectorAll('H2'))).toEqual(['h'])
    // A list of tag names, however spaced and cased, matches as the full selector engine does.
    expect(ids(first.querySelectorAll(' P ,h2'))).toEqual(ids(first.querySelectorAll(':is(p, h2)')))
    expect(first.querySelector('div, P')!.id).toBe('p1')
    expect(ids(feed.querySelectorAll('Item, item'))).toEqual(['x', 'y'])
  })

  it('finds elements by tag name in either case in HTML, and by exact name in XML', () => {
    const { document, DOMParser } = parseHTML('<html><body><a id="l">x</a><svg><linearGradient id="g"/></svg></body></html>')
    const ids = (list: ArrayLike<Element>): string[] => Array.from(list, (el) => el.id)
    expect(ids(document.getElementsByTagName('a'))).toEqual(['l'])
    expect(ids(document.getElementsByTagName('A'))).toEqual(['l'])
    expect(ids(document.getElementsByTagName('b'))).toEqual([])
    const feed = new DOMParser().parseFromString('<feed><Item id="x"/><item id="y"/></feed>', 'text/xml')
    expect(ids(feed.getElementsByTagName('item'))).toEqual(['y'])
    expect(ids(feed.getElementsByTagName('Item'))).toEqual(['x'])
    expect(ids(feed.getElementsByTagName('ITEM'))).toEqual([])
  })

  it('reads the text of elements with no, one and many text nodes', () => {
    const { document } = parseHTML('<html><body><div id="a"><p id="b">one</p><p id="c"></p><p id="d">x<b>y</b>z</p><!-- no --></div></body></html>')
    const text = (id: string): string => document.getElementById(id)!.textContent!
    expect(text('b')).toBe('one')
    expect(text('c')).toBe('')
    expect(text('d')).toBe('xyz')
    expect(text('a')).toBe('onexyz')
  })

  it('reads tag names upper-cased in HTML and as written in XML', () => {
    const { document, DOMParser } = parseHTML('<html><body><section><my-card>x</my-card></section></body></html>')
    expect(document.querySelector('section')!.tagName).toBe('SECTION')
    expect(document.querySelector('my-card')!.tagName).toBe('MY-CARD')
    expect(document.querySelector('my-card')!.nodeName).toBe('MY-CARD')
    const feed = new DOMParser().parseFromString('<feed><Item/></feed>', 'text/xml')
    expect(feed.querySelector('Item')!.tagName).toBe('Item')
  })

  it('lets a guard hear every element, text and comment as the tree is built, and stop it', () => {
    const { DOMParser } = parseHTML('<html></html>')
    type Guard = { open(): void; close(): void; node(): void }
    const parser = new DOMParser() as unknown as { parseFromString(html: string, type: string, globals: null, guard?: Guard): Document }
    const heard: string[] = []
    const guard: Guard = { open: () => void heard.push('open'), close: () => void heard.push('close'), node: () => void heard.push('node') }
    const page = parser.parseFromString('<p>a &amp; b<!-- c --></p><br>', 'text/html', null, guard)
    // "a ", "&", " b": every character reference is a text node of its own.
    expect(heard).toEqual(['open', 'node', 'node', 'node', 'node', 'close', 'open', 'close'])
    expect(page.querySelector('p')!.textContent).toBe('a & b')
    const stop: Guard = { ...guard, open: () => { throw new Error('too deep') } }
    expect(() => parser.parseFromString('<div><div></div></div>', 'text/html', null, stop)).toThrow('too deep')
    // Without a guard, and after one stopped a parse, parsing goes on as before.
    expect(parser.parseFromString('<p>x</p>', 'text/html', null).querySelector('p')!.textContent).toBe('x')
  })

  it('is installed: node_modules holds the patched copy', () => {
    for (const flavour of ['esm', 'cjs']) {
      const dir = join(root, 'node_modules', 'linkedom', flavour)
      const files = ['interface/event-target.js', 'interface/element.js', 'shared/parse-from-string.js', 'interface/css-style-declaration.js', 'shared/matches.js', 'shared/utils.js', 'dom/parser.js', 'mixin/parent-node.js']
      const source = files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n')
      expect(eventTargetClass(source), flavour).toBeDefined()
      expect(stockParts(source), flavour).toEqual([])
    }
  })

  it('is the copy in every built file that holds a DOM', () => {
    const dist = join(root, 'dist')
    const withDom = readdirSync(dist)
      .filter((name) => /\.c?js$/.test(name))
      .filter((name) => eventTargetClass(readFileSync(join(dist, name), 'utf8')) !== undefined)
    expect(withDom).toEqual(expect.arrayContaining(['index.js', 'index.cjs']))
    for (const name of withDom) expect(stockParts(readFileSync(join(dist, name), 'utf8')), name).toEqual([])
  })
})
