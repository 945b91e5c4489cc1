import { analyse } from 'chardet'
import { DecantError } from './errors.js'

/**
 * Bytes → string. The charset comes from, in order:
 *   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
 *   2. the page's own declaration in its first 4 KB (`<meta charset>`,
 *      `<meta http-equiv="Content-Type" content="…; charset=…">`, an XML
 *      declaration's `encoding`), found by a prescan in the spirit of WHATWG's;
 *   3. `fallbackCharset` (the caller's `options.charset`);
 *   4. detection: valid UTF-8 is UTF-8, else chardet's guess when it is
 *      confident, else windows-1252 (the web's default for legacy pages).
 * Bytes without a BOM that are not text at all (an image, a compressed
 * stream, NUL bytes) are refused with BAD_INPUT rather than decoded into a
 * page of mojibake.
 * Labels are resolved by TextDecoder, so WHATWG aliases (gb2312 → gbk,
 * iso-8859-1 → windows-1252, …) come for free.
 *
 * A declaration is evidence, not law: pages that declare UTF-8 but are
 * windows-1252, or declare a legacy charset but are UTF-8 (a server that
 * re-encoded the page without touching its meta), are common, and both would
 * otherwise come out as replacement characters or mojibake.
 */

export interface Decoded {
  text: string
  /** The WHATWG name of the encoding used (`utf-8`, `windows-1252`, `gbk`, …). */
  charset: string
}

/** How far the prescan looks for a declaration (WHATWG says 1024; real pages put long scripts first). */
const PRESCAN_BYTES = 4096
/** How many bytes the detector samples: enough for its statistics, bounded for speed. */
const DETECT_SAMPLE_BYTES = 64 * 1024
/**
 * chardet's confidence (0–100) above which a single-byte guess is taken over
 * windows-1252. Its Latin guesses on short or markup-heavy input are weak
 * (French text scores ~30 as ISO-8859-1 and ~18 as windows-1257), so only a
 * clear verdict (Cyrillic, Greek, Hebrew, … text) overrides the default.
 */
const SINGLE_BYTE_CONFIDENCE = 50
/**
 * Multi-byte encodings have a byte structure that random text rarely fits,
 * so a guess that also decodes without error needs less confidence.
 */
const MULTI_BYTE_CONFIDENCE = 10
/**
 * A page is taken as UTF-8 despite invalid bytes when its valid multi-byte
 * sequences outnumber the invalid ones by this factor: a UTF-8 page with a
 * few stray legacy bytes reads far better as UTF-8 than as windows-1252.
 */
const MOSTLY_UTF8_RATIO = 10

const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr'])

/**
 * WHATWG windows-1252 for bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D map
 * to themselves). Node 20's TextDecoder('windows-1252') decodes those bytes
 * as Latin-1 C1 controls, losing curly quotes, dashes, € and ™; this table
 * repairs its output (a no-op on a runtime whose decoder is right).
 */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80]!))
}

/** The WHATWG encoding name for a label, or null when TextDecoder does not know it. */
export function resolveCharset(label: string): string | null {
  const trimmed = label.trim().replace(/^["']|["']$/g, '')
  if (!trimmed) return null
  // WHATWG maps x-user-defined to a private-use decoder Node lacks; browsers
  // treat pages declaring it as windows-1252 in practice.
  if (trimmed.toLowerCase() === 'x-user-defined') return 'windows-1252'
  try {
    return new TextDecoder(trimmed).encoding
  } catch {
    return null
  }
}

/** Charset and length of a byte order mark at the start, if any. */
export function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 }
  return null
}

/** Reads `name=value` attributes of one tag's attribute text (quoted, unquoted or bare). */
function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>()
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g
  for (const m of source.matchAll(re)) {
    const name = m[1]!.toLowerCase()
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? '')
  }
  return out
}

/** WHATWG "extract a character encoding from a meta element": `text/html; charset=…`. */
export function charsetFromContentType(content: string): string | null {
  const m = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content)
  if (!m) return null
  return (m[1] ?? m[2] ?? m[3] ?? '').trim() || null
}

/**
 * The charset label the page declares in its first bytes, or null. Comments
 * are skipped so that a commented-out meta does not count; the first meta
 * that declares something wins, as in browsers.
 */
export function prescanCharset(bytes: Uint8Array): string | null {
  // windows-1252 maps each byte to one code unit, so ASCII markup reads as-is
  // whatever the real charset (all the charsets meant here are ASCII-compatible).
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES))
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head)
  const re = /<!--[\s\S]*?(?:-->|$)|<meta[\s/]([^>]*)>?/gi
  for (const m of head.matchAll(re)) {
    if (m[1] === undefined) continue
    const attrs = attributes(m[1])
    const charset = attrs.get('charset')
    if (charset && charset.trim()) return charset.trim()
    const equiv = attrs.get('http-equiv')
    const content = attrs.get('content')
    if (equiv && equiv.trim().toLowerCase() === 'content-type' && content) {
      const found = charsetFromContentType(content)
      if (found) return found
    }
  }
  return xml ? xml[1]!.trim() : null
}

