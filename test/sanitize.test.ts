/**
 * The article HTML sanitizer. XSS vectors in the style of the html5sec and
 * DOMPurify lists; the output is then parsed as a browser parses it (jsdom's
 * HTML5 parser) and checked for scripts, handlers, forms, styles and
 * dangerous URLs.
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { sanitizeHtml } from '../src/render/sanitize.js'

const BASE = 'https://news.example.com/world/story.html'

const VECTORS: [string, string][] = [
  ['script element', '<p>a</p><script>alert(1)</script><p>b</p>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
  ['style @import', '<style>@import "http://evil.example/x.css";</style><p>text</p>'],
  ['tab inside the scheme', '<a href="jav&#x09;ascript:alert(1)">a</a>'],
  ['newline and NUL inside the scheme', '<a href="java&#x0A;scr&#0;ipt:alert(1)">a</a><a href="java\u0000script:alert(1)">b</a>'],
  ['entity-encoded scheme', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">a</a>'],
  ['named-entity colon', '<a href="javascript&colon;alert(1)">a</a><a href="javascript&#x3A;alert(2)">b</a>'],
  ['leading whitespace and mixed case', '<a href=" \n JaVaScRiPt:alert(1)">a</a>'],
  ['vbscript', '<a href="vbscript:msgbox(1)">a</a>'],
  ['data:text/html link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>'],
  ['javascript image source', '<img src="javascript:alert(1)"><img src="`javascript:alert(1)`">'],
  ['svg data image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['form with action', '<form action="javascript:alert(1)"><input type="submit" value="Go"><button formaction="javascript:alert(2)">b</button></form>'],
  ['math xlink:href', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  ['iframe src and srcdoc', '<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object and embed', '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
  ['style attribute', '<p style="background:url(javascript:alert(1))" class="x" id="y">styled</p>'],
  ['event handler on an allowed element', '<p onclick="alert(1)" onmouseover="alert(2)">p</p><details open ontoggle=alert(3)>d</details>'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['svg style namespace confusion', '<svg><style><img src=x onerror=alert(1)></style></svg>'],
  ['math mglyph style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ['base and meta refresh', '<base href="javascript:/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><a href="x">x</a>'],
  ['raw text elements', '<textarea><script>alert(1)</script></textarea><title><script>alert(2)</script></title><xmp><img src=x onerror=alert(3)></xmp>'],
  ['template', '<template><script>alert(1)</script><img src=x onerror=alert(2)></template>'],
  ['link stylesheet and import', '<link rel="stylesheet" href="http://evil.example/x.css"><link rel="import" href="x.html">'],
  ['unknown element with handler', '<xss onafterscriptexecute="alert(1)" style="behavior:url(x.htc)">text</xss>'],
  ['attribute breaking out of quotes', '<a href="https://ok.example/&quot;onmouseover=&quot;alert(1)">a</a><img src="/x.png" alt="&quot; onerror=&quot;alert(1)">'],
]

const FORBIDDEN_ELEMENTS = 'script, style, iframe, frame, object, embed, form, input, button, textarea, select, svg, math, template, link, meta, base, noscript, title'

function parsed(html: string): Document {
  return new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document
}

/** What a browser would run or load from the output. */
function dangers(html: string): string[] {
  const found: string[] = []
  const body = parsed(html).body
  for (const el of Array.from(body.querySelectorAll(FORBIDDEN_ELEMENTS))) found.push(`<${el.localName}>`)
  for (const el of Array.from(body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on') || name === 'style' || name === 'class' || name === 'id' || name.includes(':')) found.push(`${el.localName}[${name}]`)
      if (name === 'href' || name === 'src') {
        const value = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
        if (/^(?:javascript|vbscript|data:text\/html)|^data:(?!image\/(?:png|gif|jpeg|webp)[;,])/.test(value)) found.push(`${el.localName}[${name}=${attr.value}]`)
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(value)?.[1]
        if (scheme && !['http', 'https', 'mailto', 'data'].includes(scheme)) found.push(`${el.localName}[${name} scheme ${scheme}]`)
      }
    }
  }
  if (/javascript:|vbscript:|data:text\/html/i.test(html)) found.push('dangerous URL text')
  return found
}

describe('sanitizeHtml against XSS vectors', () => {
  for (const [name, vector] of VECTORS) {
    it(name, () => {
      const out = sanitizeHtml(vector, BASE)
      expect(dangers(out)).toEqual([])
      expect(out).not.toMatch(/<(?:script|style|form|iframe|svg|math)\b/i)
      // Without a base URL the same holds.
      expect(dangers(sanitizeHtml(vector))).toEqual([])
    })
  }

  it('keeps the text of a neutralised link and of unknown elements', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">click <b>me</b></a>')).toBe('click <b>me</b>')
    expect(sanitizeHtml('<xss onclick="x">kept text</xss>')).toBe('kept text')
  })
})

