/**
 * One folder per text-mode metadata rule, one test that walks them:
 * test/fixtures/metadata-text/<case>/ holds `input.txt` (a copied page),
 * optionally `options.json` (`{ "url": "…" }`), and `expected.json` with
 * only the Article fields the case is about (`title`, `byline`, `source`,
 * `published`, `description`; exact, null means null). Adding a case needs no code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract } from '../src/index.js'
import type { Article } from '../src/types.js'

const root = join(import.meta.dirname, 'fixtures', 'metadata-text')
const FIELDS = ['title', 'byline', 'source', 'published', 'description'] as const

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name)
  const text = readFileSync(join(dir, 'input.txt'), 'utf8')
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Partial<Article>
  const options = existsSync(join(dir, 'options.json')) ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { url?: string }) : {}

  describe(name, () => {
    const article = extract(text, { mode: 'text', ...options })
    for (const field of FIELDS) {
      if (!(field in expected)) continue
      it(field, () => {
        expect(article[field]).toBe(expected[field])
      })
    }
  })
}