/** Counts of a UTF-8 scan: valid multi-byte sequences and invalid bytes. */
export interface Utf8Scan {
  multiByte: number
  invalid: number
  /** Offsets of the invalid bytes (all of them while there are at most MAX_REPAIRS). */
  invalidAt: number[]
}

/** Most stray bytes that decoding repairs one by one; past that the page is not "mostly UTF-8" anyway. */
const MAX_REPAIRS = 4096

/**
 * Scans bytes as UTF-8 without decoding. An incomplete sequence cut off at
 * the very end is not counted as invalid (truncated downloads are common).
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0
  let invalid = 0
  const invalidAt: number[] = []
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      // Overlongs (E0 80–9F) and surrogates (ED A0–BF) are invalid.
      min = b === 0xe0 ? 0xa0 : 0x80
      if (b === 0xed) max = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = b === 0xf0 ? 0x90 : 0x80
      if (b === 0xf4) max = 0x8f
    } else {
      if (invalid++ < MAX_REPAIRS) invalidAt.push(i)
      i++
      continue
    }
    const end = Math.min(n, i + need + 1)
    let ok = true
    for (let k = i + 1; k < end; k++) {
      const c = bytes[k]!
      const lo = k === i + 1 ? min : 0x80
      const hi = k === i + 1 ? max : 0xbf
      if (c < lo || c > hi) {
        ok = false
        break
      }
    }
    if (!ok) {
      if (invalid++ < MAX_REPAIRS) invalidAt.push(i)
      i++
      continue
    }
    // Ran off the end mid-sequence: a truncation, not an error.
    if (end < i + need + 1) break
    multiByte++
    i = end
  }
  return { multiByte, invalid, invalidAt }
}

/** Signatures of the binary formats most often handed in by mistake (a saved image, a compressed download). */
const SIGNATURES: [string, number[]][] = [
  ['a gzip stream (decompress it first)', [0x1f, 0x8b]],
  ['a zstd stream (decompress it first)', [0x28, 0xb5, 0x2f, 0xfd]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]],
]
/** WHATWG MIME sniffing's resource header: how many bytes decide "binary". */
const SNIFF_BYTES = 1445
/**
 * WHATWG's "binary data bytes" (C0 controls other than tab, newlines, form
 * feed, carriage return and escape). One stray control byte pasted into a
 * page is tolerated; text has almost none, compressed or image data about 10%.
 */
const MAX_BINARY_SHARE = 0.01

function isBinaryByte(b: number): boolean {
  return b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)
}

