/**
 * toMarkdown, fixture-driven: each folder of test/fixtures/render-markdown/
 * holds `article.json` (the Article fields that matter; the rest default to
 * empty), optional `options.json`, and `expected.md`. Adding a case needs no code.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { toMarkdown } from '../src/render/markdown.js'
import { articleFrom } from './render-article.js'

const dir = join(import.meta.dirname, 'fixtures', 'render-markdown')
const cases = readdirSync(dir).sort()

function read(name: string, file: string): string | null {
  const path = join(dir, name, file)
  return existsSync(path) ? readFileSync(path, 'utf8') : null
}

/** The kinds of node a CommonMark + GFM reader finds in the output. */
function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>()
  const walk = (node: { type: string; children?: unknown[] }): void => {
    types.add(node.type)
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] })
  }
  walk(unified().use(remarkParse).parse(markdown))
  return types
}

describe('toMarkdown fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  describe.each(cases)('%s', (name) => {
    const article = articleFrom(JSON.parse(read(name, 'article.json')!))
    const optionsText = read(name, 'options.json')
    const options = optionsText === null ? undefined : JSON.parse(optionsText)
    const expected = read(name, 'expected.md')

    it('renders the expected Markdown', () => {
      expect(expected).not.toBeNull()
      expect(toMarkdown(article, options)).toBe(expected)
    })

    it('carries no raw HTML, as a Markdown reader sees it', () => {
      expect(nodeTypes(toMarkdown(article, options))).not.toContain('html')
    })

    it('is pure', () => {
      const copy = structuredClone(article)
      toMarkdown(article, options)
      expect(article).toEqual(copy)
    })
  })
})
