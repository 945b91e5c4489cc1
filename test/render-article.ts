import type { Article } from '../src/types.js'

/** A whole Article from the fields a render fixture gives; the others empty, as `extract` leaves them. */
export function articleFrom(fields: Partial<Article>): Article {
  const paragraphs = fields.paragraphs ?? []
  return {
    title: null,
    byline: null,
    source: null,
    published: null,
    lang: null,
    description: null,
    url: null,
    body: paragraphs.join('\n\n'),
    paragraphs,
    html: null,
    wordCount: 0,
    removed: [],
    mode: 'text',
    ...fields,
  }
}
