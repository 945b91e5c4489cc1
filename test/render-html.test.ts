/**
 * toHtml, fixture-driven: each folder of test/fixtures/render-html/ holds
 * `article.json` and `expected.html`. Adding a case needs no code.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { toHtml } from '../src/render/html.js'
import { articleFrom } from './render-article.js'

const dir = join(import.meta.dirname, 'fixtures', 'render-html')
const cases = readdirSync(dir).sort()

describe('toHtml fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  describe.each(cases)('%s', (name) => {
    const article = articleFrom(JSON.parse(readFileSync(join(dir, name, 'article.json'), 'utf8')))
    const html = toHtml(article)

    it('renders the expected document', () => {
      expect(html).toBe(readFileSync(join(dir, name, 'expected.html'), 'utf8'))
    })

    it('is one complete document with the title, and nothing active in it', () => {
      const { document } = parseHTML(html)
      expect(document.querySelectorAll('html')).toHaveLength(1)
      expect(document.querySelector('head meta[charset]')).not.toBeNull()
      expect(document.querySelector('head title')?.textContent).toBe(article.title ?? '')
      expect(document.querySelectorAll('script, style, iframe, object, embed, form, input, button, base')).toHaveLength(0)
      for (const el of document.querySelectorAll('*')) {
        for (const attr of Array.from(el.attributes) as Attr[]) {
          expect(attr.name).not.toMatch(/^on/i)
          if (/^(href|src)$/i.test(attr.name)) expect(attr.value).toMatch(/^(https?:|mailto:|data:image\/)/i)
        }
      }
    })
  })
})
