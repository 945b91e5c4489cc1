/**
 * The elements the metadata readers ask about, gathered in one walk of the
 * document. On linkedom every `querySelectorAll` walks the whole tree again;
 * the readers asked a dozen times per page (meta, script, title, h1, h2,
 * time, …), which cost more than everything else they do.
 */

/** Tags whose elements are listed: the ones the metadata readers look up by tag. */
const LISTED_TAGS = ['meta', 'script', 'title', 'h1', 'h2', 'time', 'article', 'base', 'link'] as const
export type ListedTag = (typeof LISTED_TAGS)[number]

/** Attributes that make an element a candidate for the hint-driven searches (bylines, dates). */
const HINT_ATTRIBUTES = ['class', 'id', 'rel', 'itemprop', 'data-testid'] as const

export interface ElementIndex {
  /** Elements with this tag, in document order. */
  byTag(tag: ListedTag): readonly Element[]
  /** Elements with any of class, id, rel, itemprop or data-testid, in document order. */
  hinted: readonly Element[]
  /** Elements whose `itemprop` has this token (case-sensitive, as `[itemprop~="…"]`), in document order. */
  byItemprop(token: string): readonly Element[]
}

const LISTED: ReadonlySet<string> = new Set(LISTED_TAGS)

export function indexElements(doc: Document): ElementIndex {
  const tags = new Map<string, Element[]>()
  const hinted: Element[] = []
  const itemprops = new Map<string, Element[]>()
  // Iterative pre-order walk: document order, and no recursion depth to worry about.
  const stack: Element[] = []
  for (let el = doc.lastElementChild; el; el = el.previousElementSibling) stack.push(el)
  while (stack.length > 0) {
    const el = stack.pop()!
    const tag = el.localName.toLowerCase()
    if (LISTED.has(tag)) {
      const list = tags.get(tag)
      if (list) list.push(el)
      else tags.set(tag, [el])
    }
    if (HINT_ATTRIBUTES.some((name) => el.hasAttribute(name))) hinted.push(el)
    const itemprop = el.getAttribute('itemprop')
    if (itemprop) {
      for (const token of new Set(itemprop.split(/\s+/))) {
        if (!token) continue
        const list = itemprops.get(token)
        if (list) list.push(el)
        else itemprops.set(token, [el])
      }
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child)
  }
  return {
    byTag: (tag) => tags.get(tag) ?? [],
    hinted,
    byItemprop: (token) => itemprops.get(token) ?? [],
  }
}
