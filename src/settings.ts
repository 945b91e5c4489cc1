import type { Limits } from './types.js'

/**
 * Every threshold and weight of the pipeline, with the reason for its value.
 * Values were set on the development split of the public benchmarks and on
 * the seeds, and checked on a held-out split by site (see bench/).
 */
export const settings = {
  /** What makes a block running prose (features.ts). */
  prose: {
    /** Shortest prose paragraph, in words: shorter sentences are as often captions and teasers as body. */
    minWords: 10,
    /** A block this long is prose even without a sentence end (a paragraph cut by "…", a list of clauses). */
    longWords: 40,
    /** Prose uses function words; headline lists and menus use few. 0.12 keeps terse news prose. */
    minStopwordRatio: 0.12,
    /** Unspaced scripts (zh, ja, th) are measured in characters: 25 is about a 10-word sentence. */
    minCharsUnspaced: 25,
    longCharsUnspaced: 80,
    /** Unspaced scripts: this many space-separated pieces of at most this many characters on average are a menu line. */
    minListPiecesUnspaced: 6,
    maxListPieceCharsUnspaced: 4,
    /** HTML: prose is written, not linked; teaser cards are mostly link text. */
    maxLinkDensity: 0.5,
    /** Below this many words a block is one sentence at most: retext is not run. */
    minWordsForSentences: 6,
  },
  /** Values of blocks in the maximum-sum search for the article region (select.ts). */
  region: {
    /** A short block with a sentence end: a one-line paragraph or a caption, worth half its words. */
    shortSentenceWeight: 0.5,
    /** Fewest words of a short sentence that counts for the region at all. */
    shortSentenceMinWords: 4,
    /** Cost of an un-cued, non-prose block: menus and teaser lists are many such blocks in a row. */
    plainCost: 2,
    /** Extra cost per word of a non-prose block, so long headline lists cost more than lone labels. */
    plainCostPerWord: 0.25,
    /** Cost of a short line that reads as text (function words, inner punctuation): lists and fact lines in articles. */
    textualCost: 0.5,
    textualMinWords: 3,
    /** Cost of a block that a cue marks as chrome inside a page (an ad label, a share row). */
    cuedCost: 3,
    /**
     * Cost of a block that closes an article (legal notice, comments, author box, newsletter,
     * a related-stories header), as a share of the core's words, and its floor: what follows
     * such a block joins the article only if it outweighs a good part of it.
     */
    wallShare: 0.3,
    /**
     * Related-stories and sign-up boxes cost less (a share of the core's words, and a floor):
     * they stand inside articles as often as after them.
     */
    softWallShare: 0.08,
    softWallCost: 12,
    wallMin: 40,
    /**
     * Cohesion relative to the core's median: below `cohesionZero` a prose block counts
     * against the region, above `cohesionFull` fully for it. Teasers of other stories
     * measured 0–0.2 of the article's median on the seeds; body paragraphs rarely below 0.4.
     */
    cohesionZero: 0.25,
    cohesionFull: 0.5,
    /**
     * HTML: blocks that the second candidate (Readability) keeps get their cost waived and
     * prose a bonus; prose it leaves out counts less. Readability is right about the region
     * far more often than not, but keeps chrome inside it, which the cues then remove.
     */
    candidateProseWeight: 1.2,
    outsideCandidateProseWeight: 0.6,
    candidatePlainValue: 0.5,
    /** HTML: a block inside an element whose class says share/related/comments costs like a cued one. */
    hintedProseWeight: 0.3,
    /** Prose below a comments heading or form counts this much: it is most likely the thread. */
    afterCommentsWeight: 0.15,
    /**
     * HTML: when Readability keeps at least this share of the region's prose, it agrees on
     * where the article is, and a non-prose block between the paragraphs that it dropped is chrome.
     */
    candidateAgreement: 0.7,
    /**
     * HTML: Readability's article is a box of chrome (an author bio, a comment thread) when at
     * least this share of its words sits in elements whose class names such a box.
     */
    chromeCandidateShare: 0.8,
    /** …counting the class tokens of the block and its nearest ancestors only: far up, a name describes the page. */
    chromeCandidateHintReach: 6,
    /**
     * HTML: how many class tokens up an embed class (`twitter-tweet`) marks a block as part of an
     * embedded post; further up, "embed" names a page section (`callout--asset-embed`), not the post.
     */
    embedHintReach: 3,
    /** The closing run of cued blocks is chrome only while it is a small part of the region's prose. */
    maxTailShare: 0.3,
    /** Repeated paragraphs count as carousel teasers while they are less than this share of the page's prose… */
    maxRepeatedProseShare: 0.5,
    /** …and while the copies stand at most this many blocks apart (a slider's clones are close together). */
    carouselReach: 12,
    /** Fewest prose blocks in the core for cohesion to be measured at all. */
    minCoreBlocksForCohesion: 5,
    /** HTML: the least a prose block that Readability keeps counts for the region, whatever its cohesion. */
    candidateMinCohesionWeight: 0.5,
    /** Floor for the median, so that a core of unrelated snippets does not make everything look cohesive. */
    minTypicalCohesion: 0.1,
    /** The most a wholly unrelated prose block counts against the region, per word. */
    incoherentPenalty: 0.5,
  },
  /**
   * HTML: a navigation class token (`sidebar-wrapper`) on the ancestors of more than this share of
   * the page's prose names a layout wrapper around the article, not a menu (classify.ts).
   */
  layoutHintShare: 0.7,
  /**
   * A grid of story cards (classify.ts): sibling elements that each hold one
   * linked headline and a short summary of another story.
   */
  teaserGrid: {
    /** Fewest cards that make a grid: one or two linked items with a note are a "see also" inside an article. */
    minCards: 3,
    /** A linked headline: this share of its text is link text, and it has this many words. */
    headlineLinkDensity: 0.9,
    minHeadlineWords: 3,
    maxHeadlineWords: 20,
    /** A summary: a block of this many words, mostly not link text. */
    minSummaryWords: 8,
    /** A card is a teaser, not a section of the article: at most this many words in all. */
    maxCardWords: 120,
    /** How many levels above a headline's container a card may begin. */
    maxLevelsUp: 4,
    /**
     * A grid whose cards hold this share of the page's prose is its content, not
     * chrome beside it: a roundup of linked items, a listing page. Teaser grids
     * on the development pages held at most 0.73 (a news list under a short page).
     */
    maxProseShare: 0.8,
  },
  /** HTML: figure captions and photo credits (classify.ts). */
  caption: {
    /** Longer "captions" are pages that misuse <figcaption> for their text. */
    maxWords: 40,
    /** Caption classes sit on the block or its figure: look this many class tokens up. */
    nearestHints: 6,
  },
  cohesion: {
    /** Content words are compared on their first letters: a cheap stemmer for inflected languages. */
    stemLength: 6,
  },
  /** Header of the article (metadata/text.ts). */
  header: {
    /** How many blocks above the article's first paragraph the title may stand. */
    titleSearch: 8,
    /** How many blocks above the body a headline with evidence may stand (past share rows, paywall prompts, captions). */
    titleReach: 25,
    /** Each block of distance from the body costs this much of the headline's evidence. */
    titleDistanceCost: 0.02,
    /** Evidence (share of words in the address, plus share in the body) a headline must have to beat a nearer one. */
    minTitleEvidence: 0.3,
    /** A headline is 3–30 words; shorter is a label, longer a paragraph. */
    titleMinWords: 2,
    titleMaxWords: 30,
    /** A dek is one or two sentences: longer is the lead paragraph. */
    dekMaxWords: 45,
    /** Bylines are short: names, maybe a role and a place. */
    bylineMaxWords: 12,
  },
  /**
   * HTML: pages whose shape makes Readability (the second candidate) slow get no second
   * opinion. Readability walks subtrees of elements again and again, so its cost grows with
   * the sum of element depths, and faster still with depth alone (on linkedom: 0.5 s for one
   * 256-deep chain of divs, over 10 s at 900; 7 s for 190k nodes nested 32 deep). The largest
   * of the 580 dataset pages has 29k nodes, nests 51 deep and sums to 148k: these bounds are
   * 2.5–4 times that, so no real page loses its candidate.
   */
  candidate: {
    maxNodes: 120_000,
    maxDepth: 128,
    maxNesting: 600_000,
  },
  /** Default limits (types.ts Limits); every one can be overridden in options.limits. */
  limits: {
    /** 20 MB: ten times the largest news page we have seen, far below what a process holds. */
    maxInputBytes: 20 * 1024 * 1024,
    /** Nodes of all kinds: the largest of the 580 dataset pages has 29k; 200k is a generated or hostile page. */
    maxNodes: 200_000,
    /** Real pages nest under 100 deep; parsers and walkers must stay bounded. */
    maxDepth: 1_000,
    maxBlocks: 50_000,
    /**
     * An average page takes tens of milliseconds, but the largest page `maxInputBytes` admits
     * (20 MB) takes about 12 s on one core here: the budget must let an admitted page finish.
     */
    timeBudgetMs: 30_000,
  } satisfies Limits,
} as const
