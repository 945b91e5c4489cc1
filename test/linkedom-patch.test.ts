/**
 * decant parses with a patched linkedom (patches/linkedom+0.18.15.patch,
 * applied by patch-package when the project is installed, then bundled into
 * dist/). Stock linkedom gives every node a listener Map and a WeakMap entry
 * when it is made; the patch makes them on the first addEventListener. On the
 * AEB pages that halves the parse and takes a tenth off a whole extraction
 * (measured in the benchmark). These tests check that events still work and
 * that the built package carries the patched copy, not the stock one.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')

/** The source of linkedom's DOMEventTarget class as it stands in `code`, from the class to its first method. */
function eventTargetClass(code: string): string | undefined {
  const start = code.search(/(?:class DOMEventTarget\b|DOMEventTarget = class\b)/)
  if (start < 0) return undefined
  const end = code.indexOf('_getParent()', start)
  return code.slice(start, end)
}

describe('the patched linkedom', () => {
  it('still delivers events to listeners, bubbling, and stops after removal', () => {
    const { document, Event } = parseHTML('<html><body><div id="outer"><p id="inner">x</p></div></body></html>')
    const outer = document.getElementById('outer')!
    const inner = document.getElementById('inner')!
    const heard: string[] = []
    const onInner = (): void => void heard.push('inner')
    outer.addEventListener('ping', () => heard.push('outer'))
    inner.addEventListener('ping', onInner)
    inner.dispatchEvent(new Event('ping', { bubbles: true }))
    inner.removeEventListener('ping', onInner)
    inner.dispatchEvent(new Event('ping', { bubbles: true }))
    // A node that never had a listener: removing and dispatching are no-ops.
    const quiet = document.createElement('span')
    quiet.removeEventListener('ping', onInner)
    expect(quiet.dispatchEvent(new Event('ping'))).toBe(true)
    expect(heard).toEqual(['inner', 'outer', 'outer'])
  })

  it('is installed: node_modules holds the patched copy', () => {
    for (const flavour of ['esm', 'cjs']) {
      const source = readFileSync(join(root, 'node_modules', 'linkedom', flavour, 'interface', 'event-target.js'), 'utf8')
      const eventTarget = eventTargetClass(source)
      expect(eventTarget, flavour).toBeDefined()
      expect(eventTarget, flavour).not.toMatch(/new Map/)
    }
  })

  it('is the copy in every built file that holds a DOM', () => {
    const dist = join(root, 'dist')
    const withDom = readdirSync(dist)
      .filter((name) => /\.c?js$/.test(name))
      .filter((name) => eventTargetClass(readFileSync(join(dist, name), 'utf8')) !== undefined)
    expect(withDom).toEqual(expect.arrayContaining(['index.js', 'index.cjs']))
    for (const name of withDom) expect(eventTargetClass(readFileSync(join(dist, name), 'utf8')), name).not.toMatch(/new Map/)
  })
})
