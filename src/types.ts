/**
 * The data model shared by every stage of the pipeline:
 * decode → segment → features → classify → select → metadata → Article.
 */

/** What a stripped block was. */
export type ChromeKind =
  | 'navigation'
  | 'masthead'
  | 'advertisement'
  | 'social'
  | 'newsletter'
  | 'byline'
  | 'dateline'
  | 'title'
  | 'description'
  | 'ai-disclaimer'
  | 'legal'
  | 'related'
  | 'comments'
  | 'author-box'
  | 'ui'
  | 'other'

/** Every {@link ChromeKind}, in the order DESIGN.md lists them (for validating or iterating labels). */
export const CHROME_KINDS: readonly ChromeKind[] = [
  'navigation',
  'masthead',
  'advertisement',
  'social',
  'newsletter',
  'byline',
  'dateline',
  'title',
  'description',
  'ai-disclaimer',
  'legal',
  'related',
  'comments',
  'author-box',
  'ui',
  'other',
]

/** A block is either article body or a kind of chrome. */
export type Label = 'body' | ChromeKind

/** What the input was taken as: markup, or text copied from a rendered page. */
export type Mode = 'html' | 'text'

/**
 * Evidence that only a DOM can give. Present on blocks of the HTML path,
 * `null` on the plain-text path, so that one classifier serves both.
 */
export interface DomEvidence {
  /** Lower-case tag of the block element: `p`, `h2`, `li`, `div`, … */
  tag: string
  /** 1–6 for `h1`–`h6` (or an ARIA heading level), else 0. */
  heading: number
  /** Share of the block's characters that sit inside links (0–1). */
  linkDensity: number
  /** Number of `<a href>` inside the block. */
  linkCount: number
  /**
   * Lower-cased class, id, role and itemprop tokens of the element and of its
   * ancestors up to `<body>`, nearest first (e.g. `["share", "post-footer", "article"]`).
   */
  hints: string[]
  /** Landmark elements and roles among the ancestors (`nav`, `header`, `footer`, `aside`, `form`, `main`, `article`, …). */
  landmarks: string[]
  /** Element depth below `<body>`. */
  depth: number
  /**
   * Identifies the nearest block-level container of this block, so that
   * siblings of one list or card grid share it (used for run detection).
   */
  container: string
  /** Sanitizable outer HTML of the block, used to render `Article.html`. */
  html: string
  /**
   * The block's text is part of the second candidate's article (Readability's),
   * set by the HTML stage after segmentation; false when there is no candidate.
   */
  inCandidate: boolean
}

/** One unit of the page: a line (or line group) of text, or a block element of HTML. */
export interface Block {
  /** Position in document order, 0-based, unique in the page. */
  index: number
  /** The block's text, whitespace folded, never empty. */
  text: string
  /**
   * Blank lines before this block in the text path (layout evidence: a page
   * that separates paragraphs by one blank line and its dek by none).
   * In the HTML path: 1 when a block-level boundary precedes it, 0 for a
   * block that continues the same container.
   */
  gapBefore: number
  /** DOM evidence (HTML path) or null (text path). */
  dom: DomEvidence | null
}

/** Measured evidence about one block (see features.ts). */
export interface Features {
  chars: number
  words: number
  sentences: number
  /** Share of words that are stopwords in the page's language (0–1). */
  stopwordRatio: number
  /** Ends with `.`, `!`, `?`, `…`, a closing quote after one, or CJK full stop. */
  terminalPunctuation: boolean
  /** Share of words (of ≥ 2 letters) that start upper case. */
  titleCaseRatio: number
  /** Share of letters that are upper case. */
  capsRatio: number
  /** Contains a date expression (month names, numeric dates, ISO dates). */
  hasDate: boolean
  /** Share of characters that are digits. */
  digitRatio: number
  /** How many other blocks of the page carry the same text. */
  repeats: number
  /** Relative position in the page, 0 (top) to 1 (bottom). */
  position: number
  /** Share of the block's content words that occur in the page's lead content (title + densest prose region). */
  cohesion: number
  /** Looks like a paragraph of running prose (long, punctuated, function words). */
  prose: boolean
}

/** A block after classification and selection: what it is and why. */
export interface LabeledBlock extends Block {
  features: Features
  label: Label
  /** Confidence of the label, 0–1. */
  score: number
  /** One human sentence: why this label. Printed by `--explain`. */
  reason: string
}

/** One stripped block in `Article.removed`. */
export interface RemovedBlock {
  kind: ChromeKind
  text: string
  reason: string
}

/** The result of `extract`. Every field is present; unknown ones are `null`. */
export interface Article {
  /** The headline, without site suffixes (`"… - Site"`, `"… | Site"`). */
  title: string | null
  /** The author(s) as printed, without "By", dates or roles. */
  byline: string | null
  /** The publication, site or agency that published it (masthead, site name, agency credit such as "(Reuters)"). */
  source: string | null
  /** ISO 8601 date or date-time of this article; never a teaser's or a comment's date. */
  published: string | null
  /** BCP 47 language of the body (`en`, `de`, `pt-BR`, …). */
  lang: string | null
  /** The standfirst / dek / summary line, when the page has one. */
  description: string | null
  /** The canonical address, when known (from the page or `options.url`). */
  url: string | null
  /** The article text: paragraphs joined by one blank line, no chrome. */
  body: string
  /** The same body as an array of paragraphs. */
  paragraphs: string[]
  /** Sanitized article HTML for HTML input (no scripts, event handlers or forms), else `null`. */
  html: string | null
  /** Words in `body`. */
  wordCount: number
  /** Every block that was stripped, in document order, with its kind and the reason. */
  removed: RemovedBlock[]
  /** What the input was taken as. */
  mode: Mode
}

/** Bounds on the work one call may do. Every one has a safe default (settings.ts). */
export interface Limits {
  /** Largest input, in bytes (UTF-8 for strings). */
  maxInputBytes: number
  /** Most DOM nodes (elements, text runs, comments) an HTML page may have. */
  maxNodes: number
  /** Deepest element nesting an HTML page may have. */
  maxDepth: number
  /** Most blocks a page may be segmented into. */
  maxBlocks: number
  /** Wall-clock budget for one call, in milliseconds. */
  timeBudgetMs: number
}

/** Options of `extract` and `analyze`; every one may be left out. */
export interface Options {
  /** How to read the input: sniff markup (`auto`, default), or force `html` / `text`. */
  mode?: 'auto' | Mode
  /** The page's address: resolves links, feeds `source` and `url`. */
  url?: string
  /** Charset of byte input when neither a BOM nor the page declares one. */
  charset?: string
  /** Override any of the default limits. */
  limits?: Partial<Limits>
}

/** Everything `analyze` knows about a page: the article and every block with its label. */
export interface Analysis {
  article: Article
  blocks: LabeledBlock[]
}
