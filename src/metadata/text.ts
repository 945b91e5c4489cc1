import { settings } from '../settings.js'
import type { Region } from '../select.js'
import type { ChromeKind, LabeledBlock } from '../types.js'
import { VON_LABEL_NOUNS, WEEKDAY, cleanByline, splitNames, wordCount } from './names.js'
import { codePointPrefix } from '../text/words.js'
import { type ParseDateOptions, findDate, isMonthName, parseDate, slashOrderFor } from './dates.js'

/**
 * Metadata read from the blocks around the article: the headline above it,
 * the dek, byline and dateline between headline and body, the masthead at
 * the top of the page, an agency credit in the body. Each block used is
 * relabelled (title, description, byline, dateline, masthead) so that
 * `removed` says where the field came from.
 */

export interface BlockMetadata {
  title: string | null
  byline: string | null
  source: string | null
  published: string | null
  description: string | null
}

const h = settings.header

/** "By Jane Doe", "Von …", "Par …", "Por …", "Door …", "Di …", "Written by …". */
const BY_PREFIX = /^(?:(?:written |reported |posted |story |text |words )?by|von|durch|par|por|door|di|de|av|af|przez|автор)\s*[:\s]\s*\S/iu
/** "Reuters" style agency credit closing the last paragraph, or opening the first: "(AFP)", "WASHINGTON (AP) —". */
const CLOSING_CREDIT = /\(\s*([\p{Lu}][\p{L}\p{N}&.'\- ]{1,30}?)\s*\)\s*$/u
const OPENING_CREDIT = /^[\p{Lu}][\p{Lu}\p{L} ,.'-]{1,40}?\(\s*([\p{Lu}][\p{L}\p{N}&.'\- ]{1,30}?)\s*\)\s*[-–—:]/u

function relabel(blocks: LabeledBlock[], index: number, label: ChromeKind, reason: string): void {
  blocks[index] = { ...blocks[index]!, label, score: 0.8, reason }
}

function isHeadline(block: LabeledBlock): boolean {
  const f = block.features
  if (f.words < h.titleMinWords || f.words > h.titleMaxWords) return false
  if (isLinkRow(block)) return false
  // A sentence's end, maybe inside closing quotes, is a dek or a caption; an ellipsis may close a headline.
  if (/[.:;,]["'”’»)\]]*$/.test(block.text) && !/(?:\.\.\.|…)["'”’»)\]]*$/.test(block.text)) return false
  return f.sentences <= 2
}

/** "Harbour | Blog | Ferries | Contact": three or more short fields, no sentence. */
function isLinkRow(block: LabeledBlock): boolean {
  if (block.features.prose) return false
  const fields = block.text.split(/\s[|·•]\s/u)
  return fields.length >= 3 && fields.every((field) => wordCount(field) <= 4)
}

/**
 * A label a headline hangs from, when the region starts at it: a kicker ending
 * in a colon ("Back on the water:"), or a row of section links. (A section
 * heading such as "History" may open the text itself.)
 */
function isKicker(block: LabeledBlock): boolean {
  if (block.features.prose || block.features.words > 12) return false
  return /:\s*$/.test(block.text) || isLinkRow(block)
}

/** Fields of a meta line: "Von Jane Doe | 24.10.2023 | Zuletzt geändert: …". */
const FIELD_SEPARATOR = /\s+[|·•]\s+/u

function bylineName(block: LabeledBlock): string | null {
  const f = block.features
  const text = block.text
  // A meta line of several fields is as long as its fields (a disclosure may follow the
  // byline): the byline is judged by the field it opens.
  const byPrefix = BY_PREFIX.test(text)
  // The lead field before separators, or before the date ("By Jane Doe Last updated May 8, 2023 Share …").
  const leadField =
    byPrefix &&
    ((FIELD_SEPARATOR.test(text) && wordCount(text.split(FIELD_SEPARATOR)[0]!) <= h.bylineMaxWords) ||
      wordCount(text.slice(0, findDate(text)?.index ?? Infinity)) <= 6)
  if (!leadField && (f.prose || f.words > h.bylineMaxWords)) return null
  if (byPrefix) {
    // "de", "di", "av", "af" also mean "of": "de Política" is a section, "de Ana Souza" a byline.
    return /^(?:de|di|av|af)\s+\S+$/iu.test(text.trim()) ? null : cleanByline(text)
  }
  // "Veröffentlicht am 13. März 2019 von Jane Doe", "Posted by jdoe at 2:33 PM", "ByJane Doe":
  // a lead word inside the line, not after a photo credit.
  // Before it only a short label or a date: a headline may say "by" too ("… von R. K. Lilley").
  const lead = INNER_BY.exec(text)
  const before = lead ? text.slice(0, lead.index) : ''
  if (lead && !CREDIT_BEFORE.test(before) && ((wordCount(before) <= 3 && !/[.!?"”“]/.test(before)) || findDate(before))) {
    const name = cleanByline(text.slice(lead.index + lead[0].length))
    // Inside a line, one capitalised word after "von"/"by" is more often a noun
    // ("Verjährung von Urlaubsansprüchen") than a writer, unless a date or a
    // label's colon says the line is a byline ("… 18:18 von Creeny", "Artikel von: Jessie").
    // The same holds for a lower-case word after a bare lead ("Enviar por mail"), but not
    // after a verb or a label ("Posted by jdoe", "Beitrag von jane23").
    // "Vereinbarkeit von Familie und Beruf": two nouns joined are as one word each.
    const oneWord = lead.index > 0 && name !== null && splitNames(name).every((part) => !/\s/.test(part))
    const bareLead = /^[\s|·•,]*(?:by|von|par|por|door)\s*$/iu.test(lead[0]) && !VON_LABEL_BEFORE.test(before)
    const saysByline = lead[0].includes(':') || findDate(before) !== null
    // A number is no name ("von 12 Uhr"), though a handle may end in one ("freeman1984").
    if (name && !/(?:^|\s)\d/.test(name) && (!oneWord || saysByline || (!bareLead && !/^\p{Lu}/u.test(name)))) return name
  }
  // "Jane Doe | Harbour |", "City Desk · 3 min read": a name then separators. One word is
  // as often a menu ("Print | Send", "de | EN") as a name.
  const parts = text.split(/\s*[|·•]\s*/).filter(Boolean)
  if (parts.length >= 2) {
    const name = parts[0]!
    const words = name.split(/\s+/)
    if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))) return cleanByline(name)
  }
  return null
}

/**
 * A byline's lead word inside a line, before a name (capitalised, or a
 * handle): "… von Jane", "Posted by jdoe", "Escribe Jane", "Von: Jane",
 * "ByJane" (a link glued to its label).
 */
const INNER_BY =
  /(?:^|[\s|·•,])(?:(?:written|posted|published|reported)\s+by|by|von|par|por|door|escribe|publicado\s+por|(?:[Vv]erfasst|[Gg]eschrieben|[Ee]rstellt|[Gg]epostet|[Ee]ingestellt)\s+von|autor(?:in)?|author)\s*:?\s*(?=[\p{Lu}]|[\p{Ll}\d_.-]+(?:$|\s+[|·•]))|^By(?=\p{Lu}\p{Ll})/u
/** Labels that make a following "von" a byline's lead: "Beitrag von", "Artikel von". */
const VON_LABEL_BEFORE = new RegExp(`(?:${VON_LABEL_NOUNS.source})\\s*$`, 'iu')

/** Photo and image credits: a "by" after them names the photographer. */
const CREDIT_BEFORE = /(?:fotos?|photos?|bild(?:er)?|images?|illustrations?|grafik|credits?|©|\(c\))/iu

/** Longer than most surnames written as one word ("Schwarzenegger" has 14 letters). */
const MAX_NAME_WORD_LETTERS = 15

/** A line that is only a person's name: two to four capitalised words or initials, no digits, nothing else. */
function personName(text: string): string | null {
  const words = text.trim().split(/\s+/)
  if (words.length < 2 || words.length > 4) return null
  if (!words.every((w) => /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|von|van|de|der|den|da|di|du|del|la|le|ter|zu)$/u.test(w))) return null
  if (!/^\p{Lu}/u.test(words[words.length - 1]!)) return null
  // A word this long without a hyphen is a compound noun ("Stadtjubiläumsprogramm"), not part of a name;
  // a possessive ("Today’s", "Editor's") is grammar, not a name.
  if (words.some((w) => (!w.includes('-') && [...w].length > MAX_NAME_WORD_LETTERS) || /['’]s$/u.test(w))) return null
  return cleanByline(text)
}

/** Lower-cased letter and digit runs without accents or soft hyphens ("Fäh\u00adre" is one word): what headline, name, body and address are compared by. */
function plainTokens(text: string): string[] {
  return plainText(text).match(LETTER_RUN) ?? []
}

const LETTER_RUN = /[\p{L}\p{N}]+/gu

function plainText(text: string): string {
  return text.replace(/\u00ad/g, '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
}

/**
 * Word keys for comparing a name with the body: lower-cased, without accents,
 * cut to seven letters (the label says "Hafenverbände", the body
 * "Hafenverband"), long enough that a surname "Martinez" is not "martes".
 */
function plainWords(text: string): string[] {
  return plainTokens(text).map((word) => word.slice(0, 7))
}

/**
 * Does a name-shaped line use the article's words? Section and category
 * labels beside a date ("Wetter Küste", "Hafen Fähren") name the topic the
 * body talks about; a writer's name is seldom in the text. Words of five
 * letters or more only: "Mark" is a verb too.
 */
function namesTopic(name: string, bodyWords: ReadonlySet<string>): boolean {
  return plainWords(name).some((word) => word.length >= 5 && bodyWords.has(word))
}

/** Where a meta row's fields part: separators, and the " - " between two fields. */
const META_FIELD_BREAK = /\s*(?:[|~·•,;–—]|\s[-/]\s)\s*/u
/** A word of a date or time inside a meta row: numbers, "Uhr", "AM", and the words that join them ("am", "um", "on", "at"). */
const DATE_WORD = new RegExp(`\\d|^(?:uhr|am|pm|um|on|at|le|el|den|der|de|del|h|${WEEKDAY.source}),?$`, 'iu')
/** A word of a name: capitalised, an initial, or a particle inside the name. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:\p{Lu}\.)*)$/u
const NAME_PARTICLE = /^(?:von|van|de|der|den|da|di|du|del|la|le|ter|zu)$/u

/**
 * The name in a meta row that prints the date and the writer together, in
 * either order: "11.12.2019 - Jane Doe", "Jane Doe am 17. Mai 2024",
 * "26. September 2019 Jane Doe Schreibe einen Kommentar". Fields after the
 * name (categories, comment counts) are capitalised like a name in German,
 * so a name read from a longer field keeps two words; one word beside a
 * date is as often a weekday, a place or a section as a writer.
 */
function nameInMetaRow(text: string, bodyWords: ReadonlySet<string>): string | null {
  if (!findDate(text)) return null
  for (const field of text.split(META_FIELD_BREAK)) {
    // Within a field the date's words part what stands before it from what stands after.
    const runs: string[][] = [[]]
    const fieldWords = field.split(/\s+/).filter(Boolean)
    // A month name only beside a number: "Marco" is a name, and a month in Portuguese.
    const isMonth = (j: number) => isMonthName(fieldWords[j]!.replace(/[.,]$/, '')) && /\d/.test(`${fieldWords[j - 1] ?? ''}${fieldWords[j + 1] ?? ''}`)
    for (const [j, word] of fieldWords.entries()) {
      if (DATE_WORD.test(word) || isMonth(j)) runs.push([])
      else runs.at(-1)!.push(word)
    }
    const pieces = runs.filter((r) => r.length > 0)
    for (const words of pieces) {
      const name: string[] = []
      let full = 0
      for (const word of words) {
        if (NAME_PARTICLE.test(word) && full > 0) name.push(word)
        else if (NAME_WORD.test(word) && full < 2) {
          name.push(word)
          if (!/^\p{Lu}\.$/u.test(word)) full++
        } else break
      }
      while (name.length > 0 && NAME_PARTICLE.test(name.at(-1)!)) name.pop()
      // "Vortrag von Jane Doe": a noun, its "von", and a name the two-word cut would halve.
      const halved = name.some((w) => NAME_PARTICLE.test(w)) && NAME_WORD.test(words[name.length] ?? '')
      if (full >= 2 && !halved) {
        const cleaned = cleanByline(name.join(' '))
        // A name that is its field's only content was set apart as one ("25.10.2022 - Jane Doe"),
        // though the body may quote it; a run read out of a longer field must not be the topic.
        const ownField = name.length === words.length && pieces.length === 1
        if (cleaned && (ownField || !namesTopic(cleaned, bodyWords))) return cleaned
        // A topic ("Harbour News 02/10/2020 Jane Doe"): the name may follow the date.
        if (cleaned) continue
      }
      // Only the first words of a piece may be a name; a lower-case word ends the search in it.
      if (name.length > 0) break
    }
  }
  return null
}

/** Words with letters in them: a date's numbers and times do not count. */
function wordsOfLetters(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}\p{L}/u.test(word)).length
}

function isDateline(block: LabeledBlock): boolean {
  return block.features.hasDate && block.features.words <= h.bylineMaxWords && !block.features.prose
}

function isNameLike(block: LabeledBlock): boolean {
  const f = block.features
  return f.words >= 1 && f.words <= 5 && f.titleCaseRatio === 1 && f.digitRatio === 0 && !f.terminalPunctuation
}

function typicalBodyGap(blocks: LabeledBlock[], bodyIndexes: number[]): number {
  const gaps = bodyIndexes.slice(2).map((i) => blocks[i]!.gapBefore).sort((a, b) => a - b)
  return gaps.length ? gaps[Math.floor(gaps.length / 2)]! : 0
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Is the first body block a dek rather than the lead paragraph? It is when
 * a byline or dateline separates it from the rest of the body, when the page
 * sets it apart (less space after it than between paragraphs), or when the
 * body repeats it word for word later on.
 */
function isDek(blocks: LabeledBlock[], bodyIndexes: number[]): boolean {
  const [first, second] = bodyIndexes
  if (first === undefined || second === undefined) return false
  const dek = blocks[first]!
  if (dek.features.words > h.dekMaxWords || dek.features.sentences > 3) return false
  const key = normalize(dek.text)
  if (bodyIndexes.slice(1).some((i) => normalize(blocks[i]!.text) === key)) return true
  for (let i = first + 1; i < second; i++) {
    if (bylineName(blocks[i]!) || isDateline(blocks[i]!)) return true
  }
  const typical = typicalBodyGap(blocks, bodyIndexes)
  return bodyIndexes.length >= 4 && typical > 0 && blocks[second]!.gapBefore < typical
}

/** What the blocks cannot say: the page's address (its slug often spells the headline) and language (how it writes dates). */
export interface MetadataContext {
  url?: string | null
  lang?: string | null
}

/**
 * Lines that are shaped like a headline but are page furniture: reading
 * times ("8 min read", "Lesezeit: 2 Minuten"), photo credits, jump links,
 * meta rows that end in a comment count ("Jane Doe 12 May 2024 3 Comments").
 */
const NOT_A_HEADLINE =
  /^(?:(?:lesezeit|reading time|temps de lecture|tiempo de lectura)\b|\d+\s*(?:min(?:ute[sn]?|utos?|\.)?|mn)\b.{0,20}$|(?:fotos?|photos?|bild(?:er)?|images?|credits?|quelle|source|fuente)\s*:|©|jump to\b|.*\s\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|comentários?)$)/iu

/** A byline lead with its verb, as post footers print it: "Posted by", "Veröffentlicht von", "Publié par". */
const FOOTER_LEAD =
  /^(?:posted|written|published|geschrieben|veröffentlicht|verfasst|gepostet|eingestellt|publié|écrit|publicado|escrito|pubblicato|scritto)\s+(?:by|von|par|por|da)\s+\S/iu
/** How many blocks after the article's last paragraph a footer byline may stand. */
const FOOTER_BYLINE_REACH = 4

/** How many blocks above the headline a byline may stand (a kicker or a photo credit may sit between). */
const BYLINE_ABOVE_TITLE_REACH = 3

/** How many of the article region's first blocks may be its byline and dateline. */
const HEAD_BLOCKS = 8

/** How deep into the region a headline that the address spells may stand (under a caption and its credit). */
const SPELLED_HEADLINE_REACH = 4

/** How many blocks above the headline a dateline, and the name beside it, may stand. */
const META_ABOVE_TITLE_REACH = 3

/** A block element whose whole text is set in bold or italics: `<p><strong>Jane Doe</strong></p>`. */
const EMPHASISED_ONLY = /^<(\w+)[^>]*>\s*(?:<(?:strong|b|em|i)\b[^>]*>\s*)+[^<]*(?:<\/(?:strong|b|em|i)>\s*)+<\/\1>$/iu

/**
 * The writer's name when a block signs the article: a name alone (no
 * function words, so not "Ihre Aufgaben"), wholly emphasised, that closes
 * the container of a paragraph above it. Only markup shows the emphasis.
 */
function signatureName(blocks: readonly LabeledBlock[], block: LabeledBlock): string | null {
  const dom = block.dom
  if (!dom || block.features.stopwordRatio > 0 || !EMPHASISED_ONLY.test(dom.html.trim())) return null
  const next = blocks[block.index + 1]
  if (next?.dom && next.dom.container === dom.container) return null
  for (let i = block.index - 1; i >= 0; i--) {
    const above = blocks[i]!
    if (above.dom?.container !== dom.container) continue
    if (above.label === 'body' && above.features.prose) return personName(block.text)
  }
  return null
}

/**
 * A link among sibling links: an item of a menu ("About Me" in a blog's
 * sidebar beside the post's date), whatever its shape. A meta row links the
 * writer's name too, but beside a date and a category or two, not among
 * three or more links of its own kind.
 */
function isMenuItem(blocks: readonly LabeledBlock[], block: LabeledBlock): boolean {
  const isLink = (b: LabeledBlock | undefined) => b?.dom != null && b.dom.linkDensity >= MENU.linkDensity && b.dom.container === block.dom!.container
  if (!isLink(block)) return false
  let siblings = 0
  for (let step = -MENU.reach; step <= MENU.reach; step++) if (step !== 0 && isLink(blocks[block.index + step])) siblings++
  return siblings >= MENU.minSiblings
}

/** A menu item: nearly all link text, with this many linked siblings of its container this near. */
const MENU = { linkDensity: 0.9, reach: 3, minSiblings: 3 }

/** A user name as sites print it: one token of letters, digits, "_", "." or "-" ("jdoe", "freeman1984"). */
const HANDLE = /^[\p{L}\d_.-]{3,30}$/u

/** A handle no word could be: letters with digits or "_" ("seaglass77", "jane_doe"). */
function isUserName(text: string): boolean {
  return HANDLE.test(text) && /\p{L}/u.test(text) && /[\d_]/.test(text)
}

/** A byline's lead word alone on its line. */
const LONE_LEAD = /^(?:by|von|par|por|door|de|di|av|af|escribe|written by)$/iu
/** The lead words that say byline far from the body: not "de" or "di", which also head a language menu ("DE", "FR"). */
const UNAMBIGUOUS_LONE_LEAD = /^(?:by|von|par|por|door|escribe|written by)$/iu

/** "de" over "EN": a language switch (the page's language, then another's code), not "de" leading a name. */
function isLanguageMenu(lead: LabeledBlock, next: LabeledBlock): boolean {
  return !UNAMBIGUOUS_LONE_LEAD.test(lead.text) && /^\p{Lu}{2}$/u.test(next.text)
}

/** An umlaut an address spells out ("hafenbuero" for "Hafenbüro"): keys drop the "e" on both sides (and read "ß" as "ss"). */
const UMLAUT_SPELLED_OUT = /([aou])e/g

/**
 * Word keys for comparing a headline with the body and the address: letters
 * and digits lower-cased without accents, cut to a five-letter stem (the
 * headline says "fumigó", the address "fumigo", the body "fumigaron");
 * scripts written without spaces give character pairs instead.
 */
function topicKeys(text: string): Set<string> {
  const keys = new Set<string>()
  const plain = plainText(text)
  // One test of the whole text spares one per word in the many texts without such letters.
  const unspaced = UNSPACED_LETTER.test(plain)
  for (const token of plain.match(LETTER_RUN) ?? []) {
    if (unspaced && UNSPACED_LETTER.test(token)) {
      const chars = [...token]
      for (let i = 0; i + 1 < chars.length; i++) keys.add(chars[i]! + chars[i + 1]!)
    } else if (token.length >= 4 && !/^\d+$/.test(token)) {
      const spelled = token.includes('ß') ? token.replace(/ß/g, 'ss') : token
      keys.add(codePointPrefix(spelled.replace(UMLAUT_SPELLED_OUT, '$1'), 5))
    }
  }
  return keys
}

const UNSPACED_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u

/** Each block's keys, read once: the headline search asks for them again and again. */
const blockKeyCache = new WeakMap<LabeledBlock, ReadonlySet<string>>()

function blockKeys(block: LabeledBlock): ReadonlySet<string> {
  let keys = blockKeyCache.get(block)
  if (!keys) {
    keys = topicKeys(block.text)
    blockKeyCache.set(block, keys)
  }
  return keys
}

/** The keys of blocks read as one text (no word runs across two blocks). */
function unionKeys(blocks: readonly LabeledBlock[]): Set<string> {
  const keys = new Set<string>()
  for (const block of blocks) for (const key of blockKeys(block)) keys.add(key)
  return keys
}

/** The page's address as word keys: those of its whole path, and those of its last step alone. */
interface AddressKeys {
  path: Set<string>
  lastStep: Set<string>
}

/**
 * The address's word keys. The last step is read without its extension:
 * "/blog/2024/05/ferry-timetable/" gives the keys of "ferry timetable",
 * "/harbour/ferry-12345.html" those of "ferry", "/harbour/12345.html" none.
 */
function addressKeys(url: string | null | undefined): AddressKeys {
  if (!url) return { path: new Set(), lastStep: new Set() }
  let path = url
  try {
    path = decodeURIComponent(new URL(url).pathname)
  } catch {
    // Not an address, or a malformed escape: read it as written.
  }
  const step = path.split('/').filter(Boolean).at(-1) ?? ''
  return {
    path: topicKeys(path.replace(/[-_/.+]+/g, ' ')),
    lastStep: topicKeys(step.replace(/\.[a-z]{2,5}$/i, '').replace(/[-_.+]+/g, ' ')),
  }
}

/**
 * The share of the address a line covers: of its whole path, or of its last
 * step when that spells a headline's worth of words. The steps before it are
 * sections ("/news/section/"), shared with every page of the section.
 */
function addressCovered(own: ReadonlySet<string>, address: AddressKeys): number {
  const ofPath = overlap(address.path, own)
  return address.lastStep.size >= 3 ? Math.max(ofPath, overlap(address.lastStep, own)) : ofPath
}

/** Do two key sets hold the same keys? */
function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k))
}

/**
 * A short address ("/2024/05/ferry/", "/harbour/ferry-12345.html") names the
 * page by a word or two, too few to tell a headline by its share of them: a
 * line near the article's start that says those words and no others is the
 * headline, the shortest such line, then the nearest. -1 when there is none,
 * or when the chosen headline says them too.
 */
function lineTheShortAddressNames(blocks: readonly LabeledBlock[], address: AddressKeys, titleIndex: number, from: number, to: number): number {
  const step = address.lastStep
  if (step.size === 0 || step.size > 2) return -1
  // The chosen headline says those words too, and no word the address lacks.
  const chosen = titleIndex >= 0 ? blockKeys(blocks[titleIndex]!) : new Set<string>()
  if (overlap(step, chosen) === 1 && overlap(chosen, address.path) === 1) return -1
  let best = -1
  let bestLength = Infinity
  for (let i = Math.max(0, from); i < Math.min(blocks.length, to); i++) {
    const block = blocks[i]!
    if (block.features.prose || block.features.words > h.titleMaxWords || block.score >= 0.9) continue
    if (!sameKeys(blockKeys(block), step)) continue
    const length = plainTokens(block.text).length
    const distance = Math.abs(i - to)
    if (length < bestLength || (length === bestLength && distance < Math.abs(best - to))) {
      best = i
      bestLength = length
    }
  }
  return best
}

/**
 * How well a line names the article: half the share of its words in the
 * address and half the share of the address's words it covers (a section
 * label shares a word with "/fashion/plateau-sneaker-trend", the headline
 * covers it), plus the share of its words the body uses. Both shares of its
 * own words are discounted for lines of few words: a one-word label
 * ("Sneakers") is easily all address, a two-word one all topic.
 */
function titleEvidence(own: ReadonlySet<string>, address: AddressKeys, topics: ReadonlySet<string>): number {
  return (overlap(own, address.path) * Math.min(1, own.size / 2) + addressCovered(own, address)) / 2 + overlap(own, topics) * Math.min(1, own.size / 4)
}

/**
 * A line the address spells is the headline whatever its shape: "The ferry
 * was gone for two years. Now it is back." ends like a dek, and a menu's score
 * may have fallen on it. Three quarters of its words are in the address, and
 * it covers half the address at least (slugs add words of their own, up to a
 * dek's worth). A line that opens with a date is a dateline, though its
 * section and keywords spell the address too.
 */
function spellsSlug(block: LabeledBlock, own: ReadonlySet<string>, address: AddressKeys): boolean {
  if (own.size < 3 || block.features.words > h.titleMaxWords || block.features.sentences > 2 || (block.features.hasDate && /^\d/.test(block.text))) return false
  return overlap(own, address.path) >= 0.75 && addressCovered(own, address) >= 0.5
}

/**
 * The line the address spells better than the chosen headline does, anywhere
 * on the page: a line that spells it (above), and clearly better than the
 * chosen line does. -1 when there is none.
 */
function lineTheAddressSpells(blocks: readonly LabeledBlock[], address: AddressKeys, titleIndex: number): number {
  if (address.path.size < 3) return -1
  const slugScore = (keys: ReadonlySet<string>) => (overlap(keys, address.path) + addressCovered(keys, address)) / 2
  const threshold = (titleIndex >= 0 ? slugScore(blockKeys(blocks[titleIndex]!)) : 0) + ADDRESS_MARGIN
  let best = -1
  let bestScore = 0
  for (const block of blocks) {
    if (block.index === titleIndex || block.features.prose || block.features.words > h.titleMaxWords) continue
    const keys = blockKeys(block)
    if (!spellsSlug(block, keys, address)) continue
    // The first of equally good lines.
    const score = slugScore(keys)
    if (score >= threshold && (best < 0 || score > bestScore)) {
      best = block.index
      bestScore = score
    }
  }
  return best
}

/** The line that prints in full a headline cut short with an ellipsis, if there is one. */
function fullFormOf(blocks: readonly LabeledBlock[], index: number): number | null {
  const cut = /^(.{12,}?)\s*(?:\.\.\.|…)$/su.exec(blocks[index]!.text)
  if (!cut) return null
  const start = cut[1]!
  const full = blocks.find((b) => b.index !== index && b.text.length > start.length + 2 && b.text.startsWith(start) && !b.features.prose)
  return full ? full.index : null
}

/** How much better the address must spell another line than the chosen headline. */
const ADDRESS_MARGIN = 0.15

/** A breadcrumb trail's separators: "Home » News » Headline", "Start>People>Headline". */
const CRUMB = /\s*[»›>]\s*/u
/** A trail of links copied without separators before the headline: "HomeNewsFerry returns to the harbour". */
const GLUED_CRUMBS = /^(?:\p{Lu}\p{Ll}+){2,}(?=\p{Lu}\p{Ll})/u
/** A date printed before the headline on its line: "1. Februar 2022 …", "17.05.2024 …", "2024-05-17 …". */
const LEADING_DATE = /^(?:\d{1,2}\.\s*\p{L}+\.?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})\s+(?=\p{Lu})/u