/**
 * What the bytes are when they are not text (a known signature, or control
 * bytes where text has none: a NUL, or more than 1% of the first 1445 bytes),
 * else null. Bytes with a BOM are text by declaration and are not asked.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) return name
  }
  const head = bytes.subarray(0, SNIFF_BYTES)
  let controls = 0
  for (const b of head) {
    if (b === 0) return 'binary data (it has NUL bytes; UTF-16 text needs a byte order mark)'
    if (isBinaryByte(b)) controls++
  }
  return controls > Math.max(1, head.length * MAX_BINARY_SHARE) ? 'binary data (it has control bytes that text does not)' : null
}

/** Does the text decode in this charset without a single error? */
function decodesCleanly(bytes: Uint8Array, charset: string): boolean {
  try {
    new TextDecoder(charset, { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

/** chardet's guess, mapped to a WHATWG name, when it is confident enough; else null. */
export function detectLegacyCharset(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES)
  let matches: ReturnType<typeof analyse>
  try {
    matches = analyse(sample)
  } catch {
    return null
  }
  for (const match of matches) {
    const charset = resolveCharset(match.name)
    if (!charset || charset === 'utf-8' || charset.startsWith('utf-16')) continue
    const threshold = MULTI_BYTE.has(charset) ? MULTI_BYTE_CONFIDENCE : SINGLE_BYTE_CONFIDENCE
    if (match.confidence < threshold) return null
    if (MULTI_BYTE.has(charset) && !decodesCleanly(sample, charset)) continue
    return charset
  }
  return null
}

/** Valid UTF-8, or UTF-8 with a few stray bytes among many valid sequences. */
function looksUtf8(scan: Utf8Scan): boolean {
  return scan.invalid === 0 || scan.multiByte >= scan.invalid * MOSTLY_UTF8_RATIO
}

/** The charset that detection settles on for bytes nobody labelled (or labelled wrongly). */
function detect(bytes: Uint8Array, scan: Utf8Scan): string {
  if (looksUtf8(scan)) return 'utf-8'
  return detectLegacyCharset(bytes) ?? 'windows-1252'
}

/**
 * Second opinion on a declared charset. A declared UTF-8 that the bytes
 * contradict is replaced by detection; a declared legacy charset whose bytes
 * are in fact clean UTF-8 with non-ASCII text is taken as UTF-8 (legacy text
 * with accents almost never forms valid UTF-8 sequences by chance).
 */
function checkDeclared(bytes: Uint8Array, declared: string, scan: Utf8Scan): string {
  if (declared === 'utf-8') return looksUtf8(scan) ? 'utf-8' : detect(bytes, scan)
  if (scan.multiByte > 0 && looksUtf8(scan)) return 'utf-8'
  // A declared multi-byte charset the bytes do not fit: trust detection instead.
  if (MULTI_BYTE.has(declared) && !decodesCleanly(bytes.subarray(0, DETECT_SAMPLE_BYTES), declared)) {
    return detectLegacyCharset(bytes) ?? declared
  }
  return declared
}

/**
 * UTF-8 with a few stray bytes (a windows-1252 "ü" pasted into a UTF-8
 * template): each stray byte is read as windows-1252, the usual origin of
 * such bytes, instead of becoming U+FFFD.
 */
function decodeMixedUtf8(bytes: Uint8Array, invalidAt: number[]): string {
  // Only the first segment may open with a BOM; later ones keep a U+FEFF as text.
  const first = new TextDecoder('utf-8')
  const rest = new TextDecoder('utf-8', { ignoreBOM: true })
  let out = ''
  let from = 0
  for (const at of invalidAt) {
    out += (from === 0 ? first : rest).decode(bytes.subarray(from, at)) + decodeWindows1252(bytes.subarray(at, at + 1))
    from = at + 1
  }
  return out + (from === 0 ? first : rest).decode(bytes.subarray(from))
}

function run(bytes: Uint8Array, charset: string, scan?: Utf8Scan): Decoded {
  if (charset === 'utf-8' && scan && scan.invalid > 0 && scan.invalid <= MAX_REPAIRS) {
    // A BOM never reaches here (BOM pages are decoded as declared by the BOM).
    return { text: decodeMixedUtf8(bytes, scan.invalidAt), charset }
  }
  if (charset === 'windows-1252') return { text: decodeWindows1252(bytes), charset }
  // ignoreBOM false (the default) strips a BOM of the same encoding.
  return { text: new TextDecoder(charset).decode(bytes), charset }
}

/**
 * Decodes a page's bytes. See the module comment for the order of evidence.
 *
 * @throws {DecantError} `UNSUPPORTED_CHARSET` when `fallbackCharset` names no encoding TextDecoder knows;
 *   `BAD_INPUT` when the bytes are not text (see {@link binaryKind}).
 */
export function decode(bytes: Uint8Array, fallbackCharset?: string): Decoded {
  // A bad option is the caller's mistake whatever the page says: fail the same way for every page.
  let fallback: string | null = null
  if (fallbackCharset !== undefined && fallbackCharset !== null && fallbackCharset.trim() !== '') {
    fallback = resolveCharset(fallbackCharset)
    if (!fallback) throw new DecantError('UNSUPPORTED_CHARSET', `unknown charset "${fallbackCharset}"`)
  }

  const bom = bomCharset(bytes)
  if (bom) return run(bytes, bom.charset)
  const binary = binaryKind(bytes)
  if (binary) throw new DecantError('BAD_INPUT', `the input is ${binary}, not a web page or text`)

  const scan = scanUtf8(bytes)
  const label = prescanCharset(bytes)
  let declared = label ? resolveCharset(label) : null
  // A meta can only be read if the bytes are ASCII-compatible, so a page
  // claiming UTF-16 in its markup is not UTF-16 (WHATWG says: use UTF-8).
  if (declared && declared.startsWith('utf-16')) declared = 'utf-8'
  if (declared) return run(bytes, checkDeclared(bytes, declared, scan), scan)

  if (fallback) {
    if (fallback === 'utf-8' || fallback.startsWith('utf-16')) {
      return run(bytes, fallback === 'utf-8' ? checkDeclared(bytes, 'utf-8', scan) : fallback, scan)
    }
    return run(bytes, fallback)
  }
  return run(bytes, detect(bytes, scan), scan)
}

/** Tags whose presence, two or more times near the start, says "markup". */
const COMMON_TAG = /<\/?(?:p|div|span|a|br|hr|img|ul|ol|li|table|tr|td|th|h[1-6]|section|article|header|footer|nav|main|aside|form|input|button|script|style|link|meta|title|strong|em|b|i|blockquote|pre|code|figure|iframe|noscript|svg)(?:\s[^<>]*)?\/?>/gi
/** How much of the text sniffing looks at. */
const SNIFF_CHARS = 4096

/**
 * Does this text look like HTML (for `mode: 'auto'`)? Yes when it starts
 * with a doctype, `<html`, `<head`, `<body` (after whitespace, comments or an
 * XML declaration), or when at least two well-formed common tags appear near
 * the start. Plain text that says "<3", "a<b" or mentions one `<div>` is not
 * markup.
 */
export function sniffIsHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS)
  const start = head.replace(/^\uFEFF?(?:\s+|<!--[\s\S]*?-->|<\?xml[^>]*>)*/i, '')
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(start)) return true
  const tags = head.match(COMMON_TAG)
  return (tags?.length ?? 0) >= 2
}
