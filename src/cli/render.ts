import { styleText } from 'node:util'
import { CHROME_KINDS, analyze, extract, toHtml, toMarkdown, toText } from '../index.js'
import type { Analysis, Article, Label, Options } from '../index.js'
import type { Format } from './args.js'
import { type Failure, failureOf } from './failure.js'

/** One page to decant: what it is called in output and errors, its content, and options of its own (url, charset). */
export interface Job {
  input: string
  data: Uint8Array | string
  options: Options
}

/** How outputs are written; plain data, so that workers get it too. */
export interface Style {
  format: Format
  explain: boolean
  frontMatter: boolean
  /** One compact JSON line per input, with an `input` field. */
  batch: boolean
  /** ANSI colour in the --explain table. */
  color: boolean
}

export type Outcome = { ok: true; text: string } | { ok: false; failure: Failure }

/** Extracts and renders one page; every failure becomes a value, so that a batch goes on. */
export function decantJob(job: Job, style: Style): Outcome {
  try {
    if (!style.explain) return { ok: true, text: render(job.input, extract(job.data, job.options), null, style) }
    const analysis = analyze(job.data, job.options)
    return { ok: true, text: render(job.input, analysis.article, analysis, style) }
  } catch (err) {
    return { ok: false, failure: failureOf(err) }
  }
}

function render(input: string, article: Article, analysis: Analysis | null, style: Style): string {
  if (style.format === 'json' || style.format === 'jsonl') {
    const value = analysis === null ? article : { ...article, blocks: analysis.blocks.map(({ index, label, score, reason, text }) => ({ index, label, score, reason, text })) }
    return style.batch ? JSON.stringify({ input, ...value }) + '\n' : JSON.stringify(value, null, 2) + '\n'
  }
  if (analysis !== null) return explainTable(analysis, style.color)
  if (style.format === 'markdown') return toMarkdown(article, { frontMatter: style.frontMatter })
  if (style.format === 'html') return toHtml(article)
  return toText(article)
}

const LABEL_WIDTH = Math.max('body'.length, ...CHROME_KINDS.map((k) => k.length))
const SNIPPET = 70

function snippet(text: string): string {
  const chars = Array.from(text)
  const cut = chars.length > SNIPPET ? chars.slice(0, SNIPPET - 1).join('') + '…' : text
  return cut.padEnd(SNIPPET)
}

/** Body stands out, what reads as metadata is one colour, the rest of the chrome recedes. */
function paint(label: Label, text: string, color: boolean): string {
  if (!color) return text
  if (label === 'body') return styleText(['bold', 'green'], text)
  if (label === 'title' || label === 'byline' || label === 'dateline' || label === 'description') return styleText('cyan', text)
  return styleText('yellow', text)
}

/** One line per block: index, label, score, the start of its text, and why. */
export function explainTable(analysis: Analysis, color: boolean): string {
  const { blocks } = analysis
  const width = String(Math.max(0, blocks.length - 1)).length
  return blocks
    .map((b) => {
      const label = paint(b.label, b.label.padEnd(LABEL_WIDTH), color)
      const reason = color ? styleText('dim', b.reason) : b.reason
      return `${String(b.index).padStart(width)}  ${label}  ${b.score.toFixed(2)}  ${snippet(b.text)}  ${reason}\n`
    })
    .join('')
}