/**
 * The last step of a breadcrumb trail ("Home » News » Ferry returns to the
 * harbour"), when it is headline-shaped and the steps before it are links of
 * a few words; null for any other line.
 */
function crumbTrailEnd(line: string): string | null {
  const crumbs = line.split(CRUMB).filter(Boolean)
  if (crumbs.length < 3 || !crumbs.slice(0, -1).every((crumb) => wordCount(crumb) <= 4)) return null
  const last = crumbs.at(-1)!
  const words = wordCount(last)
  return words >= h.titleMinWords && words <= h.titleMaxWords && !/[.;,]$/.test(last) ? last : null
}

/** A rating widget copied after the headline: the average, then the scale or the votes ("4.25 5 31"). */
const TRAILING_RATING = /\s+\d+[.,]\d+(?:\s+\d+){1,2}$/u
/** A one-word label before a quoted name: 'Specifications "Oak Skiff 4m"'. */
const LABEL_AND_QUOTE = /^\p{Lu}[\p{L}-]+:?\s+["„“«‚](.+)["“”»‘]$/u

/**
 * The headline in its line: the last step of a breadcrumb trail that ends in
 * it, without the trail's links glued before it, a date printed before it, or
 * a rating after it; the quoted name after a label, when the address spells
 * the name and not the label.
 */
