import { type ParseDateOptions, dateFromUrl, findDate, isMonthName, parseDate, slashOrderFor } from './dates.js'
import { type ElementIndex, indexElements } from './elements.js'
import { WEEKDAY, cleanByline, isUrlLike, looksLikeSiteName, nameKey, splitNames, wordCount } from './names.js'

/**
 * Metadata from a parsed page's markup: JSON-LD, OpenGraph / Twitter /
 * Dublin Core / citation / Parse.ly / Sailthru meta, microdata, `rel=author`,
 * `<time>`, byline elements, `<h1>` and `<title>`, and the URL as a last
 * resort for the date, in the spirit of trafilatura's metadata.py and
 * htmldate, Readability's `_getArticleMetadata` and defuddle.
 *
 * - title: the heading the page's other titles (og:title, JSON-LD, `<title>`)
 *   confirm best; else the structured title, else `<title>`, without the site affix.
 * - byline: structured authors (JSON-LD, meta) when the page prints them,
 *   else byline/author elements near the headline, else a "By …" line.
 * - published: meta and JSON-LD, then what the page prints near the
 *   headline (`<time>`, dateline), then the URL; a UTC time stamp gives way
 *   to a local date one day off. Last, `listedDate`: the date beside this
 *   page's own link in a list of stories.
 *
 * The document is only read, never changed. Works on linkedom and jsdom documents.
 */

export interface HtmlMetadata {
  /** Reconciled headline, without site suffix. */
  title: string | null
  /** Author names as printed, no "By", no dates or roles; several joined as printed or with ", ". */
  byline: string | null
  /** Publisher / site name. */
  source: string | null
  /** ISO 8601 date (YYYY-MM-DD) or date-time with its own offset. */
  published: string | null
  /** The date a list of stories prints beside its link to this page: the last resort, after what the text prints. */
  listedDate: string | null
  description: string | null
  /** BCP 47, normalised ("en_US" → "en-US"). */
  lang: string | null
  /** Canonical address, resolved against the page's. */
  url: string | null
  /** Every site-name string seen: used downstream to strip "… | Site" and to recognise the masthead. */
  siteNames: string[]
}

type LdNode = Record<string, unknown>

// ---------------------------------------------------------------- helpers

/** Folds whitespace and drops invisible characters (soft hyphens, zero-width spaces) that break comparisons. */
function fold(text: string | null | undefined): string {
  // Most text between tags is indentation.
  if (!text || !/\S/.test(text)) return ''
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim()
}

/** Elements whose text a reader never sees. */
const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object'])
/** Inline elements: text on both sides of their edges runs on without a space. */
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'])

/** Labels printed for screen readers only ("Headline:", "Posted by"), hidden from the page's readers. */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-?hidden|screen-?reader-?(?:text|only)|element-invisible|a11y-hidden)(?:\s|$)/i

function isScreenReaderOnly(el: Element): boolean {
  const cls = el.getAttribute('class')
  return cls !== null && SCREEN_READER_ONLY.test(cls)
}

/**
 * The text a reader sees in an element: no script or style content, and a
 * space at block edges and `<br>` (`textContent` glues "By" to the name in
 * `<p>By</p><p>Jane</p>`). With `spaced`, inline edges get a space too,
 * for bylines whose parts sit in separate spans.
 */
function textOf(el: Element, spaced = false): string {
  const parts: string[] = []
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '')
      } else if (child.nodeType === 1) {
        const tag = (child as Element).localName.toLowerCase()
        if (HIDDEN_TAGS.has(tag) || isScreenReaderOnly(child as Element)) continue
        if (tag === 'br') {
          parts.push(' ')
          continue
        }
        const edge = spaced || !INLINE_TAGS.has(tag) ? ' ' : ''
        parts.push(edge)
        walk(child)
        parts.push(edge)
      }
    }
  }
  walk(el)
  return fold(parts.join(''))
}

/** Comparison key for titles: lower case, letters and digits only. */
function titleKey(text: string): string {
  return nameKey(text)
}

function unique(values: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const v of values) {
    const k = v.toLowerCase()
    if (!v || seen.has(k)) continue
    seen.add(k)
    out.push(v)
  }
  return out
}

