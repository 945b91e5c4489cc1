import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast'
import type { Heading, Nodes, Paragraph, Root, RootContent } from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import type { Article } from '../types.js'
import { sanitizeHtml } from './sanitize.js'
import { bodyParagraphs, oneLine } from './text.js'

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions {
  /**
   * Start the document with YAML front matter holding what is known of
   * `title`, `byline`, `source`, `published`, `url` and `lang`
   * (fields that are `null` are left out). Default `false`.
   */
  frontMatter?: boolean
}

const FRONT_MATTER_FIELDS = ['title', 'byline', 'source', 'published', 'url', 'lang'] as const

const STRINGIFY = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  resourceLink: true,
} as const

// One frozen processor per direction: building a unified chain costs more than running it on a short article.
const fromHtml = unified().use(rehypeParse, { fragment: true }).use(firstRowAsHeader).use(rehypeRemark).use(remarkGfm).use(remarkStringify, STRINGIFY).freeze()
const fromMdast = unified().use(remarkGfm).use(remarkStringify, STRINGIFY).freeze()

/**
 * The article as Markdown (GitHub-flavoured: tables, strikethrough), made
 * with unified: the sanitized `article.html` goes through rehype-parse →
 * rehype-remark → remark-gfm → remark-stringify, so headings, lists, tables,
 * code blocks, links, images (with alt text) and block quotes keep their
 * structure. A text-mode article (no `html`) becomes its paragraphs, with
 * every character that Markdown would read as syntax escaped.
 *
 * `article.html` is sanitized again first, so that a hand-built Article
 * cannot smuggle a `javascript:` link or a relative URL into the output.
 *
 * The title comes first as a level-1 heading, unless the body already starts
 * with it. The output never contains raw HTML: markup that Markdown cannot
 * express is reduced to its text. It ends with exactly one newline, and is
 * the empty string for an article with neither a title nor a body.
 *
 * Pure: reads only `article`.
 */
export function toMarkdown(article: Article, options: MarkdownOptions = {}): string {
  const title = oneLine(article.title)
  const html = article.html === null ? '' : sanitizeHtml(article.html, article.url ?? undefined)
  const tree = html.trim() !== '' ? htmlTree(html) : textTree(article)
  const leadingH1 = tree.children[0]?.type === 'heading' && tree.children[0].depth === 1 ? plainText(tree.children[0]) : null
  if (title !== '' && oneLine(leadingH1) !== title) {
    const heading: Heading = { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] }
    tree.children.unshift(heading)
  }
  if (tree.children.length === 0) return ''
  const markdown = String(fromMdast.stringify(tree)).trimEnd() + '\n'
  return options.frontMatter ? frontMatter(article) + markdown : markdown
}

function htmlTree(html: string): Root {
  const tree = fromHtml.runSync(fromHtml.parse(html)) as Root
  return withoutRawHtml(tree)
}

/**
 * A GFM table must have a header row. For a table with no `<th>` and no
 * `<thead>`, rehype-remark makes an empty one; taking the first row as the
 * header instead (as most HTML-to-Markdown converters do) reads as the page did.
 */
function firstRowAsHeader() {
  return (tree: HastRoot): void => {
    const walk = (node: HastRoot | Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        if (child.tagName === 'table') promoteFirstRow(child)
        walk(child)
      }
    }
    walk(tree)
  }
}

function promoteFirstRow(table: Element): void {
  const elements = (nodes: readonly HastContent[]): Element[] => nodes.filter((n): n is Element => n.type === 'element')
  const sections = elements(table.children)
  if (sections.some((s) => s.tagName === 'thead')) return
  const rows = sections.flatMap((s) => (s.tagName === 'tr' ? [s] : s.tagName === 'tbody' || s.tagName === 'tfoot' ? elements(s.children).filter((r) => r.tagName === 'tr') : []))
  if (rows.length === 0 || rows.some((row) => elements(row.children).some((cell) => cell.tagName === 'th'))) return
  for (const cell of elements(rows[0]!.children)) if (cell.tagName === 'td') cell.tagName = 'th'
}

function textTree(article: Article): Root {
  const children: Paragraph[] = bodyParagraphs(article).map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p }] }))
  return { type: 'root', children }
}

/**
 * rehype-remark drops what it cannot map, but an `html` node would be passed
 * through verbatim by remark-stringify; turning any into text (which the
 * stringifier escapes) makes "no raw HTML" hold by construction.
 */
function withoutRawHtml<T extends Nodes>(node: T): T {
  if ('children' in node) {
    node.children = node.children.map((child) =>
      child.type === 'html' ? { type: 'text', value: child.value } : withoutRawHtml(child as Nodes),
    ) as typeof node.children
  }
  return node
}

function plainText(node: Nodes | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return node.children.map((c) => plainText(c)).join('')
  return ''
}

/**
 * Values are written as JSON strings: YAML 1.2 reads every JSON string as a
 * double-quoted scalar, so quotes, colons, `#` and newlines in a title are safe.
 * `<` is written as `\u003c` (the same character to YAML and JSON), so that a
 * Markdown renderer that knows no front matter, and reads these lines as a
 * paragraph, finds no raw HTML in them.
 */
function frontMatter(article: Article): string {
  const lines = FRONT_MATTER_FIELDS.flatMap((field) => {
    const value = oneLine(article[field])
    return value === '' ? [] : [`${field}: ${JSON.stringify(value).replace(/</g, '\\u003c')}`]
  })
  return lines.length === 0 ? '' : `---\n${lines.join('\n')}\n---\n\n`
}