function headlineOf(line: string, address: AddressKeys): string {
  const crumbs = line.split(CRUMB).filter(Boolean)
  let headline = crumbs.length >= 3 ? crumbs.at(-1)! : line
  const glued = GLUED_CRUMBS.exec(headline)
  if (glued && wordCount(headline.slice(glued[0].length)) >= 3) headline = headline.slice(glued[0].length)
  const dated = LEADING_DATE.exec(headline)
  if (dated && wordCount(headline.slice(dated[0].length)) >= 3) headline = headline.slice(dated[0].length)
  const rated = TRAILING_RATING.exec(headline)
  if (rated && wordCount(headline.slice(0, rated.index)) >= 3) headline = headline.slice(0, rated.index)
  const quoted = LABEL_AND_QUOTE.exec(headline)
  if (quoted && address.lastStep.size >= 2) {
    const label = topicKeys(headline.slice(0, headline.indexOf(quoted[1]!)))
    if (overlap(address.lastStep, topicKeys(quoted[1]!)) === 1 && overlap(label, address.path) === 0) headline = quoted[1]!
  }
  return headline
}

/** Share of `own` found in `other` (0 when `own` is empty). */
function overlap(own: ReadonlySet<string>, other: ReadonlySet<string>): number {
  if (own.size === 0 || other.size === 0) return 0
  let n = 0
  for (const k of own) if (other.has(k)) n++
  return n / own.size
}