/** Lower-cased class, id, role and itemprop of an element. */
function hintsOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''} ${el.getAttribute('itemprop') ?? ''}`.toLowerCase()
}

/**
 * Words of class/id/role names that mark containers whose dates and names
 * belong to other stories or to readers: teaser lists, related boxes,
 * comments, sidebars, navigation, footers. Matched as whole words of the
 * name ("node-promoted" is not "promo"; "commentList" is "comment").
 */
const ELSEWHERE_WORDS = new Set([
  'comment', 'comments', 'related', 'teaser', 'teasers', 'recommend', 'recommended', 'recommendations', 'sidebar', 'widget', 'widgets',
  'popular', 'mostpopular', 'trending', 'mostread', 'morestories', 'morenews', 'readmore', 'promo', 'promos', 'newsletter', 'footer',
  'breadcrumb', 'breadcrumbs', 'nav', 'navigation', 'navbar', 'menu', 'carousel', 'slider', 'rail', 'card', 'cards', 'listing', 'river',
  'reply', 'replies', 'responses', 'outbrain', 'taboola',
])
const ELSEWHERE_TAGS = new Set(['aside', 'nav', 'footer', 'form'])

/** The words of an element's class, id and role ("c-teaserList__item" → c, teaser, list, item). */
function hintWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/**
 * The place for other stories an element marks, by its tag or the words of
 * its class and id: `sidebar` when that is its only mark (a layout may be
 * named after its sidebar), `other` for any other mark, null for none.
 */
function elsewhereMark(el: Element): 'sidebar' | 'other' | null {
  if (ELSEWHERE_TAGS.has(el.localName.toLowerCase())) return 'other'
  const words = hintWords(el)
  let mark: 'sidebar' | null = null
  for (let i = 0; i < words.length; i++) {
    const word = ELSEWHERE_WORDS.has(words[i]!) ? words[i]! : words[i]! + (words[i + 1] ?? '')
    if (!ELSEWHERE_WORDS.has(word)) continue
    if (word !== 'sidebar') return 'other'
    mark = 'sidebar'
  }
  return mark
}

/**
 * Is the element inside a container that holds other stories or readers'
 * words? A container that also holds the headline is the article's own;
 * so is a marked element that sits beside the headline and holds no
 * headings itself (a "teaser-meta" dateline or "teaser-text" dek under the
 * h1, an article `<footer>` with the byline), and so is the page's layout.
 */
function isElsewhere(el: Element, headline: Element | null, index: TextIndex): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.localName.toLowerCase()
    if (tag === 'body' || tag === 'html') return false
    if (headline && node.contains(headline)) return false
    const mark = elsewhereMark(node)
    if (!mark || isLayout(node, mark, index)) continue
    const parent = node.parentElement
    if (headline && parent && parent.contains(headline) && tag !== 'aside' && tag !== 'nav' && !node.querySelector('h1, h2, h3, h4')) continue
    // A footer nested deeper in the headline's own container (Blogger's
    // "post-footer-line" inside "post-footer") is the article's footer too.
    if (headline && isFooterMark(node) && !node.querySelector('h1, h2, h3, h4') && insideContainerOf(node, headline)) continue
    return true
  }
  return false
}

/**
 * A wrapper just under `<body>` that holds most of the page's text is the
 * page's layout, whatever its class says: "has-sidebar" and
 * "layoutMainWithSidebar" name the layout's parts, they are not one.
 */
function isLayout(el: Element, mark: 'sidebar' | 'other', index: TextIndex): boolean {
  // A box named only for a sidebar that holds most of the text is the layout
  // around one ("page-with-sidebar", "sidebar-layout__primary"), at any depth; other names
  // need the wrapper near <body>, since a comment thread can outgrow the article.
  if (mark !== 'sidebar' && !nearBody(el, LAYOUT_MAX_DEPTH)) return false
  const span = index.span.get(el)
  const total = index.ends[index.ends.length - 1] ?? 0
  return !!span && total > 0 && charsOfRuns(index, span[0], span[1]) >= LAYOUT_MIN_SHARE * total
}

/** Layout wrappers sit this close under `<body>`: a comment thread that outgrows the article sits deeper. */
const LAYOUT_MAX_DEPTH = 2
const LAYOUT_MIN_SHARE = 0.5

/** Is `el` at most `maxDepth` elements under `<body>` (1: a child of `<body>`)? Walks no further up than that. */
function nearBody(el: Element, maxDepth: number): boolean {
  let node = el.parentElement
  for (let depth = 1; node && depth <= maxDepth; depth++, node = node.parentElement) {
    const tag = node.localName.toLowerCase()
    if (tag === 'body' || tag === 'html') return true
  }
  return false
}

function isFooterMark(el: Element): boolean {
  return el.localName.toLowerCase() === 'footer' || hintWords(el).includes('footer')
}

/** Does an ancestor of `el` below `<body>` hold the headline? */
function insideContainerOf(el: Element, headline: Element): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const tag = node.localName.toLowerCase()
    if (tag === 'body' || tag === 'html') return false
    if (node.contains(headline)) return true
  }
  return false
}

/**
 * The page's visible text as a sequence of runs in document order, with
 * each element's span of runs, so that "the text after the headline" and
 * "is this name printed on the page" are cheap questions.
 */
interface TextIndex {
  runs: { text: string; el: Element }[]
  /** Characters in runs[0..i], for the text length of a span of runs. */
  ends: number[]
  span: Map<Element, [number, number]>
  /** All visible text, lower-cased and folded. */
  all: string
}

function indexText(doc: Document): TextIndex {
  const runs: { text: string; el: Element }[] = []
  const span = new Map<Element, [number, number]>()
  const walk = (el: Element): void => {
    const start = runs.length
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = fold(child.nodeValue)
        if (text) runs.push({ text, el })
      } else if (child.nodeType === 1) {
        const tag = (child as Element).localName.toLowerCase()
        if (HIDDEN_TAGS.has(tag)) continue
        walk(child as Element)
      }
    }
    span.set(el, [start, runs.length])
  }
  const body = doc.body ?? doc.documentElement
  if (body) walk(body)
  const ends: number[] = []
  let chars = 0
  for (const run of runs) ends.push((chars += run.text.length))
  return { runs, ends, span, all: runs.map((r) => r.text).join(' ').toLowerCase() }
}

/** Characters of runs[from..to). */
function charsOfRuns(index: TextIndex, from: number, to: number): number {
  const end = Math.min(to, index.runs.length)
  if (end <= from) return 0
  return index.ends[end - 1]! - (from > 0 ? index.ends[from - 1]! : 0)
}

// ---------------------------------------------------------------- meta tags

/** `<meta>` values by lower-cased property / name / itemprop / http-equiv, in document order. */
function readMeta(elements: ElementIndex): Map<string, string[]> {
  const meta = new Map<string, string[]>()
  for (const el of elements.byTag('meta')) {
    const content = fold(el.getAttribute('content') ?? el.getAttribute('value'))
    if (!content) continue
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const keys = el.getAttribute(attr)
      if (!keys) continue
      for (const key of keys.toLowerCase().split(/\s+/)) {
        if (!key) continue
        const list = meta.get(key) ?? []
        list.push(content)
        meta.set(key, list)
      }
    }
  }
  return meta
}

function metaFirst(meta: Map<string, string[]>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key)?.[0]
    if (value) return value
  }
  return null
}

// The keys below follow trafilatura's metadata.py and htmldate's lists, trimmed to those seen in the wild.
const META_TITLE = ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'citation_title', 'parsely-title', 'sailthru.title', 'headline', 'title']
const META_AUTHOR = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author', 'authors']
const META_SITE = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'dc.publisher', 'dcterms.publisher', 'publisher', 'citation_journal_title']
/** Site keys that also name people: Dublin Core's publisher is often the author. */
const WEAK_SITE_KEYS = new Set(['dc.publisher', 'dcterms.publisher', 'publisher'])
const META_DESCRIPTION = ['og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.description', 'dcterms.abstract', 'sailthru.description']
const META_PUBLISHED = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'dc.date.issued',
  'dcterms.issued',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'published-date',
  'article.published',
  'article_date_original',
  'originalpublicationdate',
  'date_published',
  'og:published_time',
  'release_date',
]
/**
 * The publication-date keys that apply to this page. Open Graph's `article:`
 * properties belong to `og:type` article: a page that calls itself a
 * website or a product has no article to date, whatever they say.
 */
function publishedKeys(meta: Map<string, string[]>): readonly string[] {
  const type = metaFirst(meta, ['og:type'])
  if (!type || /article|blog|news|post/i.test(type)) return META_PUBLISHED
  return META_PUBLISHED.filter((key) => !/^(?:og|article):/.test(key))
}

/**
 * Generic date keys: many CMSs fill them with the last change or the day
 * the page was rendered, so a date printed with the article outranks them.
 */
const META_DATE_WEAK = ['date', 'dc.date', 'dcterms.date', 'dc:date', 'datecreated', 'created', 'dc.date.created', 'dcterms.created']
const META_LANG = ['content-language', 'og:locale', 'dc.language', 'dcterms.language', 'language', 'inlanguage']

// ---------------------------------------------------------------- JSON-LD

/** Tolerant JSON parse: CDATA wrappers, HTML comments, raw control characters and trailing commas are common. */
function parseJson(source: string): unknown {
  const text = source
    .replace(/^\s*(?:<!--|<!\[CDATA\[|\/\/\s*<!\[CDATA\[)/, '')
    .replace(/(?:-->|\]\]>|\/\/\s*\]\]>)\s*$/, '')
    .trim()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    // Raw newlines and tabs inside strings are the usual breakage; outside
    // strings they are whitespace either way, so turning them into spaces is safe.
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'))
    } catch {
      return undefined
    }
  }
}

/** Every object node of the page's JSON-LD, flattened (arrays, `@graph`, nested values). */
function readJsonLd(elements: ElementIndex): LdNode[] {
  const nodes: LdNode[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    const node = value as LdNode
    nodes.push(node)
    for (const [key, child] of Object.entries(node)) {
      // Children are visited so that a NewsArticle under mainEntity or @graph is found;
      // authors and publishers are reached through their parent instead.
      if (key === '@graph' || key === 'mainEntity' || key === 'mainEntityOfPage' || key === 'hasPart' || key === 'itemListElement') {
        visit(child, depth + 1)
      }
    }
  }
  for (const script of elements.byTag('script')) {
    const type = (script.getAttribute('type') ?? '').toLowerCase()
    if (!type.includes('ld+json')) continue
    visit(parseJson(script.textContent ?? ''), 0)
  }
  return nodes
}

function ldTypes(node: LdNode): string[] {
  const t = node['@type']
  const list = Array.isArray(t) ? t : [t]
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, '').toLowerCase())
}

/** schema.org types of the article itself: Article and its subtypes, postings, reports, reviews, recipes. */
const ARTICLE_TYPE = /(?:article|posting|^report$|^review$|^recipe$|^blog$|^creativework$|^howto$|^question$)/
const PAGE_TYPE = /page$/

function ldString(value: unknown): string | null {
  if (typeof value === 'string') return fold(value) || null
  if (Array.isArray(value)) return ldString(value[0])
  if (value && typeof value === 'object') {
    const v = (value as LdNode)['@value']
    if (typeof v === 'string') return fold(v) || null
  }
  return null
}

interface JsonLdInfo {
  title: string | null
  authors: string[]
  published: string | null
  description: string | null
  publisher: string | null
  siteNames: string[]
}

function ldName(node: unknown, byId: Map<string, LdNode>): string | null {
  if (typeof node === 'string') return fold(node) || null
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null
  let n = node as LdNode
  const id = typeof n['@id'] === 'string' ? n['@id'] : null
  if (id && !('name' in n) && byId.has(id)) n = byId.get(id)!
  const name = ldString(n.name)
  if (name) return name
  const given = ldString(n.givenName)
  const family = ldString(n.familyName)
  return fold(`${given ?? ''} ${family ?? ''}`) || null
}

function ldNames(value: unknown, byId: Map<string, LdNode>): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list.map((v) => ldName(v, byId)).filter((v): v is string => !!v)
}

/**
 * The article node is the first Article-like node; if several, the one
 * with a headline. WebPage nodes fill in the byline and publisher the
 * article node lacks, not the date.
 */
function readJsonLdInfo(nodes: LdNode[]): JsonLdInfo {
  const byId = new Map<string, LdNode>()
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node)
  const articles = nodes.filter((n) => ldTypes(n).some((t) => ARTICLE_TYPE.test(t)))
  const article = articles.find((n) => ldString(n.headline)) ?? articles[0] ?? null
  const pages = nodes.filter((n) => ldTypes(n).some((t) => PAGE_TYPE.test(t)))
  const sources = [article, ...pages].filter((n): n is LdNode => !!n)
  let authors: string[] = []
  for (const n of sources) {
    authors = ldNames(n.author ?? n.creator, byId)
    if (authors.length) break
  }
  const publisher = article ? ldName(article.publisher, byId) : null
  // A WebSite node names the site; Organization nodes may be anyone (advertisers, sponsors).
  const siteNames = nodes
    .filter((n) => ldTypes(n).includes('website'))
    .map((n) => ldString(n.name))
    .filter((v): v is string => !!v)
  const pagePublisher = pages.map((p) => ldName(p.publisher, byId)).find((v) => !!v) ?? null
  return {
    title: article ? (ldString(article.headline) ?? ldString(article.name)) : null,
    authors,
    // Only an article's date is a publication date: a WebPage node dates the page
    // itself, and a shop, an index or an about page has no publication date.
    published: article ? (ldString(article.datePublished) ?? ldString(article.dateCreated)) : null,
    description: article ? ldString(article.description) : null,
    publisher: publisher ?? pagePublisher,
    siteNames: unique([publisher, pagePublisher, ...siteNames].filter((v): v is string => !!v)),
  }
}

// ---------------------------------------------------------------- site names and title

/** The registrable-ish part of a host ("www.harbourtimes.com" → "harbourtimes"), for matching "… | HarbourTimes". */
function hostKeys(url: string | null): string[] {
  if (!url) return []
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '')
    const labels = host.split('.')
    const keys = [nameKey(host)]
    // "example.co.uk" → "example"; "blog.example.com" → "example" and "blog.example".
    const core = labels.length >= 3 && labels[labels.length - 2]!.length <= 3 ? labels[labels.length - 3] : labels[labels.length - 2]
    if (core) keys.push(nameKey(core))
    return keys.filter((k) => k.length >= 3)
  } catch {
    return []
  }
}

/** Is this title part the site's name (a known site name, or the host written out)? */
function isSitePart(part: string, siteNames: readonly string[], hosts: readonly string[]): boolean {
  const key = nameKey(part)
  if (!key) return false
  if (looksLikeSiteName(part, siteNames)) return true
  if (hosts.some((h) => key === h || (key.length >= 4 && h.startsWith(key)) || (h.length >= 4 && key.startsWith(h) && key.length - h.length <= 4))) return true
  // "Site Name – Tagline" style parts that start with a known site name.
  return siteNames.some((s) => {
    const k = nameKey(s)
    return k.length >= 4 && key.startsWith(k) && part.split(/\s+/).length <= 8
  })
}

/** Separators between a headline and a site name in `<title>` and og:title. */
const STRONG_SEPARATOR = /\s+(?:\||·|•|::|»|«|›|‹|\/\/|~)\s+/
const DASH_SEPARATOR = /\s+(?:-{1,2}|–|—)\s+/
/** Letters of the scripts written without spaces between words (Chinese, Japanese). */
const UNSPACED_LETTER = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
/**
 * Chinese and Japanese titles set the site off without spaces ("…开幕-示例网",
 * "…｜サイト名"): a hyphen, underscore or bar between two letters of those
 * scripts, or after a full-width mark that ends the headline. Dashes are not
 * separators there: "——" joins a headline's halves.
 */
const UNSPACED_MARK = '[-_|｜－]'
const UNSPACED_SEPARATOR = `(?<=[${UNSPACED_LETTER}！？。」』）])${UNSPACED_MARK}(?=[${UNSPACED_LETTER}])`
const IS_UNSPACED_SEPARATOR = new RegExp(`^${UNSPACED_MARK}$`)
const ANY_SEPARATOR = new RegExp(`(\\s+(?:\\||·|•|::|»|«|›|‹|\\/\\/|~|-{1,2}|–|—|:)\\s+|:\\s+|${UNSPACED_SEPARATOR})`, 'u')
/** The longest site name set off without spaces, in characters ("示例网", "示例新闻网", "サイト名"). */
const MAX_UNSPACED_AFFIX_CHARS = 8

interface Split {
  title: string
  affix: string | null
}

/** A title split at its separators: the texts and the separators between them. */
function splitParts(title: string): { texts: string[]; seps: string[] } {
  const parts = fold(title).split(ANY_SEPARATOR)
  const texts: string[] = []
  const seps: string[] = []
  parts.forEach((p, i) => (i % 2 === 0 ? texts.push(p.trim()) : seps.push(p)))
  return { texts, seps }
}

function joinParts(texts: string[], seps: string[], from: number, to: number): string {
  let out = texts[from] ?? ''
  for (let i = from + 1; i < to; i++) out += seps[i - 1]! + texts[i]!
  return out.trim()
}

/**
 * Strips a site name before or after the headline. Cut when the other part
 * matches a site name or the host; else, for pipe-like separators, cut the
 * shorter end part; for dashes only a short end part (a name, not a clause);
 * colons only with site-name evidence. `agree` holds other titles (h1,
 * og:title): when one of them is exactly a head or tail of this title, it
 * wins, so a headline that contains a dash is never cut inside.
 */
export function splitSiteAffix(raw: string, siteNames: readonly string[], hosts: readonly string[], agree: readonly string[] = []): Split {
  const title = fold(raw)
  const { texts, seps } = splitParts(title)
  if (texts.length < 2) return { title, affix: null }

  // 1. Another source gives exactly a head or a tail of this title. Of several
  // parts left, one that names the site is the affix ("Headline | Section | Site").
  const agreeKeys = new Set(agree.map(titleKey).filter(Boolean))
  const siteAmong = (parts: string[]): string | undefined => parts.find((part) => isSitePart(part, siteNames, hosts))
  for (let n = texts.length - 1; n >= 1; n--) {
    const head = joinParts(texts, seps, 0, n)
    if (agreeKeys.has(titleKey(head))) return { title: head, affix: siteAmong(texts.slice(n).reverse()) ?? joinParts(texts, seps, n, texts.length) }
    const tail = joinParts(texts, seps, texts.length - n, texts.length)
    if (agreeKeys.has(titleKey(tail))) return { title: tail, affix: siteAmong(texts.slice(0, texts.length - n)) ?? joinParts(texts, seps, 0, texts.length - n) }
  }
  // … or a middle run, between the site and a section ("Site - Headline - Section - News").
  for (let from = 1; from < texts.length - 1; from++) {
    for (let to = texts.length - 1; to > from; to--) {
      const middle = joinParts(texts, seps, from, to)
      if (agreeKeys.has(titleKey(middle))) return { title: middle, affix: siteAmong([...texts.slice(0, from), ...texts.slice(to)]) ?? texts[0]! }
    }
  }

  // 2. A known site name at either end (possibly several parts: "Section | Site").
  const last = texts[texts.length - 1]!
  const first = texts[0]!
  // A site name with a separator of its own ("Dance figures - Salsa by the Harbour", the logo's text) is several parts.
  for (let n = 1; n < texts.length - 1; n++) {
    const tail = joinParts(texts, seps, n, texts.length)
    if (looksLikeSiteName(tail, siteNames)) return { title: joinParts(texts, seps, 0, n), affix: tail }
  }
  if (isSitePart(last, siteNames, hosts)) {
    let end = texts.length - 1
    // "Headline - Section - Site": also drop a short section label before the site.
    while (end > 1 && wordCount(texts[end - 1]!) <= 2 && STRONG_SEPARATOR.test(seps[end - 1]!)) end--
    return { title: joinParts(texts, seps, 0, end), affix: last }
  }
  if (isSitePart(first, siteNames, hosts)) {
    let from = 1
    while (from < texts.length - 1 && wordCount(texts[from]!) <= 2 && STRONG_SEPARATOR.test(seps[from]!)) from++
    return { title: joinParts(texts, seps, from, texts.length), affix: first }
  }

  // 3. Without site evidence: pipe-like separators almost always set off the site.
  const lastSep = seps[seps.length - 1]!
  const firstSep = seps[0]!
  const rest = joinParts(texts, seps, 0, texts.length - 1)
  if (STRONG_SEPARATOR.test(lastSep) && wordCount(last) <= wordCount(rest) && wordCount(last) <= 6) {
    return { title: rest, affix: last }
  }
  if (STRONG_SEPARATOR.test(firstSep) && wordCount(first) < wordCount(joinParts(texts, seps, 1, texts.length)) && wordCount(first) <= 4) {
    return { title: joinParts(texts, seps, 1, texts.length), affix: first }
  }
  // 3b. The same without spaces: a short tail, a name, after a headline at least twice its length.
  const chars = (text: string) => [...text].length
  if (IS_UNSPACED_SEPARATOR.test(lastSep) && chars(last) <= MAX_UNSPACED_AFFIX_CHARS && chars(rest) >= 2 * chars(last)) {
    return { title: rest, affix: last }
  }
  // 4. Dashes: only a short, name-like tail ("… - Example News").
  if (DASH_SEPARATOR.test(lastSep) && wordCount(last) <= 3 && wordCount(rest) >= 3 && /^\p{Lu}|^\p{N}|\.\w{2,}$/u.test(last)) {
    return { title: rest, affix: last }
  }
  return { title, affix: null }
}

/** The page's `<title>`, ignoring SVG titles in the body. */
function titleTag(elements: ElementIndex): string | null {
  for (const el of elements.byTag('title')) {
    if (el.closest('svg')) continue
    const t = fold(el.textContent)
    if (t) return t
  }
  return null
}

/** A heading that prints the site's name: a logo h1 linking to the home page, or marked as the site title. */
function isLogoHeading(h: Element, hosts: readonly string[]): boolean {
  if (/logo|site-?(?:title|name)|brand|masthead/.test(hintsOf(h))) return true
  const links = Array.from(h.querySelectorAll('a[href]'))
  if (links.length !== 1) return false
  const a = links[0]!
  if (fold(a.textContent) !== fold(h.textContent)) return false
  if ((a.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('home')) return true
  const href = (a.getAttribute('href') ?? '').trim()
  if (href === '/' || href === './' || href === 'index.html' || href === '/index.html') return true
  try {
    const u = new URL(href)
    return (u.pathname === '/' || u.pathname === '') && hosts.some((k) => nameKey(u.hostname).includes(k))
  } catch {
    return false
  }
}

interface Heading {
  text: string
  el: Element
  level: number
  /** A piece of a heading that sets a kicker apart, not the whole heading. */
  piece: boolean
}

/**
 * Headings that may print the headline: every h1, the parts of an h1 that
 * sets a kicker and the headline in separate children ("Open Progress" +
 * "Why …"), and the first h2s (some templates set the site name in h1 and
 * the headline in h2). Logo headings are returned apart: they name the site.
 */
function headingCandidates(elements: ElementIndex, index: TextIndex, hosts: readonly string[]): { headings: Heading[]; logos: string[] } {
  const headings: Heading[] = []
  const logos: string[] = []
  for (const h of elements.byTag('h1')) {
    const text = textOf(h)
    if (!text || text.length > 300) continue
    if (isLogoHeading(h, hosts)) {
      logos.push(text)
      continue
    }
    headings.push({ text, el: h, level: 1, piece: false })
    // A kicker set apart from the headline: each piece may be the headline,
    // but a one-word piece only when it is the longest (kickers are short labels).
    const pieces = headingPieces(h).map((p) => p.text)
    if (pieces.length >= 2) {
      const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a))
      for (const piece of pieces) if (piece === longest || wordCount(piece) >= 2) headings.push({ text: piece, el: h, level: 1, piece: true })
    }
  }
  let h2s = 0
  for (const h of elements.byTag('h2')) {
    if (h2s >= MAX_H2_CANDIDATES) break
    const text = textOf(h)
    if (!text || text.length > 300 || isElsewhere(h, null, index)) continue
    h2s++
    headings.push({ text, el: h, level: 2, piece: false })
  }
  return { headings, logos }
}

interface Piece {
  text: string
  /** Set in an element of its own, not bare text. */
  element: boolean
}

/** The direct pieces of a heading: each child element's text and each bare text, in order (a kicker and the headline). */
function headingPieces(h: Element): Piece[] {
  const pieces: Piece[] = []
  for (let child = h.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const t = fold(child.nodeValue)
      if (t && /[\p{L}\p{N}]/u.test(t)) pieces.push({ text: t, element: false })
    } else if (child.nodeType === 1 && !HIDDEN_TAGS.has((child as Element).localName.toLowerCase()) && !isScreenReaderOnly(child as Element)) {
      const t = textOf(child as Element)
      if (t) pieces.push({ text: t, element: true })
    }
  }
  return pieces
}

/** Words a kicker may have: it names a topic ("Data leak", "100th birthday"), it does not say anything. */
const MAX_KICKER_WORDS = 5

/**
 * The headline of a heading that opens with a kicker in an element of its own
 * (`<h1><span class="overline">Data leak</span> Files found online</h1>`):
 * the kicker is a label above the headline, even where og:title and
 * `<title>` print both ("Data leak - Files found online"). Null when the heading
 * is not two such pieces, or when the kicker ends in a colon.
 */
function headlineBesideKicker(h: Element): string | null {
  const pieces = headingPieces(h)
  if (pieces.length !== 2) return null
  const [kicker, headline] = pieces as [Piece, Piece]
  // "Editor's letter: …" reads on through its colon: a label the headline keeps.
  if (!kicker.element || /:$/.test(kicker.text) || wordCount(kicker.text) > MAX_KICKER_WORDS || kicker.text.length >= headline.text.length) return null
  return wordCount(headline.text) >= 2 ? headline.text : null
}

/** How many h2s are considered as the headline: the headline is near the top. */
const MAX_H2_CANDIDATES = 8

/**
 * How strongly the other titles of the page confirm a heading: 3 for each
 * that is the same text; for one that has it as a separator-delimited part
 * ("Headline | Site"), 2 when it is the longest part (a headline outweighs
 * site and section names), else 1; 1 for a long prefix that punctuation
 * ends ("Headline: the dek"), not one cut off inside the sentence.
 */
function support(heading: string, refs: readonly string[]): number {
  const key = titleKey(heading)
  if (!key) return 0
  const lower = heading.toLowerCase()
  let score = 0
  for (const ref of refs) {
    if (titleKey(ref) === key) {
      score += 3
      continue
    }
    const { texts, seps } = splitParts(ref)
    let best = 0
    for (let from = 0; from < texts.length && best < 2; from++) {
      for (let to = from + 1; to <= texts.length; to++) {
        if (from === 0 && to === texts.length) continue
        const run = joinParts(texts, seps, from, to)
        if (titleKey(run) !== key) continue
        const others = [...texts.slice(0, from), ...texts.slice(to)]
        best = Math.max(best, others.every((o) => o.length <= run.length) ? 2 : 1)
      }
    }
    if (!best && wordCount(heading) >= 3 && ref.toLowerCase().startsWith(lower) && /^\s*[^\p{L}\p{N}\s]/u.test(ref.slice(heading.length))) best = 1
    score += best
  }
  return score
}

/** Between two equally confirmed headings: the h1 over an h2, then the longer (a kicker is shorter than the headline). */
function betterTie(a: Heading, b: Heading): boolean {
  if (a.level !== b.level) return a.level < b.level
  return a.text.length > b.text.length
}

/**
 * The headline. A heading that the page's other titles confirm (og:title,
 * JSON-LD headline, `<title>`) is the printed headline and wins; the best
 * confirmed one wins, then the h1 over an h2, then the longer. Else the
 * structured title without its site affix; else the `<title>` without its
 * affix; else the h1 of the article.
 */
function reconcileTitle(headings: Heading[], structured: string[], tag: string | null, siteNames: readonly string[], hosts: readonly string[], summary: string | null): Split {
  const refs = [...structured, ...(tag ? [tag] : [])]
  let best: { h: Heading; score: number } | null = null
  for (const h of headings) {
    if (isSitePart(h.text, siteNames, hosts) && !structured.some((s) => titleKey(s) === titleKey(h.text))) continue
    const score = support(h.text, refs)
    if (score === 0) continue
    if (!best || score > best.score || (score === best.score && betterTie(h, best.h))) best = { h, score }
  }
  if (best && !best.h.piece) {
    const headline = headlineBesideKicker(best.h.el)
    if (headline && support(headline, refs) > 0) best = { h: { ...best.h, text: headline, piece: true }, score: best.score }
  }
  // Without a confirmed heading, a description that is one part of the title, word for word, says which part is the headline.
  const described = summary && !best && !isSitePart(summary, siteNames, hosts) ? [summary] : []
  const agree = best ? [best.h.text] : [...headings.map((h) => h.text), ...described]
  const tagSplit = tag ? splitSiteAffix(tag, siteNames, hosts, agree) : null
  const structuredSplit = structured.map((s) => splitSiteAffix(s, siteNames, hosts, agree))
  const affix = tagSplit?.affix ?? structuredSplit.find((s) => s.affix)?.affix ?? null
  if (best) return { title: best.h.text, affix }
  // No heading is confirmed: the page's only h1 is still what readers see as the
  // headline (structured titles are often rewritten for search engines and feeds).
  // One h1 printed twice is the headline in two layouts (narrow and wide screens); beside
  // another h1, an h1 printed twice belongs to a box the page repeats (a newsletter form
  // in a pop-up and in the footer).
  const allH1s = headings.filter((h) => h.level === 1 && !h.piece)
  const timesPrinted = (h: Heading) => allH1s.filter((o) => titleKey(o.text) === titleKey(h.text)).length
  const h1s = allH1s.length > 0 && timesPrinted(allH1s[0]!) === allH1s.length ? allH1s.slice(0, 1) : allH1s.filter((h) => timesPrinted(h) === 1)
  if (h1s.length === 1 && !isSitePart(h1s[0]!.text, siteNames, hosts) && wordCount(h1s[0]!.text) >= 2) return { title: h1s[0]!.text, affix }
  if (structuredSplit[0]?.title) return { title: structuredSplit[0].title, affix }
  if (tagSplit?.title) return { title: tagSplit.title, affix }
  const h1 = headings.find((h) => h.level === 1)
  return { title: h1?.text ?? '', affix: null }
}

// ---------------------------------------------------------------- byline

/** class/id/rel/itemprop evidence of a byline or author element. */
const BYLINE_HINT = /byline|author|autor|auteur|writer|journalist|reporter|posted-?by|submitted|verfasser/
/** Author boxes, avatars and notes ("author-note": a word from the writer) hold bios, pictures and prose, not the byline line. */
const NOT_BYLINE_HINT = /author-?(?:bio|box|desc|note|avatar|image|img|photo|pic|about|card|social|follow)|about-?(?:the-?)?author|avatar|gravatar|comment|share|follow/

/** Position of an element in the text index (its first run), for document-order comparisons. */
function positionOf(index: TextIndex, el: Element): number {
  return index.span.get(el)?.[0] ?? -1
}

function bylineFromElements(elements: ElementIndex, index: TextIndex, headline: Element | null, siteNames: readonly string[]): string | null {
  const anchor = headline ? (index.span.get(headline)?.[1] ?? 0) : 0
  const candidates: { el: Element; at: number }[] = []
  for (const el of elements.hinted) {
    const tag = el.localName.toLowerCase()
    if (tag === 'meta' || tag === 'link' || tag === 'script' || tag === 'style' || tag === 'body' || tag === 'html' || tag === 'img') continue
    const hints = `${hintsOf(el)} ${(el.getAttribute('rel') ?? '').toLowerCase()} ${(el.getAttribute('data-testid') ?? '').toLowerCase()}`
    if (!BYLINE_HINT.test(hints) || NOT_BYLINE_HINT.test(hints)) continue
    if (isElsewhere(el, headline, index) && !authorOfHeadlineItem(el, headline)) continue
    const at = positionOf(index, el)
    if (at < 0) continue
    candidates.push({ el, at })
  }
  // After the headline first (the byline sits under it), then before it.
  const sorted = [...candidates.filter((c) => c.at >= anchor), ...candidates.filter((c) => c.at < anchor).reverse()]
  for (const { el } of sorted) {
    const name = bylineOfElement(el, siteNames)
    if (name) return name
  }
  return null
}

/**
 * Microdata's author of the item whose headline this is: an `itemprop=author`
 * whose nearest enclosing item also holds the headline, wherever in that
 * item the page prints it (often a footer after the text).
 */
function authorOfHeadlineItem(el: Element, headline: Element | null): boolean {
  if (!headline || !/(?:^|\s)author(?:\s|$)/i.test(el.getAttribute('itemprop') ?? '')) return false
  const item = el.parentElement?.closest('[itemscope]')
  return !!item && item.localName.toLowerCase() !== 'body' && item.contains(headline)
}

/** The byline an element prints: its own text when short, else its first name-like link or itemprop=name. */
function bylineOfElement(el: Element, siteNames: readonly string[]): string | null {
  const named = el.querySelector('[itemprop~="name"]')
  if (named) {
    const n = cleanByline(named.getAttribute('content') ?? textOf(named, true), siteNames)
    if (n) return n
  }
  const text = textOf(el, true)
  if (text && text.length <= 150) {
    // A field list ("Datum: 19.11.2021 Autor: Jane Doe Quelle: Example"): the author field.
    const field = AUTHOR_FIELD.exec(text)
    const n = cleanByline(field ? field[1]! : text, siteNames)
    if (n && plausibleNames(n, true)) return n
  }
  for (const a of Array.from(el.querySelectorAll('a'))) {
    const n = cleanByline(textOf(a, true), siteNames)
    if (n && plausibleNames(n, true)) return n
  }
  return null
}

/** Nouns that label an author field: "Autor:", "Authors:", "Verfasserin:". */
const AUTHOR_NOUNS = 'autor(?:in|en)?|authors?|auteur|autore|verfasser(?:in)?'
/**
 * A credit label before the author's name, which may follow in the next
 * element: "Autor: Jane Doe", "Text:", a field title "Autor" on its own or
 * before the names ("Autoren Jane Doe und John Roe"), a bare "Von:" / "By:".
 */
const AUTHOR_LABEL = new RegExp(`^(?:(?:${AUTHOR_NOUNS}|texte?)\\s*:\\s*(.*)|(?:${AUTHOR_NOUNS})(?:\\s+(.*))?|(?:von|by)\\s*:)$`, 'iu')

/**
 * The name after an author label anywhere outside teasers and comments: a
 * credit line under the text ("Text: Jane Doe"), an author field in the
 * article's footer. The name may sit in the label's element or in the next.
 */
function labelledByline(index: TextIndex, headline: Element | null, siteNames: readonly string[]): string | null {
  for (let i = 0; i < index.runs.length; i++) {
    const text = index.runs[i]!.text
    const m = AUTHOR_LABEL.exec(text)
    // A bare lower-case "author" is a role after someone's name, no field title.
    if (!m || (!text.includes(':') && !/^\p{Lu}/u.test(text)) || isElsewhere(index.runs[i]!.el, headline, index)) continue
    const raw = m[1] || m[2] || index.runs[i + 1]?.text || ''
    // One name and nothing else: a credit list ("Text: …; Illustration: …") is no byline.
    if (/[,;:|]/.test(raw)) continue
    const name = cleanByline(raw, siteNames)
    if (name && plausibleNames(name)) return name
  }
  return null
}

/** An author field among other labelled fields, up to the next "Label:". */
const AUTHOR_FIELD = new RegExp(`(?:^|\\s)(?:${AUTHOR_NOUNS})\\s*:\\s*(.+?)(?=\\s+\\p{L}+\\s*:|$)`, 'iu')

/** A byline lead at the start of a line: "By", "Von", "Par", "Por", "Door", "Posted by", "Written by", "Autor:". */
const LEAD_WORD = /^(?:by|von|par|por|door|(?:posted|written|reported|verfasst|geschrieben)\s+(?:by|von)|autor(?:in)?:|author:|auteur\s*:)\s/i

/**
 * A byline printed as text near the headline without a telling class:
 * a short line after the h1 that starts with a lead word ("By Jane Doe"),
 * or a label followed by the name in the next element ("Autor: | Jane Doe").
 * Failing that, a short dateline that carries a name beside the date
 * ("11.12.2019 - Jane Doe", "Jane Doe | 17 May 2024").
 */
function bylineFromLeadText(index: TextIndex, headline: Element | null, siteNames: readonly string[], options: ParseDateOptions): string | null {
  if (!headline) return null
  const from = index.span.get(headline)?.[1] ?? 0
  let chars = 0
  let dateline: string | null = null
  for (let i = from; i < index.runs.length && chars < NEAR_HEADLINE_CHARS; i++) {
    const run = index.runs[i]!
    chars += run.text.length
    if (isElsewhere(run.el, headline, index)) continue
    const line = textOf(blockOf(run.el), true)
    if (!LEAD_WORD.test(run.text + ' ')) {
      if (dateline === null && line.length <= 80 && findDate(line, options)) dateline = line
      continue
    }
    if (line.length <= 150) {
      const n = cleanByline(line, siteNames)
      if (n && plausibleNames(n)) return n
    }
    // "Autor:" alone in its element, the name in the next one.
    const next = index.runs[i + 1]
    if (next && run.text.length <= 20 && next.text.length <= 80) {
      const n = cleanByline(`${run.text} ${next.text}`, siteNames)
      if (n && plausibleNames(n)) return n
    }
  }
  if (dateline) {
    const n = nameBesideDate(dateline, siteNames, options)
    if (n) return n
  }
  return null
}

/** The name in a dateline that carries one beside the date, separated by a dash, pipe or bullet. */
function nameBesideDate(line: string, siteNames: readonly string[], options: ParseDateOptions): string | null {
  const parts = line.split(/\s+[-–—|·•]\s+/).filter(Boolean)
  if (parts.length !== 2) return null
  const rest = parts.find((p) => !findDate(p, options) && !/\d/.test(p))
  if (!rest) return null
  const n = cleanByline(rest, siteNames)
  // Two or three capitalised words: a person's name, not a section or a place.
  return n && /^\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){1,2}$/u.test(n) ? n : null
}

/** The nearest block-level ancestor (the line a run of text is printed on). */
function blockOf(el: Element): Element {
  let node: Element = el
  while (INLINE_TAGS.has(node.localName.toLowerCase()) && node.parentElement) node = node.parentElement
  return node
}

/**
 * A cleaned byline that reads as names: mostly capitalised words (names are
 * proper nouns; "Share this article" and "Read more" are not), not too many.
 * With `handles`, where the markup says "author", a single lower-case
 * account name ("jdoe", "jane23") counts too.
 */
function plausibleNames(byline: string, handles = false): boolean {
  if (handles && /^[\p{L}\p{N}_.-]{2,30}$/u.test(byline)) return true
  const words = byline.split(/[\s,;/&]+/).filter((w) => /\p{L}/u.test(w))
  if (words.length === 0 || words.length > 16) return false
  const connectors = /^(?:and|und|et|y|e|en|i|och|og|de|da|di|del|della|van|von|der|den|le|la|du|dos|das|bin|al|el|ter|zu|vom|ten|mc)$/i
  const capital = words.filter((w) => /^[\p{Lu}\p{Lt}]/u.test(w) || connectors.test(w)).length
  return capital / words.length >= 0.6
}

/**
 * The structured byline, unless the printed byline names everyone it names
 * and more: JSON-LD and meta often carry only the first of several authors.
 */
function fuller(structured: string | null, printedByline: string | null): string | null {
  if (!structured || !printedByline) return structured ?? printedByline
  const shown = new Set(splitNames(printedByline).map(nameKey))
  const given = splitNames(structured).map(nameKey)
  return shown.size > given.length && given.every((name) => shown.has(name)) ? printedByline : structured
}

/** Is every name of a byline printed somewhere on the page (not only in its metadata)? */
function printed(byline: string, index: TextIndex): boolean {
  return splitNames(byline).every((n) => index.all.includes(n.toLowerCase()))
}

// ---------------------------------------------------------------- dates

/** How far after the headline (in characters of visible text) the byline and dateline may sit. */
const NEAR_HEADLINE_CHARS = 400
/** A dateline is a short line; a longer run is the text, whose dates are events. */
const DATELINE_MAX_CHARS = 150
/** How far before the headline a dateline may sit (a date above the h1). */
const BEFORE_HEADLINE_CHARS = 150

/** A date from an element: machine value first (datetime, content), else its text. */
function dateOfElement(el: Element, options: ParseDateOptions): string | null {
  for (const attr of ['datetime', 'content', 'data-datetime', 'data-date', 'title']) {
    const v = el.getAttribute(attr)
    if (v) {
      const d = parseDate(v, options)
      if (d) return d
    }
  }
  const text = textOf(el)
  return text.length <= 120 ? parseDate(text, options) : null
}

/**
 * The article's own `<time>`: the first one inside the `<article>` that
 * holds the headline, or else the first one shortly after the headline,
 * skipping teasers, comments and asides.
 */
function timeElementDate(elements: ElementIndex, index: TextIndex, headline: Element | null, options: ParseDateOptions): string | null {
  const times = elements.byTag('time').filter((t) => !isElsewhere(t, headline, index))
  const articles = elements.byTag('article')
  const article = headline?.closest('article') ?? (articles.length === 1 ? articles[0]! : null)
  if (article) {
    for (const t of times) {
      if (!article.contains(t)) continue
      const d = dateOfElement(t, options)
      if (d) return d
    }
  }
  if (!headline) return null
  const anchor = index.span.get(headline)?.[1] ?? 0
  for (const t of times) {
    const at = positionOf(index, t)
    if (at < anchor) continue
    if (charsOfRuns(index, anchor, at) > NEAR_HEADLINE_CHARS) break
    const d = dateOfElement(t, options)
    if (d) return d
  }
  return null
}

/** Words that mark a date as a modification, not the publication. */
const UPDATED = /\b(?:updated?|modified|aktualisiert|geändert|mis à jour|actualizado|aggiornato)\b/i

/**
 * The date a dateline prints, unless it says "updated". Under the headline a
 * date inside a sentence of the text names an event ("opened on 18 May"), so
 * there a line longer than a dateline counts only when the date opens it
 * ("(18 May 2023) The …"). Above the headline (`above`) the text has not
 * begun, and any date of a run counts.
 */
function datelineOf(text: string, options: ParseDateOptions, above = false): string | null {
  const found = findDate(text, options)
  if (!found || (!above && text.length > DATELINE_MAX_CHARS && found.index > 2) || UPDATED.test(text)) return null
  return found.value
}

/**
 * A date printed just under (or just above) the headline: the dateline.
 * Lines that say "updated" are skipped when another date is near.
 */
function datelineDate(index: TextIndex, headline: Element | null, options: ParseDateOptions): string | null {
  if (!headline) return null
  const [start, end] = index.span.get(headline) ?? [0, 0]
  let chars = 0
  for (let i = end; i < index.runs.length && chars < NEAR_HEADLINE_CHARS; i++) {
    const run = index.runs[i]!
    chars += run.text.length
    if (isElsewhere(run.el, headline, index)) continue
    const d = datelineOf(run.text, options)
    if (d) return d
    // "Published on <span>May</span> <span>17, 2024</span>": try the run's line.
    const line = textOf(blockOf(run.el))
    const ld = line === run.text ? null : datelineOf(line, options)
    if (ld) return ld
  }
  chars = 0
  for (let i = start - 1; i >= 0 && chars < BEFORE_HEADLINE_CHARS; i--) {
    const run = index.runs[i]!
    chars += run.text.length
    if (isElsewhere(run.el, headline, index)) continue
    const d = datelineOf(run.text, options, true)
    if (d) return d
  }
  return null
}

/**
 * A label that says the date after it is the publication date: "Veröffentlicht am",
 * "Published on", "Publié le", "Publicado el", "Pubblicato il", "Erschienen am".
 */
const PUBLISHED_LABEL =
  /(?:^|[\s|·•,(])(?:ver(?:ö|oe)ffentlicht|publiziert|erschienen|published|posted|publié|publicado|pubblicato|gepubliceerd|opublikowano)(?:\s+(?:am|on|le|el|il|em|op|at))?\s*:?\s*(?=\S)/iu
/**
 * A date printed after a publication label, anywhere on the page outside
 * teasers and comments (a podcast page prints "Veröffentlicht am" under the
 * player, far from its headline).
 */
function labelledDate(index: TextIndex, headline: Element | null, options: ParseDateOptions): string | null {
  for (const run of index.runs) {
    if (!PUBLISHED_LABEL.test(run.text) || isElsewhere(run.el, headline, index)) continue
    // The label and its date may sit in separate elements of one line.
    const line = textOf(blockOf(run.el))
    const m = PUBLISHED_LABEL.exec(line)
    if (!m) continue
    const rest = line.slice(m.index + m[0].length, m.index + m[0].length + 60)
    // The date follows the label at once (a weekday may stand between): "Veröffentlicht am Fr, 24. Januar 2020".
    const found = findDate(rest, options)
    if (found && found.index <= 15) return found.value
  }
  return null
}

/** class/id evidence of an element that prints the publication date. */
const DATE_HINT = /date|datum|fecha|dateline|pubdate|published|posted-?on|time/
/** … and of one that prints another date. */
const OTHER_DATE_HINT = /update|modif|comment|event|birth|expir|deadline|archive|calendar|today/

/**
 * The first element whose class says it prints the date ("pubdate",
 * "entry-date", "post-meta__date"), after the headline if there is one,
 * outside teasers and comments.
 */
function hintedDate(elements: ElementIndex, index: TextIndex, headline: Element | null, options: ParseDateOptions): string | null {
  const anchor = headline ? (index.span.get(headline)?.[1] ?? 0) : 0
  const found: { at: number; date: string }[] = []
  for (const el of elements.hinted) {
    if (!el.hasAttribute('class') && !el.hasAttribute('id') && !el.hasAttribute('itemprop')) continue
    const hints = hintsOf(el)
    if (!DATE_HINT.test(hints) || OTHER_DATE_HINT.test(hints)) continue
    const tag = el.localName.toLowerCase()
    if (tag === 'meta' || tag === 'script' || tag === 'body' || tag === 'html') continue
    if (textOf(el).length > 80 || isElsewhere(el, headline, index)) continue
    const date = dateOfElement(el, options)
    if (date) found.push({ at: positionOf(index, el), date })
  }
  return (found.find((f) => f.at >= anchor) ?? found[0])?.date ?? null
}

/** Is this an ISO date-time in UTC ("Z" or +00:00)? Its day may be the next one for the reader. */
function isUtc(date: string): boolean {
  return /T.*(?:Z|[+-]00:00)$/.test(date)
}

/** Does a date-time carry its offset from UTC? */
function hasOffset(date: string): boolean {
  return /T.*(?:Z|[+-]\d{2}:?\d{2})$/.test(date)
}

function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000
}

/**
 * The first candidate in order of trust; but a machine timestamp near
 * midnight may name another day than the page's readers see (UTC, a server
 * clock, a time stamp set when the story went into the system), so when a
 * later candidate printed in local time (an offset, or a date printed on the
 * page) is one day off, the printed day wins.
 */
function chooseDate(candidates: { value: string | null; local: boolean }[]): string | null {
  const found = candidates.filter((c): c is { value: string; local: boolean } => !!c.value)
  const first = found[0]
  if (!first) return null
  // Only a clock without the reader's offset can name another day; and only the
  // most trusted printed date may overrule it (a later one may be a teaser's).
  if (!first.local && (isUtc(first.value) || !hasOffset(first.value))) {
    const local = found.find((c) => c.local && !isUtc(c.value))
    if (local && dayDistance(local.value, first.value) === 1) return local.value
  }
  return first.value
}

/** How far up from a link to the page itself its teaser card may reach. */
const OWN_TEASER_LEVELS = 3
/** A teaser card is short: more text than this is a section of the page, not one card. */
const OWN_TEASER_MAX_CHARS = 400
/** The card's date element: a date and perhaps a weekday, no longer. */
const OWN_TEASER_DATE_MAX_CHARS = 40

/** Text with no word but a date's: digits, month and weekday names ("10.11.2021", "Monday, 21 Nov 2022"), not "Version 3.4.12". */
function onlyDateWords(text: string): boolean {
  return text.split(/[\s,.]+/).every((word) => !/\p{L}/u.test(word) || isMonthName(word) || WEEKDAY.test(word))
}

/** A URL compared as the same page: no fragment, no trailing slash, the host in lower case. */
function pageKey(url: string): string {
  try {
    const u = new URL(url)
    u.hash = ''
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`
  } catch {
    return url
  }
}

