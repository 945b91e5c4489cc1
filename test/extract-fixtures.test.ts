/**
 * One folder per rule, one test that walks them (as Readability's test-pages):
 * test/fixtures/extract/<case>/ holds `input.txt` (text mode) or `page.html`
 * (HTML mode), optionally `options.json`, and `expected.json` with any of:
 *
 * - `title`, `byline`, `source`, `published`, `description`, `lang`: exact (null means null)
 * - `bodyIncludes` / `bodyExcludes`: substrings that must / must not be in the body
 * - `htmlIncludes`: substrings of the article's sanitized HTML (HTML mode)
 * - `labels`: `{ text, label }` pairs: the block with that text gets that label
 *
 * Adding a case needs no code. Name the folder after what it shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import type { Options } from '../src/types.js'

interface Expected {
  title?: string | null
  byline?: string | null
  source?: string | null
  published?: string | null
  description?: string | null
  lang?: string | null
  bodyIncludes?: string[]
  bodyExcludes?: string[]
  htmlIncludes?: string[]
  labels?: Array<{ text: string; label: string }>
}

const root = join(import.meta.dirname, 'fixtures', 'extract')
const fold = (text: string) => text.replace(/\s+/g, ' ').trim()
const FIELDS = ['title', 'byline', 'source', 'published', 'description', 'lang'] as const

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name)
  const htmlPath = join(dir, 'page.html')
  const isHtml = existsSync(htmlPath)
  const input = readFileSync(isHtml ? htmlPath : join(dir, 'input.txt'), 'utf8')
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  const extra = existsSync(join(dir, 'options.json')) ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as Options) : {}

  describe(name, () => {
    const { article, blocks } = analyze(input, { mode: isHtml ? 'html' : 'text', ...extra })

    for (const field of FIELDS) {
      if (!(field in expected)) continue
      it(`reads ${field}`, () => {
        expect(article[field]).toBe(expected[field])
      })
    }
    for (const text of expected.bodyIncludes ?? []) {
      it(`keeps "${text.slice(0, 40)}" in the body`, () => {
        expect(fold(article.body)).toContain(fold(text))
      })
    }
    for (const text of expected.bodyExcludes ?? []) {
      it(`strips "${text.slice(0, 40)}" from the body`, () => {
        expect(fold(article.body)).not.toContain(fold(text))
      })
    }
    for (const text of expected.htmlIncludes ?? []) {
      it(`keeps "${text.slice(0, 40)}" in the html`, () => {
        expect(fold(article.html ?? '')).toContain(fold(text))
      })
    }
    for (const { text, label } of expected.labels ?? []) {
      it(`labels "${text.slice(0, 40)}" as ${label}`, () => {
        const block = blocks.find((b) => b.text === fold(text))
        expect(block, `no block has the text "${text}"`).toBeDefined()
        expect({ label: block!.label, reason: block!.reason }).toMatchObject({ label })
      })
    }
  })
}
