import type { ChromeKind } from '../types.js'

/**
 * Class, id and role tokens that name a kind of chrome (`related_posts`,
 * `author-bio`, `contributor-bio__content`, `newsletter-form__strapline`).
 *
 * Tokens are split into their words (on `-`, `_` and BEM's `__`/`--`), and
 * a kind is named by words, not by whole tokens, so that the many spellings
 * of one idea across CMSs and themes match one rule. Words that also name
 * article parts are left out on purpose: `teaser` (often the lead), `widget`
 * (page builders wrap the article in widgets), `header`, `meta`.
 */

interface HintRule {
  kind: ChromeKind
  /** Matches when every word of one alternative is among the token's words. */
  any: string[][]
  /** No match when one of these words is among the token's words (`no-comments`, `comments-open`). */
  unless?: string[]
  /** Matches only when every word of the token is one of these. */
  only?: string[]
}

/**
 * Tokens that describe what a page or post *has* or *is filed under*
 * (WordPress's `category-social-media`, `tag-ads`, `has-comments`,
 * `no-sidebar`), not what the element is.
 */
const DESCRIPTIVE_PREFIX = new Set(['category', 'tag', 'has', 'no', 'with', 'without', 'format', 'type', 'status', 'is', 'show', 'hide', 'hidden'])

const RULES: HintRule[] = [
  {
    kind: 'comments',
    any: [['comments'], ['comment'], ['disqus'], ['respond'], ['commentlist']],
    // A live blog's "comments" are its text: `live-match-comment`, `live-comment-body`.
    unless: ['open', 'closed', 'count', 'link', 'links', 'number', 'no', 'icon', 'meta', 'live'],
  },
  { kind: 'social', any: [['share'], ['sharing'], ['social'], ['sharedaddy'], ['addthis'], ['shariff'], ['follow', 'us']], unless: ['image', 'img', 'caption', 'embed', 'embedded'] },
  { kind: 'newsletter', any: [['newsletter'], ['subscribe'], ['subscription'], ['signup'], ['sign', 'up'], ['mailchimp'], ['paywall']] },
  {
    kind: 'related',
    any: [['related'], ['recirc'], ['outbrain'], ['taboola'], ['more', 'stories'], ['read', 'next'], ['also', 'read'], ['trending'], ['most', 'popular'], ['popular', 'posts'], ['recommended'], ['rp'], ['ticker'], ['breaking', 'news']],
  },
  { kind: 'advertisement', any: [['ad'], ['ads'], ['advert'], ['advertisement'], ['adsbygoogle'], ['dfp'], ['sponsor'], ['sponsored'], ['promo'], ['gpt']] },
  { kind: 'author-box', any: [['bio']], only: ['bio', 'box', 'author', 'wrapper', 'container', 'text', 'content'] },
  {
    kind: 'author-box',
    any: [['author', 'bio'], ['author', 'box'], ['author', 'info'], ['author', 'description'], ['author', 'card'], ['author', 'profile'], ['about', 'author'], ['contributor', 'bio'], ['about', 'widget']],
  },
  { kind: 'legal', any: [['cookie'], ['cookies'], ['consent'], ['gdpr'], ['cmp'], ['copyright'], ['legal'], ['disclaimer'], ['disclosure']] },
  {
    kind: 'navigation',
    any: [['breadcrumb'], ['breadcrumbs'], ['menu'], ['nav'], ['navbar'], ['navigation'], ['masthead'], ['skip', 'link'], ['pagination'], ['pager'], ['tags'], ['tag', 'list'], ['sidebar'], ['footer'], ['colophon']],
    // Menus also sit inside articles (a recipe's step tabs, a table of contents): only the
    // site's own menus, named in the few words sites use for them, count.
    only: ['breadcrumb', 'breadcrumbs', 'menu', 'nav', 'navbar', 'navigation', 'masthead', 'skip', 'link', 'links', 'pagination', 'pager', 'tags', 'tag', 'list', 'sidebar', 'footer', 'colophon', 'main', 'site', 'top', 'primary', 'secondary', 'global', 'mobile', 'header', 'item', 'items', 'wrapper', 'container', 'inner', 'bar', 'widget', 'area', 'left', 'right', 'page'],
  },
]

/**
 * Every block of a page carries its ancestors' tokens, so a page asks about the
 * same few hundred tokens thousands of times. Bounded: generated tokens
 * (`elementor-element-1fc90ffb`) would otherwise accumulate across pages.
 */
const known = new Map<string, ChromeKind | null>()
const KNOWN_MAX = 4096

/** The chrome kind a class/id token names, or null. */
export function hintKind(token: string): ChromeKind | null {
  const cached = known.get(token)
  if (cached !== undefined) return cached
  const kind = readHint(token)
  if (known.size >= KNOWN_MAX) known.clear()
  known.set(detached(token), kind)
  return kind
}

/**
 * A copy of a string that shares no memory with the text it was cut from.
 * A token is a slice of the page's source, and V8 keeps a whole string alive
 * for any slice of it: a cached slice would keep each page's source after
 * its extraction returned (megabytes over a batch).
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string
}

function readHint(token: string): ChromeKind | null {
  const parts = token.split(/[-_]+/).filter((w) => w.length > 0)
  if (parts.length === 0 || (parts.length > 1 && DESCRIPTIVE_PREFIX.has(parts[0]!))) return null
  const words = new Set(parts)
  for (const rule of RULES) {
    if (rule.unless?.some((w) => words.has(w))) continue
    if (rule.only && parts.some((w) => !rule.only!.includes(w))) continue
    if (rule.any.some((alt) => alt.every((w) => words.has(w)))) return rule.kind
  }
  return null
}

/**
 * Classes of a post the article embeds and quotes (`twitter-tweet`,
 * `instagram-media`, `social-media-embed`): Readability drops these, but
 * they are part of what the article says.
 */
const EMBED_TOKENS = new Set(['twitter-tweet', 'instagram-media', 'tiktok-embed'])

export function isEmbedHint(token: string): boolean {
  if (EMBED_TOKENS.has(token)) return true
  const words = token.split(/[-_]+/)
  return words.includes('embed') || words.includes('embedded')
}
