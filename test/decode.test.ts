import { describe, expect, it } from 'vitest'
import { decode, prescanCharset, scanUtf8, sniffIsHtml } from '../src/decode.js'
import { DecantError } from '../src/errors.js'
import { extract } from '../src/index.js'

/** Bytes of a string whose code units are all < 256 (each unit one byte), so legacy bytes can be written as \xNN. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}
function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
function hex(text: string): string {
  return String.fromCharCode(...text.split(/\s+/).map((h) => parseInt(h, 16)))
}
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

// "中文新闻" in GBK, "Žluťoučký kůň" in ISO-8859-2, Russian text in windows-1251.
const GBK = hex('d6 d0 ce c4 d0 c2 ce c5')
const LATIN2 = hex('ae 6c 75 bb 6f 75 e8 6b fd 20 6b f9 f2')
const CP1251 = hex(
  'cf f0 e8 e2 e5 f2 20 ec e8 f0 2c 20 fd f2 ee 20 f2 e5 f1 f2 ee e2 e0 ff 20 f1 f2 f0 e0 ed e8 f6 e0 20 ed ee e2 ee f1 f2 e5 e9',
)

describe('decode: byte order marks', () => {
  it('UTF-8 BOM wins over a contrary meta and is stripped', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('<meta charset="windows-1252"><p>Café</p>'))
    const out = decode(bytes)
    expect(out.charset).toBe('utf-8')
    expect(out.text).toBe('<meta charset="windows-1252"><p>Café</p>')
  })
  it('UTF-16LE BOM', () => {
    const body = '<p>Grüße 日本</p>'
    const units = new Uint8Array(2 + body.length * 2)
    units.set([0xff, 0xfe])
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i)
      units[2 + i * 2] = c & 0xff
      units[3 + i * 2] = c >> 8
    }
    expect(decode(units)).toEqual({ text: body, charset: 'utf-16le' })
  })
  it('UTF-16BE BOM', () => {
    const body = '<p>Ünïcödé</p>'
    const units = new Uint8Array(2 + body.length * 2)
    units.set([0xfe, 0xff])
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i)
      units[2 + i * 2] = c >> 8
      units[3 + i * 2] = c & 0xff
    }
    expect(decode(units)).toEqual({ text: body, charset: 'utf-16be' })
  })
})

describe('decode: declarations', () => {
  it('reads <meta charset>', () => {
    const out = decode(latin1(`<html><head><meta charset="iso-8859-2"></head><body>${LATIN2}</body></html>`))
    expect(out.charset).toBe('iso-8859-2')
    expect(out.text).toContain('Žluťoučký kůň')
  })
  it('reads http-equiv Content-Type with charset in content', () => {
    const out = decode(
      latin1(`<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>${CP1251}</title>`),
    )
    expect(out.charset).toBe('windows-1251')
    expect(out.text).toContain('Привет мир')
  })
  it('reads unquoted and single-quoted values, any attribute order', () => {
    expect(prescanCharset(latin1('<meta content=\'text/html;charset=koi8-r\' http-equiv=content-type>'))).toBe('koi8-r')
    expect(prescanCharset(latin1('<META CHARSET=Shift_JIS>'))).toBe('Shift_JIS')
  })
  it('ignores a meta inside a comment', () => {
    expect(prescanCharset(latin1('<!-- <meta charset="big5"> --><meta charset="utf-8">'))).toBe('utf-8')
  })
  it('reads an XML declaration', () => {
    expect(prescanCharset(latin1('<?xml version="1.0" encoding="ISO-8859-2"?><html>'))).toBe('ISO-8859-2')
  })
  it('maps gb2312 to gbk', () => {
    const out = decode(latin1(`<meta charset="gb2312"><title>${GBK}</title>`))
    expect(out.charset).toBe('gbk')
    expect(out.text).toContain('中文新闻')
  })
  it('maps iso-8859-1 to windows-1252 (curly quotes in 0x80–0x9F)', () => {
    const out = decode(latin1('<meta charset="iso-8859-1"><p>\x93Caf\xe9\x94 \x96 d\xe9j\xe0 vu</p>'))
    expect(out.charset).toBe('windows-1252')
    expect(out.text).toContain('“Café” – déjà vu')
  })
  it('a meta that says UTF-16 means UTF-8 (its bytes were readable as ASCII)', () => {
    expect(decode(utf8('<meta charset="utf-16"><p>Grüße</p>')).charset).toBe('utf-8')
  })
  it('an unknown declared label falls through to detection', () => {
    const out = decode(utf8('<meta charset="klingon-8"><p>Grüße</p>'))
    expect(out).toEqual({ text: '<meta charset="klingon-8"><p>Grüße</p>', charset: 'utf-8' })
  })
})

describe('decode: wrong declarations', () => {
  it('declared UTF-8 but windows-1252 bytes: still readable', () => {
    const out = decode(latin1('<meta charset="utf-8"><p>Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9</p>'))
    expect(out.text).toContain('Café crème, naïve résumé')
    expect(out.text).not.toContain('\uFFFD')
  })
  it('declared windows-1252 but the bytes are UTF-8: UTF-8', () => {
    const out = decode(utf8('<meta charset="windows-1252"><p>Grüße aus Köln</p>'))
    expect(out.charset).toBe('utf-8')
    expect(out.text).toContain('Grüße aus Köln')
  })
  it('UTF-8 with a few stray windows-1252 bytes reads the stray bytes as windows-1252', () => {
    const bytes = concat(utf8('<meta charset="utf-8"><p>Grüße, schöne Grüße, Übermaß, Öl, Äpfel, süß, Straße, Müller, Köln, Bär</p>'), latin1('<img alt="K\xfcchen">'))
    const out = decode(bytes)
    expect(out.charset).toBe('utf-8')
    expect(out.text).toContain('Übermaß')
    expect(out.text).toContain('Küchen')
  })
})

describe('decode: no declaration', () => {
  it('valid UTF-8 is UTF-8', () => {
    expect(decode(utf8('<p>日本語のテキスト</p>'))).toEqual({ text: '<p>日本語のテキスト</p>', charset: 'utf-8' })
  })
  it('plain ASCII is UTF-8', () => {
    expect(decode(utf8('hello')).charset).toBe('utf-8')
  })
  it('windows-1252 bytes without declaration', () => {
    const out = decode(latin1('<p>Le caf\xe9 \xe9tait tr\xe8s cher \x96 \x93vraiment\x94, dit-il. \xc0 bient\xf4t.</p>'))
    expect(out.charset).toBe('windows-1252')
    expect(out.text).toContain('Le café était très cher – “vraiment”, dit-il. À bientôt.')
  })
  it('Cyrillic windows-1251 bytes without declaration are detected', () => {
    const text = Array.from({ length: 6 }, () => CP1251).join('. ')
    const out = decode(latin1(`<p>${text}</p>`))
    expect(out.text).toContain('Привет мир')
  })
  it('a truncated final UTF-8 sequence does not make the page legacy', () => {
    const full = utf8('<p>Grüße 日本</p>')
    const cut = full.subarray(0, full.length - '</p>'.length - 1)
    expect(decode(cut).charset).toBe('utf-8')
  })
})

describe('decode: fallback charset', () => {
  it('is used when the page declares nothing', () => {
    const out = decode(latin1(`<p>${LATIN2}</p>`), 'iso-8859-2')
    expect(out.charset).toBe('iso-8859-2')
    expect(out.text).toContain('Žluťoučký kůň')
  })
  it('loses to the page declaration', () => {
    expect(decode(latin1(`<meta charset="gbk"><p>${GBK}</p>`), 'iso-8859-2').charset).toBe('gbk')
  })
  it('an unknown fallback label throws UNSUPPORTED_CHARSET', () => {
    let error: unknown
    try {
      decode(utf8('<p>x</p>'), 'not-a-charset')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DecantError)
    expect((error as DecantError).code).toBe('UNSUPPORTED_CHARSET')
  })
})

describe('scanUtf8', () => {
  it('counts valid multi-byte sequences and invalid bytes', () => {
    expect(scanUtf8(utf8('aé日😀'))).toMatchObject({ multiByte: 3, invalid: 0 })
    expect(scanUtf8(latin1('caf\xe9 ok'))).toMatchObject({ multiByte: 0, invalid: 1 })
    // Overlong "/" and a UTF-16 surrogate encoded in UTF-8 are invalid.
    expect(scanUtf8(new Uint8Array([0xc0, 0xaf, 0xed, 0xa0, 0x80])).invalid).toBeGreaterThan(0)
  })
})

describe('sniffIsHtml', () => {
  it.each([
    '<!DOCTYPE html><html><body>x</body></html>',
    '  \n<html lang="en">',
    '<!-- saved page --><head><title>x</title></head>',
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">',
    '<body>hello</body>',
    '<div class="post"><p>Fragment of markup</p></div>',
    '<p>One paragraph.</p>\n<p>Another.</p>',
  ])('markup: %s', (text) => {
    expect(sniffIsHtml(text)).toBe(true)
  })
  it.each([
    'I <3 this article.\nIt is great.',
    'If a<b and b<c then a<c.',
    'Use the <div> element for layout, the article says.',
    'Breaking News\n\nThe council voted on Tuesday.',
    '',
  ])('plain text: %s', (text) => {
    expect(sniffIsHtml(text)).toBe(false)
  })
})

describe('extract: Unicode normalization', () => {
  const paragraph = 'The cafe\u0301 by the harbour reopened on Monday after two years of repairs, and the ferry stops right at its door again.'
  const page = ['Harbour News', '', 'Cafe\u0301 reopens by the harbour', '', paragraph, '', paragraph.replace('Monday', 'Tuesday'), '', paragraph.replace('Monday', 'Friday')].join('\n')
  it.each([
    ['text', page],
    ['html', `<html><body><h1>Cafe\u0301 reopens by the harbour</h1><p>${paragraph}</p><p>${paragraph}</p></body></html>`],
  ] as const)('returns %s input in NFC: a letter and its combining mark become one code point', (mode, input) => {
    for (const source of [input, new TextEncoder().encode(input)]) {
      const article = extract(source, { mode })
      expect(article.body).toContain('café')
      expect(article.body).not.toContain('e\u0301')
      expect(article.title).toBe('Café reopens by the harbour')
    }
  })
})
