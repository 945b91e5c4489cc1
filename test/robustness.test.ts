/**
 * The bad-input matrix (issue 7): every hostile or degenerate input either
 * throws a DecantError with the documented code, or gives a valid (possibly
 * empty) Article. Inputs are generated in code; the test runner's timeout is
 * the only clock.
 */
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { type Article, DecantError, type DecantErrorCode, extract, type Options } from '../src/index.js'
import { readabilityCandidate } from '../src/candidates/readability.js'
import { parseHtml } from '../src/segment/html.js'
import { settings } from '../src/settings.js'
import { expectValidArticle } from './robustness-article.js'
import { articlePage, bigPage, entityBomb, nestedDivs, noise, sentence, utf8, withPrefix } from './robustness-inputs.js'

const MB = 1024 * 1024

interface Case {
  name: string
  input: () => string | Uint8Array
  options?: Options
  /** The error this input must raise… */
  error?: DecantErrorCode
  /** …or what must hold of the article it gives (besides being a valid Article). */
  article?: (article: Article) => void
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim()

function expectEmpty(article: Article): void {
  expect(article.body).toBe('')
  expect(article.paragraphs).toEqual([])
  expect(article.wordCount).toBe(0)
}

function allLinks(): string {
  return `<!doctype html><html><body>${Array.from({ length: 3000 }, (_, i) => `<a href="/story/${i}">Story number ${i} about the town</a>`).join('\n')}</body></html>`
}

const CASES: Case[] = [
  { name: 'empty string', input: () => '', article: (a) => (expectEmpty(a), expect(a.removed).toEqual([])) },
  { name: 'empty bytes', input: () => new Uint8Array(0), article: expectEmpty },
  { name: 'whitespace only', input: () => ' \n\t\r\n  \u00a0\u2028 \u200b\n\n', article: (a) => (expectEmpty(a), expect(a.removed).toEqual([])) },
  { name: 'whitespace only, as HTML', input: () => '  \n\n', options: { mode: 'html' }, article: expectEmpty },
  {
    name: 'binary bytes: a PNG',
    input: () => withPrefix([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], noise(64 * 1024)),
    error: 'BAD_INPUT',
  },
  { name: 'binary bytes: a gzip stream of a page', input: () => gzipSync(articlePage(20)), error: 'BAD_INPUT' },
  { name: 'binary bytes: noise with no signature', input: () => noise(8192, 7), error: 'BAD_INPUT' },
  { name: 'NUL bytes', input: () => new Uint8Array(4096), error: 'BAD_INPUT' },
  {
    name: 'NUL characters inside a string page',
    input: () => articlePage(6).replace(/ the /g, ' the\u0000 '),
    article: (a) => expect(a.paragraphs.length).toBeGreaterThanOrEqual(4),
  },
  {
    name: 'invalid UTF-8',
    // Truncated, overlong, surrogate and out-of-range sequences between the words.
    input: () => {
      const bad = [[0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0xbc], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff]]
      const parts: number[] = []
      for (let i = 0; i < 8; i++) parts.push(...utf8(`${sentence(i)} `), ...bad[i % bad.length]!, 0x0a, 0x0a)
      return new Uint8Array(parts)
    },
    article: (a) => {
      expect(a.mode).toBe('text')
      expect(fold(a.body)).toContain('paid for by savings elsewhere')
    },
  },
  {
    name: 'wrong declared charset: declares Shift_JIS, is UTF-8',
    input: () => utf8(articlePage(5, 'Straßenbahn für München').replace('charset="utf-8"', 'charset="shift_jis"')),
    article: (a) => expect(a.title).toBe('Straßenbahn für München'),
  },
  {
    name: 'wrong declared charset: declares UTF-8, is windows-1252',
    input: () => Uint8Array.from(articlePage(5, 'Café crème à la carte'), (c) => c.charCodeAt(0)),
    article: (a) => expect(a.title).toBe('Café crème à la carte'),
  },
  { name: '50 MB page (string)', input: () => bigPage(50 * MB), error: 'INPUT_TOO_LARGE' },
  { name: '50 MB page (bytes)', input: () => utf8(bigPage(50 * MB)), error: 'INPUT_TOO_LARGE' },
  {
    // Past the input limit the page is still bounded by the node limit, before any DOM is built.
    name: '50 MB page with the input limit raised',
    input: () => bigPage(50 * MB),
    options: { limits: { maxInputBytes: 64 * MB, maxNodes: 10_000 } },
    error: 'TOO_MANY_NODES',
  },
  { name: '100,000 nested <div>s', input: () => nestedDivs(100_000), error: 'TOO_DEEP' },
  {
    name: '900 nested <div>s (under the depth limit)',
    input: () => nestedDivs(900),
    article: (a) => expect(a.body).toBe(sentence(0)),
  },
  {
    name: '1 MB single line of text',
    input: () => `${sentence(0)} `.repeat(Math.ceil(MB / (sentence(0).length + 1))),
    article: (a) => {
      expect(a.mode).toBe('text')
      expect(a.paragraphs.length + a.removed.length).toBe(1)
    },
  },
  {
    name: '1 MB of one word',
    input: () => 'a'.repeat(MB),
    article: (a) => expect(a.paragraphs.length + a.removed.length).toBe(1),
  },
  {
    name: '1 MB of one word in a paragraph',
    input: () => `<html><body><p>${'a'.repeat(MB)}</p></body></html>`,
    article: (a) => expect(a.mode).toBe('html'),
  },
  {
    name: 'a page that is all links',
    input: allLinks,
    article: (a) => expect(a.mode).toBe('html'),
  },
  {
    name: 'a page with only a <script>',
    input: () => '<!doctype html><html><head><title></title></head><body><script>document.write("<p>" + "injected ".repeat(50) + "</p>"); while (true) {}</script></body></html>',
    article: (a) => {
      expectEmpty(a)
      expect(JSON.stringify(a)).not.toContain('injected')
    },
  },
  { name: 'entity bomb: &amp; × 10^6', input: () => entityBomb(1_000_000), error: 'TOO_MANY_NODES' },
  {
    name: 'entity bomb under the node limit: &amp; × 10^4',
    input: () => entityBomb(10_000),
    article: (a) => expect(a.wordCount).toBe(0),
  },
  {
    name: 'unclosed tags everywhere',
    input: () =>
      // Everything but <title>, whose text runs to its end tag in every parser.
      '<html><head><title>Unclosed</title>' +
      '<body><div class=main><h1>Council agrees new school budget' +
      Array.from({ length: 8 }, (_, i) => `<p><b>${sentence(i)}<i> More of paragraph ${i}.`).join('') +
      '<ul><li>first point<li>second point<table><tr><td>cell<td>cell' +
      '<p>The council will meet again in May to review the plan and the cost of the new roofs.',
    article: (a) => {
      expect(a.mode).toBe('html')
      expect(fold(a.body)).toContain('agreed a new budget')
    },
  },
  {
    name: 'a frameset',
    input: () =>
      '<!doctype html><html><head><title>Framed site</title></head><frameset cols="30%,70%"><frame src="menu.html"><frame src="http://example.com/main.html">' +
      '<noframes><body><p>Your browser does not support frames.</p></body></noframes></frameset></html>',
    article: (a) => {
      expectEmpty(a)
      expect(a.title).toBe('Framed site')
    },
  },
  {
    name: 'an SVG/XML document',
    input: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' +
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Logo</title><script>alert(1)</script><text x="1" y="5">Chart label</text><circle r="4"/></svg>',
    article: (a) => expect(JSON.stringify(a)).not.toContain('alert'),
  },
  {
    name: 'a page in a right-to-left language',
    input: () =>
      '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اجتماع المجلس البلدي</title></head><body><article><h1>اجتماع المجلس البلدي</h1>' +
      Array.from({ length: 6 }, (_, i) => `<p>عقد المجلس البلدي اجتماعه الأسبوعي يوم الثلاثاء لمناقشة ميزانية المدارس الجديدة، ووافق الأعضاء على زيادة التمويل المخصص للتعليم في المدينة خلال العام المقبل (${i + 1}).</p>`).join('') +
      '</article></body></html>',
    article: (a) => {
      expect(a.lang).toBe('ar')
      expect(a.paragraphs.length).toBe(6)
      expect(a.paragraphs[0]).toMatch(/^عقد المجلس البلدي/)
    },
  },
  // The other limits, each crossed on purpose.
  { name: 'more blocks than maxBlocks', input: () => articlePage(30), options: { limits: { maxBlocks: 10 } }, error: 'TOO_MANY_BLOCKS' },
  { name: 'more text lines than maxBlocks', input: () => Array.from({ length: 30 }, (_, i) => sentence(i)).join('\n'), options: { limits: { maxBlocks: 10 } }, error: 'TOO_MANY_BLOCKS' },
  { name: 'a time budget too small for the page', input: () => bigPage(MB), options: { limits: { timeBudgetMs: 1 } }, error: 'TIMEOUT' },
  { name: 'a limit that is not a positive number', input: () => 'text', options: { limits: { maxNodes: -1 } }, error: 'BAD_INPUT' },
  { name: 'an unknown charset option', input: () => utf8('text'), options: { charset: 'no-such-charset' }, error: 'UNSUPPORTED_CHARSET' },
  { name: 'input that is neither a string nor bytes', input: () => ({ html: '<p>x</p>' }) as unknown as string, error: 'BAD_INPUT' },
]

