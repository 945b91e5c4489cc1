import { francAll } from 'franc'
import { iso6393To1 } from 'iso-639-3'
import stopwordsIso from 'stopwords-iso/stopwords-iso.json'

/**
 * Language detection (franc) and per-language stopwords (stopwords-iso).
 *
 * franc answers in ISO 639-3 and knows many small languages that short news
 * text is easily mistaken for (Scots for English, Nynorsk for Bokmål), so
 * detection is limited to the languages we have stopwords for: they are the
 * ones whose evidence the classifier can use anyway.
 */

const STOPWORDS = stopwordsIso as Record<string, string[]>

/** franc's individual-language codes whose BCP 47 tag is the macrolanguage. */
const MACROLANGUAGE: Record<string, string> = {
  cmn: 'zh',
  arb: 'ar',
  pes: 'fa',
  zlm: 'ms',
  ekk: 'et',
  lvs: 'lv',
  swh: 'sw',
  nob: 'no',
  ydd: 'yi',
  uzn: 'uz',
  azj: 'az',
  khk: 'mn',
  plt: 'mg',
  npi: 'ne',
}

const CODE_3_TO_BCP47 = new Map<string, string>()
for (const [code3, code1] of Object.entries({ ...iso6393To1, ...MACROLANGUAGE })) {
  if (code1 in STOPWORDS) CODE_3_TO_BCP47.set(code3, code1)
}
const CANDIDATES = [...CODE_3_TO_BCP47.keys()]

/** Fewer letters than this and franc guesses: we then say we do not know. */
const MIN_DETECT_CHARS = 40

/** Text whose letters are mostly from these scripts is tagged without franc (franc confuses zh/ja on short text). */
const SCRIPT_TAGS: Array<[RegExp, string]> = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Thai}/gu, 'th'],
]

/**
 * BCP 47 language of a text, or null when it is too short to tell.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  if (letters < MIN_DETECT_CHARS) return null
  for (const [script, tag] of SCRIPT_TAGS) {
    const count = sample.match(script)?.length ?? 0
    if (count / letters > 0.2) return tag
  }
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0
  if (han / letters > 0.3) return 'zh'
  const [best] = francAll(sample, { only: CANDIDATES, minLength: MIN_DETECT_CHARS })
  if (!best || best[0] === 'und') return null
  return CODE_3_TO_BCP47.get(best[0]) ?? null
}

const stopwordSets = new Map<string, ReadonlySet<string>>()

/** The stopwords of a language (lower case), empty for an unknown one. */
export function stopwordsFor(lang: string | null): ReadonlySet<string> {
  const primary = lang?.split('-')[0]?.toLowerCase() ?? ''
  let set = stopwordSets.get(primary)
  if (!set) {
    set = new Set(STOPWORDS[primary] ?? [])
    stopwordSets.set(primary, set)
  }
  return set
}

/** Scripts written without spaces between words: lengths there are counted in characters. */
export function isUnspacedScript(lang: string | null): boolean {
  return lang === 'zh' || lang === 'ja' || lang === 'th' || lang === 'lo' || lang === 'km' || lang === 'my'
}