/**
 * The date on the page's own teaser: a list of recent stories that includes
 * this one (a sidebar, a "latest" box) prints its date beside the link, where
 * the article itself printed none. Only a short card round a link to this
 * very page counts, and only an element that holds a date and nothing else.
 */
function ownTeaserDate(document: Document, urls: readonly string[], base: string | null, options: ParseDateOptions): string | null {
  const own = new Set(urls.map(pageKey))
  if (own.size === 0) return null
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = resolveUrl(a.getAttribute('href'), base)
    if (!href || !own.has(pageKey(href)) || !textOf(a)) continue
    let card: Element | null = a
    for (let level = 0; level < OWN_TEASER_LEVELS && card; level++, card = card.parentElement) {
      if (textOf(card).length > OWN_TEASER_MAX_CHARS) break
      for (const el of Array.from(card.querySelectorAll('*'))) {
        const text = textOf(el)
        if (text.length > OWN_TEASER_DATE_MAX_CHARS || !onlyDateWords(text)) continue
        const date = parseDate(text, options)
        if (date) return date
      }
    }
  }
  return null
}

// ---------------------------------------------------------------- lang, url

/** BCP 47 normalised: "en_us" → "en-US", "zh-hant-tw" → "zh-Hant-TW"; null when not a language tag. */
export function normaliseLang(raw: string | null | undefined): string | null {
  if (!raw) return null
  const first = raw.split(/[,;]/)[0]!.trim().replace(/_/g, '-')
  const subtags = first.split('-').filter(Boolean)
  const primary = subtags[0]?.toLowerCase()
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return null
  const out = [primary]
  for (const sub of subtags.slice(1)) {
    if (/^[a-z]{4}$/i.test(sub)) out.push(sub[0]!.toUpperCase() + sub.slice(1).toLowerCase())
    else if (/^[a-z]{2}$/i.test(sub) || /^\d{3}$/.test(sub)) out.push(sub.toUpperCase())
    else if (/^[a-z0-9]{5,8}$/i.test(sub)) out.push(sub.toLowerCase())
    else break
  }
  return out.join('-')
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null
  const h = href.trim()
  if (!h || h.startsWith('#') || /^(?:javascript|data|mailto):/i.test(h)) return null
  try {
    return new URL(h, base ?? undefined).href
  } catch {
    return null
  }
}