export function readBlockMetadata(blocks: LabeledBlock[], region: Region | null, context: MetadataContext = {}): { metadata: BlockMetadata; blocks: LabeledBlock[] } {
  const out = blocks.slice()
  const metadata: BlockMetadata = { title: null, byline: null, source: null, published: null, description: null }
  const bodyIndexes = out.filter((b) => b.label === 'body').map((b) => b.index)
  if (!region || bodyIndexes.length === 0) return { metadata, blocks: out }
  const dateOptions: ParseDateOptions = { slashOrder: slashOrderFor(context.lang ?? null, context.url ?? null) }

  // The words of the article's paragraphs (not of the short lines that may be its byline).
  const proseAt = bodyIndexes.filter((i) => out[i]!.features.prose)
  const paragraphWords = proseAt.map((i) => plainWords(out[i]!.text))
  const bodyWords = new Set(paragraphWords.flat())
  const besidesBio = (name: string) => new Set(paragraphWords.filter((_, k) => !out[proseAt[k]!]!.text.startsWith(name)).flat())

  // Bylines and datelines inside the top of the article region: before its third paragraph
  // (a dek and a photo caption may come first), and no further than HEAD_BLOCKS.
  const headEnd = Math.min(proseAt[2] ?? Infinity, bodyIndexes[HEAD_BLOCKS - 1] ?? Infinity, bodyIndexes.at(-1)! + 1)
  for (const i of bodyIndexes.filter((j) => j < headEnd)) {
    const block = out[i]!
    const name = bylineName(block)
    if (name && !metadata.byline) {
      metadata.byline = name
      relabel(out, i, 'byline', 'a byline at the head of the article')
      metadata.published ??= parseDate(block.text, dateOptions)
    } else if (isDateline(block)) {
      // A line of more words than a date and its label is a dateline only when it names the writer too.
      const writer = nameInMetaRow(block.text, bodyWords)
      if (wordsOfLetters(block.text) > 8 && !writer) continue
      metadata.published ??= parseDate(block.text, dateOptions)
      metadata.byline ??= writer
      relabel(out, i, 'dateline', 'a date at the head of the article')
    } else if (isLinkRow(block)) {
      relabel(out, i, 'navigation', 'a row of links at the head of the article')
    }
  }

  let bodyStart = out.findIndex((b) => b.label === 'body')
  if (bodyStart < 0) return { metadata, blocks: out }
  const remainingBody = out.filter((b) => b.label === 'body').map((b) => b.index)
  if (isDek(out, remainingBody)) {
    metadata.description = out[bodyStart]!.text
    relabel(out, bodyStart, 'description', 'the standfirst between the headline and the body')
    bodyStart = remainingBody[1]!
  }

  // The headline: of the headline-shaped blocks above the body (past the
  // byline, dateline, dek and any ad or share row between them), the one
  // that names what the body and the page's address talk about; failing
  // that, the nearest.
  const topics = unionKeys(out.filter((b) => b.label === 'body'))
  const address = addressKeys(context.url)
  const header: number[] = []
  const candidates: { i: number; score: number; near: boolean }[] = []
  // Without evidence only the nearest blocks up to a strong chrome block may be the
  // headline; with evidence the search reaches past share rows and sign-up prompts.
  let near = true
  for (let i = bodyStart - 1; i >= 0 && bodyStart - i <= settings.header.titleReach; i--) {
    const block = out[i]!
    if (bodyStart - i > h.titleSearch) near = false
    header.push(i)
    if (block.label === 'byline' || block.label === 'dateline') continue
    if (bylineName(block) || isDateline(block) || NOT_A_HEADLINE.test(block.text)) continue
    if (['advertisement', 'social', 'ui'].includes(block.label) && block.score >= 0.8) continue
    const own = blockKeys(block)
    if ((isHeadline(block) && block.score < 0.9) || spellsSlug(block, own, address)) {
      const score = titleEvidence(own, address, topics) - (bodyStart - i) * settings.header.titleDistanceCost
      candidates.push({ i, score, near })
    }
    if (block.score >= 0.9) near = false
  }
  // The region may have started at the headline itself, or at a kicker or a row of links
  // over it: the headline, when headline-shaped, competes too, judged against the rest.
  // A headline the address spells may stand lower, under the lead picture's caption.
  const firstProse = remainingBody.findIndex((i) => out[i]!.features.prose)
  const spelled = remainingBody
    .slice(1, Math.min(SPELLED_HEADLINE_REACH, firstProse < 0 ? Infinity : firstProse + 1))
    .find((i) => out[i]!.label === 'body' && !out[i]!.features.prose && spellsSlug(out[i]!, blockKeys(out[i]!), address))
  const kicker = spelled === undefined && isKicker(out[bodyStart]!) && remainingBody.length > 3 ? bodyStart : -1
  const opening = spelled ?? (kicker >= 0 ? remainingBody[remainingBody.indexOf(bodyStart) + 1]! : bodyStart)
  const first = out[opening]!
  // A breadcrumb trail that ends in the headline may be long enough to pass for prose.
  const trailEnd = crumbTrailEnd(first.text)
  const firstKeys = trailEnd !== null ? topicKeys(trailEnd) : blockKeys(first)
  if (((isHeadline(first) && !first.features.prose) || trailEnd || spellsSlug(first, firstKeys, address)) && remainingBody.length > 2) {
    const rest = unionKeys(out.filter((b) => b.label === 'body' && b.index !== opening && b.index !== kicker))
    const score = titleEvidence(firstKeys, address, rest)
    if (score >= settings.header.minTitleEvidence) candidates.push({ i: opening, score, near: false })
  }
  const named = candidates.filter((c) => c.score >= settings.header.minTitleEvidence).sort((a, b) => b.score - a.score)[0]
  const titleIndex = (named ?? candidates.find((c) => c.near))?.i ?? -1
  if (kicker >= 0 && titleIndex === opening) {
    relabel(out, kicker, 'navigation', 'a label over the headline: a kicker or a row of links')
    bodyStart = opening
  }
  // A kicker ending in a colon, just above the headline, opens it: "Back on the water: the ferry returns".
  let kickerOpening: string | null = null
  if (spelled !== undefined && titleIndex === spelled) {
    const above = out[spelled - 1]!
    if (remainingBody.includes(above.index) && /:\s*$/.test(above.text) && isKicker(above)) kickerOpening = above.text
    // What passed for the dek stands above the headline.
    if (out.some((b) => b.index < spelled && b.label === 'description')) metadata.description = null
    for (const i of remainingBody.filter((j) => j < spelled)) relabel(out, i, 'other', 'above the headline, inside the region: a caption or a kicker')
    bodyStart = spelled
  }
  // The address may spell a line elsewhere on the page (a page title over a teaser, a
  // headline inside a region that started early): that line is the headline. So is the
  // full form of a headline cut short with an ellipsis ("The ferry is back in the…").
  const betterLine = (titleIndex >= 0 ? fullFormOf(out, titleIndex) : null) ?? lineTheAddressSpells(out, address, titleIndex)
  const addressed = betterLine >= 0 ? betterLine : lineTheShortAddressNames(out, address, titleIndex, bodyStart - settings.header.titleReach, bodyStart + 1)
  const headline = addressed >= 0 ? addressed : titleIndex
  if (headline >= 0) {
    // A question under a kicker may have passed for the dek.
    if (out[headline]!.label === 'description') metadata.description = null
    metadata.title = headline === titleIndex && kickerOpening ? `${kickerOpening.trim()} ${out[headline]!.text}` : headlineOf(out[headline]!.text, address)
    const reason =
      addressed >= 0
        ? 'the line the address spells: the headline'
        : named
          ? 'the headline above the article: it names what the body is about'
          : 'the headline above the article'
    relabel(out, headline, 'title', reason)
  }
  // Between the headline and the body: bylines, datelines and the dek.
  for (const i of header) {
    if (i <= titleIndex || (titleIndex < 0 && bodyStart - i > h.titleSearch)) break
    const block = out[i]!
    if (block.label === 'description' || block.label === 'byline') continue
    const name = bylineName(block)
    const next = out[i + 1]
    if (name) {
      metadata.byline ??= name
      metadata.published ??= parseDate(block.text, dateOptions)
      relabel(out, i, 'byline', 'a byline between the headline and the body')
    } else if (LONE_LEAD.test(block.text) && next && i + 1 < bodyStart && isNameLike(next) && !isLanguageMenu(block, next)) {
      // "By" on its own line, the name on the next (a link in the page).
      metadata.byline ??= cleanByline(next.text)
      relabel(out, i, 'byline', 'a byline between the headline and the body')
      relabel(out, i + 1, 'byline', 'a byline between the headline and the body')
    } else if (isDateline(block)) {
      metadata.published ??= parseDate(block.text, dateOptions)
      metadata.byline ??= nameInMetaRow(block.text, bodyWords)
      relabel(out, i, 'dateline', 'a date between the headline and the body')
    } else if (!metadata.description && block.features.terminalPunctuation && block.features.words >= 8 && block.features.words <= h.dekMaxWords) {
      metadata.description = block.text
      relabel(out, i, 'description', 'a sentence between the headline and the body')
    }
  }

  // Some templates print the meta row above the headline: "01.12.2022 | von Jane Doe", then the headline.
  if (!metadata.byline && titleIndex > 0) {
    for (let i = titleIndex - 1; i >= Math.max(0, titleIndex - BYLINE_ABOVE_TITLE_REACH); i--) {
      const block = out[i]!
      if (block.label !== 'navigation' || block.score >= 0.9 || !INNER_BY.test(block.text)) continue
      const name = bylineName(block)
      // Only a lead word says byline this far from the body: a capitalised name, or a handle beside a date.
      if (!name || !(/^\p{Lu}/u.test(name) || block.features.hasDate)) continue
      metadata.byline = name
      metadata.published ??= parseDate(block.text, dateOptions)
      relabel(out, i, 'byline', 'a byline just above the headline')
      break
    }
  }

  // A work's title, "by" on its own line and the writer above the headline (a chapter of a
  // serial, a book's page): "Harbour Tales" / "by" / "jdoe" / "Chapter 1: The Ferry".
  if (!metadata.byline && titleIndex > 1) {
    for (let i = titleIndex - 2; i >= Math.max(0, titleIndex - BYLINE_ABOVE_TITLE_REACH - 1); i--) {
      const lead = out[i]!
      const next = out[i + 1]!
      if (!UNAMBIGUOUS_LONE_LEAD.test(lead.text) || !(isNameLike(next) || HANDLE.test(next.text))) continue
      const name = cleanByline(next.text)
      if (!name) continue
      metadata.byline = name
      relabel(out, i, 'byline', 'a byline just above the headline')
      relabel(out, i + 1, 'byline', 'a byline just above the headline')
      break
    }
  }

  // Some templates print the date just above the headline, the writer's name beside it:
  // "Jane Doe" / "01.21.2020 07:00 AM" / the headline.
  if (titleIndex > 0) {
    for (let i = titleIndex - 1; i >= Math.max(0, titleIndex - META_ABOVE_TITLE_REACH); i--) {
      const block = out[i]!
      if (block.label !== 'navigation' || block.score >= 0.9 || !isDateline(block)) continue
      metadata.published ??= parseDate(block.text, dateOptions)
      relabel(out, i, 'dateline', 'a date just above the headline')
    }
  }

  // The writer's name in a dateline ("26. September 2019 Jane Doe Kultur"), or alone on its
  // line under the headline or near a dateline (a role or a handle may stand between).
  if (!metadata.byline && titleIndex >= 0) {
    const start = Math.max(0, titleIndex - META_ABOVE_TITLE_REACH)
    // As far as the head of the region reaches: a lead paragraph may stand above the byline.
    const end = Math.min(out.length, Math.max(bodyStart + 4, headEnd))
    const isDatelineAt = (j: number) => j >= start && j < end && out[j]?.label === 'dateline'
    // Between a name and its dateline only short lines: a role, a handle, a section label.
    const short = (j: number) => j !== titleIndex && !out[j]!.features.prose && out[j]!.features.words <= 4
    const nearDateline = (i: number) => {
      for (const step of [-1, 1]) {
        for (let j = i + step, d = 1; d <= 3 && j >= 0 && j < out.length; j += step, d++) {
          if (isDatelineAt(j)) return true
          if (!short(j)) break
        }
      }
      return false
    }
    const headlineWords = new Set(plainWords(metadata.title ?? out[titleIndex]!.text))
    const inHeadline = (name: string) => plainWords(name).every((word) => headlineWords.has(word))
    for (let i = start; i < end && !metadata.byline; i++) {
      const block = out[i]!
      if (i === titleIndex || (block.label !== 'body' && block.label !== 'navigation' && block.label !== 'dateline')) continue
      const name =
        block.label === 'dateline' ? nameInMetaRow(block.text, bodyWords) : i === titleIndex + 1 || nearDateline(i) ? personName(block.text) : null
      // A section label is shaped like a name too, but uses the article's words.
      // The writer's bio may close the article ("Jane Doe is a reporter…"): it does not make the name a topic.
      // A name the headline says is its subject (a place, a company, an interviewee), not the writer.
      if (!name || namesTopic(name, besidesBio(name)) || inHeadline(name) || isMenuItem(out, block)) continue
      metadata.byline = name
      if (block.label !== 'dateline') relabel(out, i, 'byline', 'a name alone beside the headline or the dateline')
    }
  }

  // A blog prints the byline in the post's footer: "Posted by Jane Doe at 2:33 PM"
  // just after the text. Only a verb lead counts there ("by" alone may credit anything).
  if (!metadata.byline) {
    const lastBody = out.reduce((last, b, i) => (b.label === 'body' ? i : last), -1)
    for (let i = lastBody + 1; i < Math.min(out.length, lastBody + 1 + FOOTER_BYLINE_REACH); i++) {
      const block = out[i]!
      if (block.features.words > h.bylineMaxWords || !FOOTER_LEAD.test(block.text)) continue
      const name = cleanByline(block.text)
      if (!name || /\d/.test(name)) continue
      metadata.byline = name
      relabel(out, i, 'byline', "a byline in the post's footer")
      break
    }
  }

  // A signature under the text: the writer's name alone, set in bold or italics, as
  // the last line of the container that holds the article's paragraphs.
  if (!metadata.byline) {
    for (const block of out) {
      if (block.label !== 'body') continue
      const name = signatureName(out, block)
      if (!name || namesTopic(name, bodyWords)) continue
      metadata.byline = name
      relabel(out, block.index, 'byline', 'a name in bold or italics closing the article: its signature')
      break
    }
  }

  // The masthead: the page's first block, when it is a name and not a menu item.
  const top = out[0]!
  if (titleIndex !== 0 && top.label === 'navigation' && top.score < 0.9 && isNameLike(top) && top.index < (titleIndex >= 0 ? titleIndex : bodyStart)) {
    metadata.source = top.text
    relabel(out, 0, 'masthead', 'the site name at the top of the page')
    const tagline = out[1]
    if (tagline && tagline.label === 'navigation' && tagline.score < 0.9 && tagline.index < titleIndex && tagline.features.words >= 4 && !tagline.features.terminalPunctuation) {
      relabel(out, 1, 'masthead', 'the tagline under the site name')
    }
  }

  // An agency credit names the source more precisely than the masthead.
  const body = out.filter((b) => b.label === 'body')
  const credit = (body.at(-1) && CLOSING_CREDIT.exec(body.at(-1)!.text)) || (body[0] && OPENING_CREDIT.exec(body[0].text))
  if (credit?.[1] && credit[1].split(/\s+/).length <= 4) metadata.source = credit[1].trim()

  // No byline in the header: the name in an author box after the article.
  if (!metadata.byline) {
    // A user name is as good as a name there: the box is the writer's.
    const name = out.find((b) => b.label === 'author-box' && (isNameLike(b) || isUserName(b.text)))
    if (name) metadata.byline = cleanByline(name.text)
  }
  return { metadata, blocks: out }
}
