/**
 * The public evaluation sets as lists of pages (layout: ../shared/datasets/README.md).
 * Files are read lazily, so that a run holds one page at a time and the
 * timing covers extraction only.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

export type DatasetKind = 'aeb' | 'traf'
export type Mode = 'html' | 'text'
export type Split = 'dev' | 'holdout' | 'all'

/** AEB scores the body against a whole text, trafilatura against snippets. */
export type Gold = { kind: 'aeb'; articleBody: string } | { kind: 'traf'; with: string[]; without: string[] }

export interface Page {
  key: string
  url: string | undefined
  /** Hostname without `www.`, or the file name when the page has no URL: what the split hashes. */
  site: string
  gold: Gold
  /** HTML mode: the page's bytes; text mode: the copied text. Throws when the file is missing. */
  load(): Uint8Array | string
}

/** Where the sets are under a directory that is a dataset root, or one of the sets itself. */
export function findDatasets(dir: string): Partial<Record<DatasetKind, string>> {
  const found: Partial<Record<DatasetKind, string>> = {}
  if (existsSync(join(dir, 'ground-truth.json'))) found.aeb = dir
  else if (existsSync(join(dir, 'aeb', 'ground-truth.json'))) found.aeb = join(dir, 'aeb')
  if (existsSync(join(dir, 'evaldata.json'))) found.traf = dir
  else if (existsSync(join(dir, 'traf', 'evaldata.json'))) found.traf = join(dir, 'traf')
  return found
}

function siteOf(url: string | undefined, fallback: string): string {
  if (url) {
    try {
      return new URL(url).hostname.toLowerCase().replace(/^www\./, '')
    } catch {
      // not a URL: fall through
    }
  }
  return fallback
}

/**
 * `holdout` when the first 32 bits of sha1(site) are 0 mod 4: pages of one
 * site stay on one side, so tuning on `dev` cannot learn a site's template
 * and still look good on `holdout`.
 */
export function splitOf(site: string): Exclude<Split, 'all'> {
  return createHash('sha1').update(site).digest().readUInt32BE(0) % 4 === 0 ? 'holdout' : 'dev'
}

function validUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    new URL(url)
    return url
  } catch {
    return undefined
  }
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
const gunzip = (path: string): Uint8Array => new Uint8Array(gunzipSync(readFileSync(path)))

/** Whether a set has the files for a mode (aeb/text or traf/text may be absent from a copy). */
export function hasMode(root: string, kind: DatasetKind, mode: Mode): boolean {
  if (mode === 'html') return existsSync(join(root, 'html'))
  return kind === 'aeb' ? existsSync(join(root, 'text')) : existsSync(join(root, 'text', 'index.json'))
}

/** The pages of one set in one mode, sorted by key (so that `--limit` is deterministic), filtered by split. */
export function listPages(root: string, kind: DatasetKind, mode: Mode, split: Split = 'all'): Page[] {
  const pages = kind === 'aeb' ? aebPages(root, mode) : trafPages(root, mode)
  return pages.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).filter((p) => split === 'all' || splitOf(p.site) === split)
}

function aebPages(root: string, mode: Mode): Page[] {
  const truth = readJson<Record<string, { articleBody: string; url?: string }>>(join(root, 'ground-truth.json'))
  return Object.entries(truth).map(([key, t]) => {
    const url = validUrl(t.url)
    return {
      key,
      url,
      site: siteOf(url, key),
      gold: { kind: 'aeb', articleBody: t.articleBody ?? '' },
      load: () => (mode === 'html' ? gunzip(join(root, 'html', `${key}.html.gz`)) : readFileSync(join(root, 'text', `${key}.txt`), 'utf8')),
    }
  })
}

interface TrafEntry {
  file: string
  with?: Array<string | null>
  without?: Array<string | null>
}

function trafPages(root: string, mode: Mode): Page[] {
  const evaldata = readJson<Record<string, TrafEntry>>(join(root, 'evaldata.json'))
  const index = mode === 'text' ? readJson<Record<string, string>>(join(root, 'text', 'index.json')) : {}
  return Object.entries(evaldata).map(([key, e]) => {
    // `hard::<file>` keys carry no address: the page is known by its file name.
    const url = key.startsWith('hard::') ? undefined : validUrl(key)
    const strings = (list: Array<string | null> | undefined) => (list ?? []).filter((s): s is string => typeof s === 'string')
    return {
      key,
      url,
      site: siteOf(url, e.file),
      gold: { kind: 'traf', with: strings(e.with), without: strings(e.without) },
      load: () => {
        if (mode === 'html') return gunzip(join(root, 'html', `${e.file}.gz`))
        const txt = index[key]
        if (!txt) throw new Error(`no text rendering of ${key} in traf/text/index.json`)
        return readFileSync(join(root, 'text', txt), 'utf8')
      },
    }
  })
}
