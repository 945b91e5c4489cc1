/**
 * Date expressions → ISO 8601. Used on machine dates (meta content,
 * `<time datetime>`, JSON-LD) and on printed ones ("May 17, 2024",
 * "17. Mai 2024", "17.05.2024") by both the HTML and the plain-text path.
 *
 * The day is what matters: a date-time with an explicit offset is returned
 * whole (its day is the one printed, never shifted to UTC); anything else
 * is returned as `YYYY-MM-DD`.
 */

/**
 * Month names and common abbreviations in the languages most of the web is
 * written in (en, de, fr, es, it, pt, nl). Keys are lower-case without a
 * trailing dot. Abbreviations that would be ordinary words in one of these
 * languages ("mar" is "sea" in es/pt/it) are still listed: they only count
 * next to a day and a four-digit year.
 */
const MONTHS: Record<string, number> = (() => {
  const table: [number, string[]][] = [
    [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari']],
    [2, ['february', 'feb', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari']],
    [3, ['march', 'mar', 'märz', 'maerz', 'mrz', 'mars', 'marzo', 'março', 'marco', 'maart', 'mrt']],
    [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
    [5, ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei']],
    [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho']],
    [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho']],
    [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus']],
    [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro']],
    [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out']],
    [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
    [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro']],
  ]
  const out: Record<string, number> = {}
  for (const [month, names] of table) for (const name of names) out[name] = month
  return out
})()

/** Is `word` a month name or abbreviation, as a printed date writes it ("Mai", "Sept.", "mayo,")? */
export function isMonthName(word: string): boolean {
  return Object.hasOwn(MONTHS, word.toLowerCase().replace(/\.?,?$/, ''))
}

const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')

/** Earliest year taken as an article date: older "dates" are product numbers or history. */
const MIN_YEAR = 1990
/** Latest: next year (a page dated in the future by timezone or embargo), not further. */
function maxYear(): number {
  return new Date().getUTCFullYear() + 1
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** YYYY-MM-DD when year, month and day make a real calendar day in range, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > maxYear() || month < 1 || month > 12 || day < 1) return null
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > last) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

function fullYear(text: string): number {
  const y = Number(text)
  if (text.length !== 2) return y
  // Two-digit years: 00–(this year + 1) are 20xx, the rest 19xx.
  return y <= maxYear() % 100 ? 2000 + y : 1900 + y
}

/** A date found in a text: where it starts and its ISO value. */
export interface FoundDate {
  index: number
  value: string
}
type Found = FoundDate

/**
 * ISO 8601 date or date-time: 2024-05-17, 2024-05-17T10:00, 2024-05-17 10:00:00+02:00.
 * With an explicit offset (Z or ±hh:mm) the whole date-time is kept, as written.
 */
const ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)/

function findIso(text: string): Found | null {
  const m = ISO.exec(text)
  if (!m) return null
  const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]))
  if (!day) return null
  if (m[4] !== undefined && m[7] !== undefined) {
    let offset = m[7]
    if (offset !== 'Z') offset = offset.length === 3 ? `${offset}:00` : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`
    return { index: m.index, value: `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset}` }
  }
  return { index: m.index, value: day }
}

/** RFC 2822 (feeds, HTTP dates): "Fri, 17 May 2024 10:00:00 +0000" or "… GMT". */
const RFC2822 = /(?<!\d)(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ?(GMT|UTC|UT|Z|[+-]\d{4})/

function findRfc2822(text: string): Found | null {
  const m = RFC2822.exec(text)
  if (!m) return null
  const month = MONTHS[m[2]!.toLowerCase()]
  if (!month) return null
  const day = isoDay(Number(m[3]), month, Number(m[1]))
  if (!day) return null
  const zone = m[7]!
  const offset = /^[+-]/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : 'Z'
  return { index: m.index, value: `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset}` }
}

/** "May 17, 2024", "May 17th 2024", "Sept. 3, 2021". */
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s+(\\d{4})(?!\\d)`, 'iu')
/** "17 May 2024", "17. Mai 2024", "17th of May, 2024", "17 de mayo de 2024", "1er mars 2024", "17-May-2024", "17 / Mai / 2024". */
const DAY_MONTH_YEAR = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?(?:\\s*[/-]\\s*|\\s*)(?:of\\s+|de\\s+|del\\s+)?(${MONTH_NAME})\\.?,?(?:\\s*[/-]\\s*|\\s+)(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`,
  'iu',
)

function findNamedMonth(text: string): Found | null {
  let best: Found | null = null
  const mdy = MONTH_DAY_YEAR.exec(text)
  if (mdy) {
    const day = isoDay(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()] ?? 0, Number(mdy[2]))
    if (day) best = { index: mdy.index, value: day }
  }
  const dmy = DAY_MONTH_YEAR.exec(text)
  if (dmy && (!best || dmy.index < best.index)) {
    const day = isoDay(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()] ?? 0, Number(dmy[1]))
    if (day) best = { index: dmy.index, value: day }
  }
  return best
}

/** "2024/05/17", "2024.05.17", "2024. 5. 17." (year first is never ambiguous). */
const YEAR_FIRST = /(?<!\d)(\d{4})[./]\s?(\d{1,2})[./]\s?(\d{1,2})(?!\d)/
/**
 * "17.05.2024", "17-05-2024", "5/17/2024", "17.05.24". Day-first when the
 * first number cannot be a month, month-first when the second cannot; else
 * dots and dashes are day-first (the European convention) and slashes as
 * `slashOrder` says.
 */
const NUMERIC = /(?<![\d.\/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d.\/-]?\d)/

function findNumeric(text: string, slashOrder: 'dmy' | 'mdy'): Found | null {
  const ymd = YEAR_FIRST.exec(text)
  let best: Found | null = null
  if (ymd) {
    const day = isoDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
    if (day) best = { index: ymd.index, value: day }
  }
  const m = NUMERIC.exec(text)
  if (m && (!best || m.index < best.index)) {
    const a = Number(m[1])
    const b = Number(m[3])
    // Two-digit years only with dots (17.05.24): "5/6/24" is too often a fraction or a score.
    if (m[4]!.length === 2 && m[2] !== '.') return best
    const year = fullYear(m[4]!)
    let dayFirst = m[2] !== '/' || slashOrder === 'dmy'
    if (a > 12) dayFirst = true
    // "01.21.2020": the convention yields to a second number that can only be a day.
    else if (b > 12) dayFirst = false
    const day = dayFirst ? isoDay(year, b, a) : isoDay(year, a, b)
    if (day) best = { index: m.index, value: day }
  }
  return best
}

export interface ParseDateOptions {
  /**
   * How to read an ambiguous slash date such as 05/06/2024: month first (US
   * usage, the default, as the English web is the largest) or day first.
   */
  slashOrder?: 'dmy' | 'mdy'
}

/**
 * The first date written in `text`, as `YYYY-MM-DD`, or as the full ISO
 * date-time when the text gives a time with an explicit offset; null when
 * there is none (a month and year alone, a bare year, a relative date).
 */
export function parseDate(text: string, options: ParseDateOptions = {}): string | null {
  return findDate(text, options)?.value ?? null
}

function firstDate(sample: string, options: ParseDateOptions): Found | null {
  const found = [findIso(sample), findRfc2822(sample), findNamedMonth(sample), findNumeric(sample, options.slashOrder ?? 'mdy')]
  let best: Found | null = null
  for (const f of found) if (f && (!best || f.index < best.index)) best = f
  return best
}

/** A year glued to the day that starts the next date, or to a time: "2019|22. Dezember", "2019|17/11/2019", "2022|07:59". */
const GLUED_YEAR = /(?<!\d)((?:19|20)\d{2})(?=\d{1,2}[./:-]\s?(?:\d|\p{L}))/gu

/** How many spaces GLUED_YEAR inserted in `original` before position `at` of the spaced text. */
function spacesBefore(original: string, at: number): number {
  let inserted = 0
  for (const m of original.matchAll(GLUED_YEAR)) {
    if (m.index + m[0].length + inserted < at) inserted++
  }
  return inserted
}

/** Like parseDate, with the position where the date starts in `text`. */
export function findDate(text: string, options: ParseDateOptions = {}): FoundDate | null {
  const sample = text.length > 500 ? text.slice(0, 500) : text
  // Every form a date is read in has a year in ASCII digits.
  if (!/\d/.test(sample)) return null
  const best = firstDate(sample, options)
  if (best) return best
  // Copied text glues a published and a modified date together ("22. Dezember 201922. Dezember 2019",
  // "17/11/201917/11/2019"): read the year and the next date apart.
  const glued = sample.replace(GLUED_YEAR, '$1 ')
  if (glued !== sample) {
    const found = firstDate(glued, options)
    if (found) return { index: found.index - spacesBefore(sample, found.index), value: found.value }
  }
  // 20240517 as a whole value (compact ISO, used in some meta tags).
  const compact = /^\s*(\d{4})(\d{2})(\d{2})(?:\d{4,6})?\s*$/.exec(sample)
  if (compact) {
    const value = isoDay(Number(compact[1]), Number(compact[2]), Number(compact[3]))
    if (value) return { index: compact.index, value }
  }
  return null
}

/** Does this text contain a date that parseDate reads? */
export function hasDate(text: string): boolean {
  return parseDate(text) !== null
}

/**
 * A date in a URL path: /2024/05/17/, /2024-05-17-, /20240517/, or with the
 * year last, /17-05-2024 (read by `order` when both numbers could be the
 * month). A year and month alone (/2024/05/) are not a day and give null.
 */
export function dateFromUrl(url: string, order: 'dmy' | 'mdy' = 'mdy'): string | null {
  let path = url
  try {
    path = new URL(url).pathname
  } catch {
    // A relative or malformed address: read it as it is.
  }
  const m = /(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)/.exec(path)
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]))
  const compact = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path)
  if (compact) return isoDay(Number(compact[1]), Number(compact[2]), Number(compact[3]))
  const yearLast = /(?<=[/_-])(\d{1,2})[_.-](\d{1,2})[_.-]((?:19|20)\d{2})(?![\d])/.exec(path)
  if (yearLast) {
    const [a, b, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])]
    const dayFirst = a > 12 || (b <= 12 && order === 'dmy')
    return dayFirst ? isoDay(year, b, a) : isoDay(year, a, b)
  }
  return null
}

/** English-speaking country domains that write dates day first (05/03/2022 is 5 March). */
const DAY_FIRST_ENGLISH_TLD = /\.(?:uk|ie|au|nz|in|za|sg|ng|ke|pk)$/

/**
 * How to read 05/03/2022 on this page: month first only for US English
 * (or English on a host that is not in a day-first country); every other
 * language writes the day first.
 */
export function slashOrderFor(lang: string | null, url: string | null): 'dmy' | 'mdy' {
  if (!lang) return 'mdy'
  const [language, region] = lang.split('-')
  if (language !== 'en') return 'dmy'
  if (region) return region === 'US' ? 'mdy' : 'dmy'
  try {
    return url && DAY_FIRST_ENGLISH_TLD.test(new URL(url).hostname) ? 'dmy' : 'mdy'
  } catch {
    return 'mdy'
  }
}