describe('sanitizeHtml allowlist', () => {
  it('keeps allowed elements and their allowed attributes only', () => {
    const html =
      '<h2 class="t">Head</h2><p id="p1">A <em>b</em> <strong>c</strong> <code>d</code> <mark>e</mark> <sub>1</sub><sup>2</sup> <small>s</small> <u>u</u> <s>x</s> <i>i</i> <b>b</b></p>' +
      '<blockquote><p>q</p></blockquote><pre><code>  x = 1\n  y = 2</code></pre><hr><p>line<br>break</p>' +
      '<figure><img src="/a.png" alt="An image" width="10" loading="lazy"><figcaption>Cap</figcaption></figure>' +
      '<table border="1"><thead><tr><th>H</th></tr></thead><tbody><tr><td colspan="2" rowspan="x" align="left">1</td></tr></tbody></table>' +
      '<dl><dt>T</dt><dd>D</dd></dl><ol><li>one</li></ol><ul><li>two</li></ul>'
    expect(sanitizeHtml(html, BASE)).toBe(
      '<h2>Head</h2><p>A <em>b</em> <strong>c</strong> <code>d</code> <mark>e</mark> <sub>1</sub><sup>2</sup> <small>s</small> <u>u</u> <s>x</s> <i>i</i> <b>b</b></p>' +
        '<blockquote><p>q</p></blockquote><pre><code>  x = 1\n  y = 2</code></pre><hr><p>line<br>break</p>' +
        '<figure><img src="https://news.example.com/a.png" alt="An image"><figcaption>Cap</figcaption></figure>' +
        '<table><thead><tr><th>H</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>' +
        '<dl><dt>T</dt><dd>D</dd></dl><ol><li>one</li></ol><ul><li>two</li></ul>',
    )
  })

  it('resolves relative URLs against the base and keeps http, https and mailto', () => {
    const out = sanitizeHtml('<a href="../x?q=1#f">r</a> <a href="//cdn.example.org/y">p</a> <a href="mailto:desk@example.com">m</a> <a href="HTTPS://Example.com/Z">z</a> <a href="ftp://x/y">f</a>', BASE)
    expect(out).toBe(
      '<a href="https://news.example.com/x?q=1#f">r</a> <a href="https://cdn.example.org/y">p</a> <a href="mailto:desk@example.com">m</a> <a href="https://example.com/Z">z</a> f',
    )
    expect(sanitizeHtml('<a href="/rel">r</a>')).toBe('<a href="/rel">r</a>')
  })

  it('keeps raster data images only', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo='
    expect(sanitizeHtml(`<img src="${png}" alt="dot">`)).toBe(`<img src="${png}" alt="dot">`)
    expect(sanitizeHtml('<img src="data:image/svg+xml,&lt;svg/&gt;">')).toBe('')
    expect(sanitizeHtml('<img alt="no source">')).toBe('')
  })

  it('escapes text and attribute values', () => {
    expect(sanitizeHtml('<p>a &lt;b&gt; &amp; "c"</p>')).toBe('<p>a &lt;b&gt; &amp; "c"</p>')
    expect(sanitizeHtml('<img src="/x.png" alt="say &quot;hi&quot; <b>">', BASE)).toBe('<img src="https://news.example.com/x.png" alt="say &quot;hi&quot; &lt;b&gt;">')
  })

  it('unwraps layout elements and keeps the words of blocks apart', () => {
    expect(sanitizeHtml('<div>one</div><div>two</div><span>three</span><span>four</span>')).toBe('one\n\ntwo\nthreefour')
  })

  it('gives stray list items, rows and definitions their parent, as blocks arrive', () => {
    expect(sanitizeHtml('<li>a</li>\n<li>b</li>\n<p>c</p>')).toBe('<ul><li>a</li>\n<li>b</li>\n</ul><p>c</p>')
    expect(sanitizeHtml('<li data-list="ol">1</li><li data-list="ol">2</li><li>x</li>')).toBe('<ol><li>1</li><li>2</li></ol><ul><li>x</li></ul>')
    expect(sanitizeHtml('<tr><td>1</td></tr>\n<tr><td>2</td></tr>')).toBe('<table><tbody><tr><td>1</td></tr>\n<tr><td>2</td></tr></tbody></table>')
    expect(sanitizeHtml('<dt>t</dt><dd>d</dd>')).toBe('<dl><dt>t</dt><dd>d</dd></dl>')
    expect(sanitizeHtml('<ul><li>in a list</li></ul>')).toBe('<ul><li>in a list</li></ul>')
  })

  it('handles empty input, and nesting up to the default depth limit', () => {
    expect(sanitizeHtml('')).toBe('')
    const deep = (n: number) => `${'<span>'.repeat(n)}deep${'</span>'.repeat(n)}`
    expect(sanitizeHtml(deep(900))).toBe('deep')
    expect(() => sanitizeHtml(deep(5000))).toThrow(expect.objectContaining({ code: 'TOO_DEEP' }))
  })
})