describe('bad-input matrix', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const input = c.input()
      if (c.error) {
        let thrown: unknown
        try {
          extract(input, c.options)
        } catch (error) {
          thrown = error
        }
        expect(thrown).toBeInstanceOf(DecantError)
        expect((thrown as DecantError).code).toBe(c.error)
        expect((thrown as DecantError).message).not.toBe('')
        return
      }
      const article = extract(input, c.options)
      expectValidArticle(article)
      c.article?.(article)
    })
  }
})

describe('work bounds', () => {
  const wrapped = (depth: number) => articlePage(20).replace('<article>', `<article>${'<div>'.repeat(depth)}`).replace('</article>', `${'</div>'.repeat(depth)}</article>`)

  it('asks Readability for a second opinion on an ordinary page', () => {
    expect(readabilityCandidate(wrapped(10), undefined, settings.limits)).not.toBeNull()
  })

  it('does not ask it on a page nested deeper than settings.candidate.maxDepth', () => {
    expect(readabilityCandidate(wrapped(settings.candidate.maxDepth + 1), undefined, settings.limits)).toBeNull()
    // The HTML stage hands over the document it parsed: the bound must hold for that too.
    expect(readabilityCandidate(parseHtml(wrapped(settings.candidate.maxDepth + 1), settings.limits), undefined, settings.limits)).toBeNull()
    expect(readabilityCandidate(parseHtml(wrapped(10), settings.limits), undefined, settings.limits)).not.toBeNull()
    expect(extract(wrapped(settings.candidate.maxDepth + 1)).paragraphs.length).toBeGreaterThanOrEqual(19)
  })

  it('counts text runs and comments as nodes, as the DOM that linkedom builds has them', () => {
    const page = `<p>${'a &amp; b <!-- c --> '.repeat(100)}</p>`
    expect(() => extract(page, { limits: { maxNodes: 300 } })).toThrow(expect.objectContaining({ code: 'TOO_MANY_NODES' }))
    expect(extract(page, { limits: { maxNodes: 600 } }).mode).toBe('html')
  })
})

describe('extraction on degenerate pages (for the selection logic)', () => {
  // With no prose on the page, select.ts's fallback keeps the longest block that no cue
  // marks; a block that is all links is marked, so nothing is left.
  it('a page that is all links has no body', () => {
    expect(extract(allLinks()).wordCount).toBe(0)
  })
})
