import { classify } from './classify.js'
import { DecantError } from './errors.js'
import { computeFeatures } from './features.js'
import { type BlockMetadata, readBlockMetadata } from './metadata/text.js'
import { type Region, select } from './select.js'
import { segmentText } from './segment/text.js'
import { settings } from './settings.js'
import { detectLanguage } from './text/lang.js'
import { words } from './text/words.js'
import type { Analysis, Article, Block, LabeledBlock, Limits, Mode, Options } from './types.js'

/**
 * The stages in the order the data flows:
 * decode → segment → features → classify → select → metadata → Article.
 */

/** Checks the clock between stages: a page that takes too long is abandoned with TIMEOUT. */
export class Budget {
  private readonly deadline: number

  constructor(readonly limits: Limits) {
    this.deadline = Date.now() + limits.timeBudgetMs
  }

  check(stage: string): void {
    if (Date.now() > this.deadline) {
      throw new DecantError('TIMEOUT', `gave up during ${stage}: the page took longer than ${this.limits.timeBudgetMs} ms`)
    }
  }
}

export function resolveLimits(options: Options): Limits {
  const limits: Limits = { ...settings.limits, ...options.limits }
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !(value > 0)) {
      throw new DecantError('BAD_INPUT', `options.limits.${key} must be a positive number`)
    }
  }
  return limits
}

/** Language of the page, judged on its longest blocks (the prose, not the menus). */
export function pageLanguage(blocks: Block[]): string | null {
  const longest = blocks
    .filter((b) => b.text.length >= 40)
    .sort((a, b) => b.text.length - a.text.length)
    .slice(0, 20)
  return detectLanguage(longest.map((b) => b.text).join('\n'))
}

/** Blocks → labelled blocks and the metadata they carry: the part both paths share. */
export function labelBlocks(blocks: Block[], budget: Budget, url?: string | null): { blocks: LabeledBlock[]; region: Region | null; metadata: BlockMetadata; lang: string | null } {
  const lang = pageLanguage(blocks)
  budget.check('language detection')
  const evidence = computeFeatures(blocks, { lang })
  budget.check('features')
  const classified = classify(blocks, evidence)
  const selected = select(classified)
  budget.check('selection')
  const { metadata, blocks: labelled } = readBlockMetadata(selected.blocks, selected.region, { url, lang })
  return { blocks: labelled, region: selected.region, metadata, lang }
}

export function assembleArticle(
  blocks: LabeledBlock[],
  fields: BlockMetadata & { lang: string | null; url: string | null; html: string | null },
  mode: Mode,
): Article {
  const paragraphs = blocks.filter((b) => b.label === 'body').map((b) => b.text)
  const body = paragraphs.join('\n\n')
  const bodyLang = fields.lang ?? detectLanguage(body)
  return {
    title: fields.title,
    byline: fields.byline,
    source: fields.source,
    published: fields.published,
    lang: bodyLang,
    description: fields.description,
    url: fields.url,
    body,
    paragraphs,
    html: fields.html,
    wordCount: words(body, bodyLang).length,
    removed: blocks.filter((b) => b.label !== 'body').map((b) => ({ kind: b.label as Exclude<typeof b.label, 'body'>, text: b.text, reason: b.reason })),
    mode,
  }
}

export function analyzeText(text: string, options: Options, budget: Budget): Analysis {
  const blocks = segmentText(text, budget.limits)
  budget.check('segmentation')
  const { blocks: labelled, metadata } = labelBlocks(blocks, budget, options.url)
  // The language of the article is judged on its body, not on the menus around it.
  const article = assembleArticle(labelled, { ...metadata, lang: null, url: options.url ?? null, html: null }, 'text')
  return { article, blocks: labelled }
}