/** What the page's relative links resolve against: its `<base href>`, else its own address. */
function baseUrl(elements: ElementIndex, pageUrl: string | null): string | null {
  const baseHref = elements.byTag('base').find((el) => el.hasAttribute('href'))?.getAttribute('href') ?? null
  return resolveUrl(baseHref, pageUrl) ?? pageUrl
}

function canonicalUrl(elements: ElementIndex, meta: Map<string, string[]>, base: string | null): string | null {
  for (const link of elements.byTag('link')) {
    if (!link.hasAttribute('rel') || !link.hasAttribute('href')) continue
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    if (!rel.includes('canonical')) continue
    const url = resolveUrl(link.getAttribute('href'), base)
    if (url && /^https?:/.test(url)) return url
  }
  const og = resolveUrl(metaFirst(meta, ['og:url', 'twitter:url']), base)
  return og && /^https?:/.test(og) ? og : null
}

// ---------------------------------------------------------------- main

/** Metadata from the page's markup; every field null when the page does not say. */
export function readHtmlMetadata(document: Document, url?: string): HtmlMetadata {
  const doc = document
  const elements = indexElements(doc)
  const pageUrl = url && /^https?:/i.test(url) ? url : null
  const meta = readMeta(elements)
  const ld = readJsonLdInfo(readJsonLd(elements))
  const base = baseUrl(elements, pageUrl)
  const canonical = canonicalUrl(elements, meta, base)
  const hosts = unique([...hostKeys(canonical), ...hostKeys(pageUrl)])
  const index = indexText(doc)

  // Site names: every string the page gives for itself (a Twitter handle
  // names the site too, but is no name to print as the source).
  const { headings, logos } = headingCandidates(elements, index, hosts)
  const cleanSites = (values: string[]): string[] => unique(values.map(fold).filter((s) => s && !isUrlLike(s) && s.length <= 80))
  // A person a page names as its author is no site, though a Dublin Core
  // "publisher" names them too (a one-author site, a column).
  const metaAuthors = new Set(META_AUTHOR.flatMap((k) => meta.get(k) ?? []).map((v) => nameKey(v)))
  const publishers = cleanSites([
    ...META_SITE.flatMap((k) => (meta.get(k) ?? []).filter((v) => !(WEAK_SITE_KEYS.has(k) && metaAuthors.has(nameKey(v))))),
    ...ld.siteNames,
  ])
  const declaredSites = cleanSites([...publishers, ...logos, ...(meta.get('twitter:site') ?? []).map((s) => s.replace(/^@/, ''))])

  // Title.
  const itemHeadline = elements
    .byItemprop('headline')
    .filter((el) => el.localName.toLowerCase() !== 'meta')
    .map((el) => textOf(el))
    .filter(Boolean)
  const structured = unique([ld.title, ...META_TITLE.map((k) => meta.get(k)?.[0] ?? null), ...itemHeadline].filter((v): v is string => !!v).map(fold))
  const description = fold(metaFirst(meta, META_DESCRIPTION) ?? ld.description) || null
  const titleSplit = reconcileTitle(headings, structured, titleTag(elements), declaredSites, hosts, description)
  const siteNames = unique([...declaredSites, ...(titleSplit.affix && wordCount(titleSplit.affix) <= 8 ? [titleSplit.affix] : [])])

  // The headline element anchors the "near the headline" searches.
  const titleKeyValue = titleKey(titleSplit.title)
  const headline =
    headings.find((h) => titleKey(h.text) === titleKeyValue)?.el ??
    headings.find((h) => h.level === 1 && titleKey(h.text).includes(titleKeyValue) && titleKeyValue.length > 0)?.el ??
    headings.find((h) => h.level === 1)?.el ??
    null

  const htmlEl = doc.documentElement
  const lang =
    normaliseLang(htmlEl?.getAttribute('lang')) ??
    normaliseLang(htmlEl?.getAttribute('xml:lang')) ??
    normaliseLang(metaFirst(meta, META_LANG))

  // Date, in order of trust.
  const dateOptions: ParseDateOptions = { slashOrder: slashOrderFor(lang, canonical ?? pageUrl) }
  const published = chooseDate([
    // Machine values: ambiguous slash dates there follow the US default of the software that wrote them.
    { value: dateOf(metaFirst(meta, publishedKeys(meta))), local: false },
    { value: dateOf(ld.published), local: false },
    { value: itempropDate(elements, dateOptions), local: true },
    { value: timeElementDate(elements, index, headline, dateOptions), local: true },
    { value: datelineDate(index, headline, dateOptions), local: true },
    { value: hintedDate(elements, index, headline, dateOptions), local: true },
    { value: labelledDate(index, headline, dateOptions), local: false },
    { value: dateOf(metaFirst(meta, META_DATE_WEAK)), local: false },
    { value: canonical ? dateFromUrl(canonical, dateOptions.slashOrder) : null, local: true },
    { value: pageUrl ? dateFromUrl(pageUrl, dateOptions.slashOrder) : null, local: true },
  ])

  // Byline: what the page prints; names only in metadata are not "as printed".
  // The account Twitter names as the content's creator is a writer, though
  // the same handle names the site (a one-person blog): it may sign the
  // printed byline, unless the page names itself so elsewhere too. Structured
  // data that gives the site as the author is a placeholder (a newsroom's
  // account), so there the handle stays a site name.
  const creators = new Set((meta.get('twitter:creator') ?? []).map((handle) => nameKey(handle.replace(/^@/, ''))))
  const namedSites = new Set([...publishers, ...logos, titleSplit.affix ?? ''].map(nameKey))
  const notAuthors = siteNames.filter((site) => !creators.has(nameKey(site)) || namedSites.has(nameKey(site)))
  const structuredByline = cleanByline(ld.authors.join(', '), siteNames, { typed: true }) ?? metaByline(meta, siteNames)
  const byline =
    fuller(structuredByline && printed(structuredByline, index) ? structuredByline : null, bylineFromElements(elements, index, headline, notAuthors)) ??
    bylineFromLeadText(index, headline, notAuthors, dateOptions) ??
    labelledByline(index, headline, notAuthors)


  const source = publishers[0] ?? ld.publisher ?? logos[0] ?? titleSplit.affix ?? null

  return {
    title: titleSplit.title || null,
    byline,
    source,
    published,
    // Read now (Readability rewrites the document next), but only for a page nothing else dates:
    // not worth a walk over every link otherwise.
    listedDate: published ? null : ownTeaserDate(doc, [canonical, pageUrl].filter((u): u is string => !!u), base, dateOptions),
    description,
    lang,
    url: canonical,
    siteNames,
  }
}

function dateOf(value: string | null): string | null {
  return value ? parseDate(value) : null
}

function metaByline(meta: Map<string, string[]>, siteNames: readonly string[]): string | null {
  // Scholarly pages list one citation_author per author, often as "Last, First".
  const citation = meta.get('citation_author')
  if (citation && citation.length > 1) {
    const names = citation.map((c) => c.replace(/^([^,]+),\s*([^,]+)$/, '$2 $1'))
    return cleanByline(names.join(', '), siteNames)
  }
  for (const key of META_AUTHOR) {
    for (const value of meta.get(key) ?? []) {
      const name = cleanByline(value, siteNames)
      if (name) return name
    }
  }
  return null
}

const ITEMPROP_PUBLISHED = new Set(['datePublished', 'datepublished', 'dateCreated'])

function itempropDate(elements: ElementIndex, options: ParseDateOptions): string | null {
  for (const el of elements.hinted) {
    const itemprop = el.getAttribute('itemprop')
    if (!itemprop || !itemprop.split(/\s+/).some((token) => ITEMPROP_PUBLISHED.has(token))) continue
    if (el.localName.toLowerCase() === 'meta') continue
    const d = dateOfElement(el, options)
    if (d) return d
  }
  return null
}
