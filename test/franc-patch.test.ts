/**
 * decant detects languages with a patched franc (patches/franc+6.2.0.patch
 * and patches/trigram-utils+2.0.1.patch, applied by patch-package when the
 * project is installed, then bundled into dist/). Stock franc looks every
 * trigram of the text up in every language's dictionary, and counts the
 * trigrams in an object filled from a sparse array; on the AEB pages that was
 * 8% of decant's time. The patch keeps one inverted index per script and
 * choice of languages, and counts in a Map. Its answers must be the stock
 * answers exactly: the languages, their order and their scores. These tests
 * compare it with the stock algorithm, written out below, and check that the
 * built package carries the patched copy.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { francAll } from 'franc'
import { data } from 'franc/data.js'
import { expressions } from 'franc/expressions.js'
import { clean } from 'trigram-utils'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')

type Options = { only?: string[]; ignore?: string[]; minLength?: number }

/** franc 6.2.0's francAll as published, over trigram-utils 2.0.1's asTuples as published. */
function stockFrancAll(input: string, options: Options = {}): Array<[string, number]> {
  const only = options.only ?? []
  const ignore = options.ignore ?? []
  const minLength = options.minLength ?? 10
  const und = (): Array<[string, number]> => [['und', 1]]
  if (!input || input.length < minLength) return und()
  const value = input.slice(0, 2048)
  let topScript: string | undefined
  let topCount = -1
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0
    if (count > topCount) {
      topCount = count
      topScript = script
    }
  }
  const allow = (language: string) => (only.length === 0 || only.includes(language)) && !ignore.includes(language)
  if (!topScript || !(topScript in data)) {
    if (!topScript || topCount === 0 || !allow(topScript)) return und()
    return [[topScript, 1]]
  }
  const text = ' ' + clean(value) + ' '
  const dictionary: Record<string, number> = {}
  for (let index = 0; index + 3 <= text.length; index++) {
    const trigram = text.slice(index, index + 3)
    dictionary[trigram] = Object.hasOwn(dictionary, trigram) ? dictionary[trigram]! + 1 : 1
  }
  const tuples = Object.entries(dictionary).sort((a, b) => a[1] - b[1])
  const distances: Array<[string, number]> = []
  for (const [language, packed] of Object.entries(data[topScript]!)) {
    if (!allow(language)) continue
    const model: Record<string, number> = {}
    const trigrams = packed.split('|')
    for (let weight = trigrams.length - 1; weight >= 0; weight--) model[trigrams[weight]!] = weight
    let distance = 0
    for (const [trigram, count] of tuples) distance += trigram in model ? Math.abs(count - model[trigram]! - 1) : 300
    distances.push([language, distance])
  }
  if (distances.length === 0) return und()
  distances.sort((a, b) => a[1] - b[1])
  const min = distances[0]![1]
  const max = value.length * 300 - min
  return distances.map(([language, distance]) => [language, 1 - (distance - min) / max || 0])
}

const SAMPLES = [
  'The committee met on Tuesday to discuss the budget, and the chairman said that no decision had been taken.',
  'Der Ausschuss hat am Dienstag über den Haushalt beraten, und der Vorsitzende sagte, dass noch nichts entschieden sei.',
  'Le comité s’est réuni mardi pour discuter du budget, et le président a dit qu’aucune décision n’avait été prise.',
  'El comité se reunió el martes para debatir el presupuesto y el presidente dijo que no se había tomado ninguna decisión.',
  'Комитет собрался во вторник, чтобы обсудить бюджет, и председатель сказал, что решение ещё не принято.',
  'اجتمعت اللجنة يوم الثلاثاء لمناقشة الميزانية، وقال الرئيس إنه لم يتخذ أي قرار بعد.',
  'Η επιτροπή συνεδρίασε την Τρίτη για να συζητήσει τον προϋπολογισμό.',
  '委员会周二开会讨论预算，主席说尚未作出任何决定。',
  '12345 67890 !!! ???',
]

