/**
 * Systems run side by side with decant on the same pages: Readability.js on
 * jsdom for HTML (what users would otherwise reach for), and "the whole page
 * is the body" for copied text (the floor any extractor must beat).
 */
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { decode } from '../src/decode.js'
import type { MetaFields } from './metadata.js'

export interface PeerOutput {
  text: string
  /** Why the output is empty when the peer gave nothing: `null result` or the exception's message. */
  failure?: string
  /** What the peer says about the page's title, byline and date, when it reads them. */
  meta?: MetaFields
}

export interface Peer {
  name: string
  run(input: Uint8Array | string, url: string | undefined): PeerOutput
}

/** A silent console: jsdom would print every CSS it cannot parse. */
const quiet = new VirtualConsole()

export const readabilityPeer: Peer = {
  name: 'readability',
  run(input, url) {
    // decant decodes the bytes itself, so the peer's time includes decoding too.
    const html = typeof input === 'string' ? input : decode(input).text
    const dom = new JSDOM(html, { url, virtualConsole: quiet })
    try {
      const parsed = new Readability(dom.window.document).parse()
      if (!parsed) return { text: '', failure: 'null result' }
      return { text: parsed.textContent ?? '', meta: { title: parsed.title || null, byline: parsed.byline || null, published: parsed.publishedTime || null } }
    } finally {
      dom.window.close()
    }
  },
}

export const wholePagePeer: Peer = {
  name: 'whole page',
  run(input) {
    return { text: typeof input === 'string' ? input : decode(input).text }
  },
}
