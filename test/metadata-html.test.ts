/**
 * One folder per rule, one test that walks them (as Readability's test-pages):
 * test/fixtures/metadata-html/<case>/ holds `page.html`, optionally
 * `options.json` (`{ "url": "…" }`, the page's address), and `expected.json`
 * with only the fields the case is about:
 *
 * - `title`, `byline`, `source`, `published`, `listedDate`, `description`, `lang`, `url`: exact (null means null)
 * - `siteNames`: names that must be among `siteNames` (others may be too)
 *
 * Every case runs on both DOMs decant meets: linkedom (the default path)
 * and jsdom (Readability's). Adding a case needs no code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { dateFromUrl, parseDate, slashOrderFor } from '../src/metadata/dates.js'
import { type HtmlMetadata, normaliseLang, readHtmlMetadata, splitSiteAffix } from '../src/metadata/html.js'
import { cleanByline, splitNames } from '../src/metadata/names.js'

type Expected = Partial<HtmlMetadata>

const root = join(import.meta.dirname, 'fixtures', 'metadata-html')
const FIELDS = ['title', 'byline', 'source', 'published', 'listedDate', 'description', 'lang', 'url'] as const

const parsers: Record<string, (html: string) => Document> = {
  linkedom: (html) => parseHTML(html).document as unknown as Document,
  jsdom: (html) => new JSDOM(html).window.document,
}

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name)
  const html = readFileSync(join(dir, 'page.html'), 'utf8')
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  const options = existsSync(join(dir, 'options.json'))
    ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { url?: string })
    : {}

  describe(name, () => {
    for (const [parser, parse] of Object.entries(parsers)) {
      const meta = readHtmlMetadata(parse(html), options.url)
      for (const field of FIELDS) {
        if (!(field in expected)) continue
        it(`${parser}: ${field}`, () => {
          expect(meta[field]).toBe(expected[field])
        })
      }
      if (expected.siteNames) {
        it(`${parser}: siteNames`, () => {
          expect(meta.siteNames).toEqual(expect.arrayContaining(expected.siteNames!))
        })
      }
    }
  })
}

describe('readHtmlMetadata on an empty page', () => {
  it('gives nulls, not undefined, and never throws', () => {
    const meta = readHtmlMetadata(parseHTML('<html><body></body></html>').document as unknown as Document)
    expect(meta).toEqual({
      title: null,
      byline: null,
      source: null,
      published: null,
      listedDate: null,
      description: null,
      lang: null,
      url: null,
      siteNames: [],
    })
  })
})

describe('parseDate', () => {
  it.each([
    ['2024-05-17', '2024-05-17'],
    ['2024-05-17T10:00:00', '2024-05-17'],
    // With an offset the date-time is kept as written: the day is the page's, not UTC's.
    ['2024-05-17T23:30:00-05:00', '2024-05-17T23:30:00-05:00'],
    ['2024-05-17T10:00:00.000Z', '2024-05-17T10:00:00Z'],
    ['2024-05-17 10:00:00+0200', '2024-05-17T10:00:00+02:00'],
    ['Fri, 17 May 2024 10:00:00 +0000', '2024-05-17T10:00:00+00:00'],
    ['Fri, 17 May 2024 10:00:00 GMT', '2024-05-17T10:00:00Z'],
    ['May 17, 2024', '2024-05-17'],
    ['Published May 17th, 2024 at 9:00 AM', '2024-05-17'],
    ['Sept. 3, 2021', '2021-09-03'],
    ['17 May 2024', '2024-05-17'],
    ['17th of May, 2024', '2024-05-17'],
    ['Mittwoch, 17. Mai 2024', '2024-05-17'],
    ['17. März 2024', '2024-03-17'],
    ['1er mars 2024', '2024-03-01'],
    ['17 de mayo de 2024', '2024-05-17'],
    ['17 maggio 2024', '2024-05-17'],
    ['17 de maio de 2024', '2024-05-17'],
    ['17-May-2024', '2024-05-17'],
    ['29 / Dezember / 2022', '2022-12-29'],
    ['17 mei 2024', '2024-05-17'],
    ['17.05.2024', '2024-05-17'],
    ['05.17.2024 07:00 AM', '2024-05-17'],
    ['miércoles, 4 de mayo de 202207:59 hs', '2022-05-04'],
    ['Stand: 17.05.24', '2024-05-17'],
    ['2024/05/17', '2024-05-17'],
    ['05/17/2024', '2024-05-17'],
    ['17/05/2024', '2024-05-17'],
    ['20240517', '2024-05-17'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso)
  })
  it('reads an ambiguous slash date as the page convention says', () => {
    expect(parseDate('05/06/2024')).toBe('2024-05-06')
    expect(parseDate('05/06/2024', { slashOrder: 'dmy' })).toBe('2024-06-05')
  })
  it.each(['', 'May 2024', '2024', 'Published 3 hours ago', '2024-02-30', '31.04.2024', '1875-01-01', 'Call 555-1234', 'Score 3/4/5'])(
    'no day in %j',
    (text) => {
      expect(parseDate(text)).toBeNull()
    },
  )
})

describe('dateFromUrl', () => {
  it('reads /YYYY/MM/DD/ and /YYYY-MM-DD- paths', () => {
    expect(dateFromUrl('https://example.org/2024/05/17/story')).toBe('2024-05-17')
    expect(dateFromUrl('https://example.org/news/2024-05-17-story')).toBe('2024-05-17')
    expect(dateFromUrl('https://example.org/20240517/story')).toBe('2024-05-17')
  })
  it('does not take a month or an id for a day', () => {
    expect(dateFromUrl('https://example.org/2024/05/story')).toBeNull()
    expect(dateFromUrl('https://example.org/story/123456789')).toBeNull()
    expect(dateFromUrl('https://example.org/v1-2-2024/story')).toBeNull()
  })
  it('reads a day and month before the year in the page\'s order, or as only they can be', () => {
    expect(dateFromUrl('https://example.org/meldungen/17-11-2023', 'dmy')).toBe('2023-11-17')
    expect(dateFromUrl('https://example.org/meldungen/17-11-2023', 'mdy')).toBe('2023-11-17')
    expect(dateFromUrl('https://example.org/news/05-03-2022-ferry', 'dmy')).toBe('2022-03-05')
    expect(dateFromUrl('https://example.org/news/05-03-2022-ferry', 'mdy')).toBe('2022-05-03')
  })
})

describe('cleanByline', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by Jane Doe, Staff Writer', 'Jane Doe'],
    ['By JANE DOE, Senior Markets Correspondent | May 17, 2024', 'JANE DOE'],
    ['Jane Doe - Correspondent', 'Jane Doe'],
    ['Von Lena Fischer und Jonas Weber', 'Lena Fischer und Jonas Weber'],
    ['Par Marie Dupont le 17 mai 2024 à 10h', 'Marie Dupont'],
    ['Por Ana Souza', 'Ana Souza'],
    ['Door Pieter de Vries', 'Pieter de Vries'],
    ['di Mario Rossi', 'Mario Rossi'],
    ['Di Maria Lopez', 'Di Maria Lopez'],
    ['Alexa von Heyden', 'Alexa von Heyden'],
    ['Written by Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['Maria Lopez, Tom Brennan', 'Maria Lopez, Tom Brennan'],
    ['E. BARRENECHE / J. I. DA SILVA', 'E. BARRENECHE / J. I. DA SILVA'],
    ['By Jane Doe and 3 others', 'Jane Doe'],
    ['Jane Doe jane.doe@example.com', 'Jane Doe'],
    ['Jane Doe (AP)', 'Jane Doe'],
    ['Text: Max Muster, Fotos: Eva Bild', 'Max Muster'],
    ['Jane Doe 3 min read', 'Jane Doe'],
    ['Jane Doe is a reporter covering science.', 'Jane Doe'],
    ['Beitrag von jane23', 'jane23'],
    ['Opinion By Jane Doe', 'Jane Doe'],
    ['Jane Doe Published', 'Jane Doe'],
    ['By Jane Doe Last updated May 8, 2024', 'Jane Doe'],
    ['Jane Doe Lesezeit', 'Jane Doe'],
    ['Von Jane Doe Kategorien: Reisen 6. November 2023', 'Jane Doe'],
    ['Jane Doe Ein Kommentar', 'Jane Doe'],
    ['Jane Doe / Kategorien: Reisen, Garten', 'Jane Doe'],
    ['Jane DoeStaff Writer', 'Jane Doe'],
    ['Themenstarter jane23', 'jane23'],
    ['Jane McDonald', 'Jane McDonald'],
  ])('%j → %j', (text, names) => {
    expect(cleanByline(text)).toBe(names)
  })
  it.each([
    'https://www.facebook.com/janedoe',
    'www.example.com/authors/jdoe',
    'Posted by admin on Friday, May 17, 2024',
    'Photo by Jane Doe',
    'Leave a comment',
    'Published',
    '',
  ])('no byline in %j', (text) => {
    expect(cleanByline(text)).toBeNull()
  })
  it('drops a site name', () => {
    expect(cleanByline('Harbour Gazette', ['Harbour Gazette'])).toBeNull()
    expect(cleanByline('By Jane Doe, Harbour Gazette', ['Harbour Gazette'])).toBe('Jane Doe')
  })
  it('splits names for comparison', () => {
    expect(splitNames('Jane Doe, John Roe and Ann Poe')).toEqual(['Jane Doe', 'John Roe', 'Ann Poe'])
  })
})

describe('splitSiteAffix', () => {
  it('cuts a known site name at either end', () => {
    expect(splitSiteAffix('Ferry service resumes | Harbour Gazette', ['Harbour Gazette'], [])).toEqual({
      title: 'Ferry service resumes',
      affix: 'Harbour Gazette',
    })
    expect(splitSiteAffix('Harbour Gazette - Ferry service resumes', ['Harbour Gazette'], []).title).toBe('Ferry service resumes')
  })
  it('cuts the host written out', () => {
    expect(splitSiteAffix('Ferry service resumes – HarbourGazette.com', [], ['harbourgazette']).title).toBe('Ferry service resumes')
  })
  it('keeps a headline with a dash when nothing says the tail is a site', () => {
    expect(splitSiteAffix('Covid-19 vaccines - what the new data says', [], []).title).toBe('Covid-19 vaccines - what the new data says')
  })
  it('lets another title decide where the headline ends', () => {
    const other = ['Covid-19 vaccines - what the new data says']
    expect(splitSiteAffix('Covid-19 vaccines - what the new data says - Health Desk', [], [], other)).toEqual({
      title: 'Covid-19 vaccines - what the new data says',
      affix: 'Health Desk',
    })
  })
  it('keeps a colon headline', () => {
    expect(splitSiteAffix('Firmenwagen: Leasen oder Finanzieren?', [], []).title).toBe('Firmenwagen: Leasen oder Finanzieren?')
  })
})

describe('normaliseLang and slashOrderFor', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en-US'],
    ['en_us', 'en-US'],
    ['EN-gb', 'en-GB'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['de-DE, en', 'de-DE'],
    ['es-419', 'es-419'],
  ])('%s → %s', (raw, lang) => {
    expect(normaliseLang(raw)).toBe(lang)
  })
  it.each(['', 'x', '12', 'english language'])('not a tag: %j', (raw) => {
    expect(normaliseLang(raw)).toBeNull()
  })
  it('reads slash dates month first only for US English', () => {
    expect(slashOrderFor('en-US', null)).toBe('mdy')
    expect(slashOrderFor('en-GB', null)).toBe('dmy')
    expect(slashOrderFor('en', 'https://www.example.co.uk/a')).toBe('dmy')
    expect(slashOrderFor('pt-BR', null)).toBe('dmy')
  })
})