/** Some of franc's languages, and the choices of languages decant and other callers make. */
const OPTIONS: Options[] = [{}, { minLength: 40 }, { only: ['eng', 'deu', 'fra', 'spa', 'rus', 'arb', 'cmn'] }, { ignore: ['eng', 'sco'] }, { only: ['nld'] }, { only: ['deu'], ignore: ['deu'] }]

describe('the patched franc', () => {
  it('answers as stock franc on sentences of several scripts, whatever the choice of languages', () => {
    for (const sample of SAMPLES) {
      for (const options of OPTIONS) expect(francAll(sample, options), `${sample.slice(0, 20)} ${JSON.stringify(options)}`).toEqual(stockFrancAll(sample, options))
    }
  })

  it('answers as stock franc on any mix of those words, cases, digits and punctuation', () => {
    const words = SAMPLES.join(' ').split(/\s+/)
    const text = fc
      .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }), fc.constantFrom(' ', '\n', '. ', '  ', 'İ', 'ß', '42')), { minLength: 1, maxLength: 400 })
      .map((parts) => parts.join(' '))
    fc.assert(
      fc.property(text, fc.constantFrom(...OPTIONS), (value, options) => {
        expect(francAll(value, options)).toEqual(stockFrancAll(value, options))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps answering as stock franc when the choice of languages changes from call to call', () => {
    // More choices than the patch keeps indexes for: the cache must be emptied, not grow or go stale.
    const languages = ['eng', 'deu', 'fra', 'spa', 'ita', 'nld', 'por', 'pol', 'ces', 'swe', 'dan', 'fin', 'hun', 'ron', 'tur', 'vie']
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < languages.length; i++) {
        for (let j = i + 1; j < languages.length; j += 3) {
          const options = { only: [languages[i]!, languages[j]!] }
          expect(francAll(SAMPLES[round]!, options)).toEqual(stockFrancAll(SAMPLES[round]!, options))
        }
      }
    }
  })

  it('can rank by place: every model lists each trigram once', () => {
    // The stock dictionary would keep a repeated trigram's first rank; the patch's index would count it twice.
    for (const [script, languages] of Object.entries(data)) {
      for (const [language, packed] of Object.entries(languages)) {
        const trigrams = packed.split('|')
        expect(new Set(trigrams).size, `${script} ${language}`).toBe(trigrams.length)
      }
    }
  })

  /** Code that only the stock packages have, one pattern per patched spot. */
  const STOCK: Array<[string, RegExp]> = [
    ['a dictionary lookup per trigram and language', /if \(trigram\w* ?\[0\] in model\w*\)/],
    ['trigrams counted in an object', /const dictionary\w* = asDictionary\w*\(value\w*\);?\s*(?:\/\*\*[^*]*\*\/\s*)?const tuples/],
  ]
  const stockParts = (code: string) => STOCK.filter(([, pattern]) => pattern.test(code)).map(([name]) => name)

  it('is installed: node_modules holds the patched copies', () => {
    const source = ['franc/index.js', 'trigram-utils/index.js'].map((file) => readFileSync(join(root, 'node_modules', file), 'utf8')).join('\n')
    expect(source).toContain('function invertedModels(')
    expect(stockParts(source)).toEqual([])
  })

  it('is the copy in every built file that detects languages', () => {
    const dist = join(root, 'dist')
    const withFranc = readdirSync(dist)
      .filter((name) => /\.c?js$/.test(name))
      .filter((name) => readFileSync(join(dist, name), 'utf8').includes('function francAll('))
    expect(withFranc).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'text.js', 'text.cjs']))
    for (const name of withFranc) {
      const code = readFileSync(join(dist, name), 'utf8')
      expect(code, name).toContain('function invertedModels(')
      expect(stockParts(code), name).toEqual([])
    }
  })
})
