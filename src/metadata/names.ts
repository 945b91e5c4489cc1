import { CUE_SETS } from '../cues/index.js'
import { findDate } from './dates.js'

/**
 * Byline text → author names as printed: "By Jane Doe, Staff Writer | May
 * 17, 2024" → "Jane Doe". Used on meta values, JSON-LD names, byline
 * elements and plain-text byline lines alike.
 *
 * The phrase lists below are small and general (function words of bylines
 * in the languages most of the web is written in); none names a site.
 */

/**
 * Words that introduce a byline: en "by", "written by", "posted by"; de
 * "von", "verfasst von"; fr "par"; es/pt "por"; nl "door"; pl "przez"; plus
 * "Author:"-style labels and a forum thread's "Themenstarter".
 */
const LEAD_WORDS = 'by|von|durch|par|por|door|przez'
const LEAD = new RegExp(`^(?:(?:written|reported|posted|story|words|compiled|published)\\s+by|${LEAD_WORDS}|(?:verfasst|geschrieben|gespeichert|erstellt|veröffentlicht)\\s+von|autor(?:in|en)?|authors?|auteur|autore|texte?|redakteur(?:in)?|themenstarter(?:in)?|thread starter)(?:\\s*[:\\-–—]\\s*|\\s+)`, 'iu')
/**
 * Lower-case only: it "di", "a cura di", sv/no/da "av"/"af". Capitalised they
 * start surnames (Di Maria), so only the lower-case word is a lead.
 */
const LEAD_LOWER = /^(?:di|a cura di|av|af)\s+/u
/** A label that ends in its lead word, the name missing: "Artikel von", "Posted by". */
const LABEL_WITHOUT_NAME = new RegExp(`\\s(?:${LEAD_WORDS})$`, 'iu')
/**
 * A lead word inside the line, after a short label: "Opinion By Jane",
 * "Disko Von Jane" (a capitalised "Von" mid-line is a lead, the particle of
 * "Alexa von Heyden" is lower-case), "Beitrag von jane23".
 */
const INNER_LEAD = /(?:^|\s)(?:by|By|BY|Von|VON|par|Par|por|Por|door|Door)\s+(?=\S)/gu
/** Nouns that label a piece before its writer's "von": "Beitrag von", "Artikel von". */
export const VON_LABEL_NOUNS = /beitr(?:a|ä)ge?|artikel|text|bericht|kommentar|interview|gastbeitrag/
/** Lower-case "von" is a lead only after a label word ("Beitrag von", "Zeige alle Beiträge von", "gespeichert von"). */
const VON_AFTER_LABEL = new RegExp(
  `(?:^|\\s)(?:${VON_LABEL_NOUNS.source}|gespeichert|geschrieben|verfasst|erstellt|veröffentlicht|eingestellt|gepostet|publiziert)\\s+von\\s+(?=\\S)`,
  'giu',
)
/** How many words of label may stand before an inner lead word. */
const MAX_LABEL_WORDS = 4

/**
 * Credits that are not the writer's: photos, images, licences. A line that
 * starts with one is no byline at all; one that follows the writer is cut.
 */
const CREDIT = /(?:^|[\s,;|/(])(?:fotos?|photos?|photographs?|photography|bilder?|images?|illustrations?|grafik|graphics?|video|credits?|cc[ -]by)\b(?:\s*(?:by|von|:))?/iu

/**
 * Job titles that follow a name ("Jane Doe, Staff Writer", "Jane Doe - Correspondent").
 * Small on purpose: a role is only cut when it follows a separator or ends the text.
 * `(?<!\w)` for `\b`, here and below: see cues/types.ts.
 */
const ROLE_WORDS =
  /(?<!\w)(?:(?:senior|chief|deputy|associate|assistant|managing|executive|contributing|special|political|foreign|national|local|business|sports?|science|health|technology|tech|staff|guest|freelance|news|digital|social media|investigative|data|legal|economics|correspondent)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|photographer|producer|analyst|author|intern|staff|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|autor(?:in)?|journaliste|rédacteur|rédactrice|periodista|redactor(?:a)?|corresponsal|giornalista|redattore|redattrice)s?\b/iu

/** A job title closing a part: the part is a role, whatever words qualify it. */
const ROLE_TAIL =
  /(?<!\w)(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|photographer|producer|analyst|intern|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|journaliste|rédacteur|rédactrice|periodista|redactor(?:a)?|corresponsal|giornalista|redattore|redattrice)s?$/iu

/**
 * Separators between several authors, as printed; kept in the output.
 * Conjunctions are matched lower-case between spaces so that initials
 * ("J. I. Silva", "Y. Chen") are not taken for "i" or "y".
 */
const AUTHOR_SEPARATOR = /\s*[,;/&+]\s*|\s+(?:and|AND|und|et|y|e|en|i|och|og)\s+/u

/** Cap on one name's words: longer "names" are sentences. */
const MAX_NAME_WORDS = 6
/** Cap on the cleaned byline: a byline is a line, not a paragraph. */
const MAX_BYLINE_CHARS = 120

function fold(text: string): string {
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim()
}

/** Words of a text as written, split at whitespace (bylines and titles are short; no segmenter needed). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/** Lower-case letters and digits only, to compare a name with a site name or host. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Is this value an address rather than a name (facebook profile links, author pages)? */
export function isUrlLike(text: string): boolean {
  const t = text.trim()
  if (/^(?:https?:)?\/\/|^www\./i.test(t)) return true
  return !/\s/.test(t) && /^\/[\w-]|\.(?:com|org|net|de|fr|uk|io)(?:\/|$)/i.test(t)
}

/**
 * Values that stand for nobody in particular: CMS default accounts, and the
 * labels of a byline or dateline field left alone once the value is cut
 * ("Published", "Datum", "Uncategorized").
 */
const NOT_A_NAME =
  /^(?:admin|administrator|webmaster|root|user|guest|anonymous|unknown|null|undefined|none|staff|editor|author|authors|autor|autorin|auteur|autore|autora|von|by|published|posted|updated|date|datum|veröffentlicht|publiziert|aktualisiert|stand|erstellt|publié|publicado|uncategori[sz]ed|unkategorisiert|allgemein|general|news|home|share|teilen|quelle|source|fuente|fonte|bron|\w*admin)$/iu

/** A control or box label of the page's chrome ("View Comments", "About Me", "Share"): the cue lexicons' labels. */
function isChromeLabel(text: string): boolean {
  return CUE_SETS.some((set) => set.labels.some((label) => label.test(text)))
}

/** Does `name` look like one of the site names (same letters, or a site name with its TLD)? */
export function looksLikeSiteName(name: string, siteNames: readonly string[]): boolean {
  const key = nameKey(name)
  if (!key) return false
  return siteNames.some((site) => {
    const s = nameKey(site.replace(/\.(?:com|org|net|co\.uk|de|fr|es|it|nl|ch|at)$/i, ''))
    return s.length > 0 && (s === key || nameKey(site) === key)
  })
}

/** Field labels left at the end of a byline line whose value sat in another element: "Jane Doe Published". */
const LABEL_TAIL =
  /(?:[\s,|·•]+(?:(?:last|zuletzt)\s+)?(?:published|updated|posted|veröffentlicht|publiziert|aktualisiert|erschienen|datum|publié|publicado|pubblicato)\.?:?)+[\s,:|·•]*$/iu
/**
 * Counters and fields printed after the name in the same row: a reading time
 * ("Lesezeit"), a taxonomy field ("Kategorien: Reisen"), a comment count in
 * words ("Ein Kommentar", "No comments"; counts in digits go with the first
 * digit), and a labelled field after a slash ("/ Kategorien: …").
 */
const COUNTER_TAIL =
  /\s+(?:(?:lesezeit|reading time|temps de lecture|tiempo de lectura)\b|(?:kategorien?|categories|category|tags?|schlagw(?:ö|oe)rter|themen|rubriken?|filed under|catégories?|categorías?)\s*:|(?:ein|eine|keine|one|no|un|une|sin)\s+(?:kommentare?|comments?|antworten|replies|commentaires?|comentarios?)\b|\/\s+[\p{L} ]{1,24}:).*$/iu

/** Weekdays written out (en, de, fr, es, it, nl): a date's word, never a name's. */
export const WEEKDAY =
  /monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag/iu

/** Weekdays, their abbreviations, and connectives left before a cut date: "Jane Doe, Friday, on". */
const DATE_LEFTOVER = new RegExp(
  `(?:[\\s,|·•]+(?:on|am|le|el|il|em|op|at|stand|date|${WEEKDAY.source}|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)\\.?)+[\\s,:|·•]*$`,
  'iu',
)

/**
 * Cuts everything from the first date on, and from the first word that
 * starts with a digit ("Jane Doe 3 min read"): a name's words do not start
 * with digits (a handle may end with some: "jane23").
 */
function cutDates(text: string): string {
  let end = text.length
  const number = /(?:^|\s)\d/.exec(text)
  if (number) end = number.index
  const date = findDate(text)
  if (date && date.index < end) end = date.index
  if (end === text.length) return text.replace(LABEL_TAIL, '')
  let head = text.slice(0, end)
  // Labels and weekdays may alternate: "Jane Doe | Published Fri,".
  for (let i = 0; i < 3; i++) head = head.replace(DATE_LEFTOVER, '').replace(LABEL_TAIL, '')
  return head.replace(/[\s,;:|·•\-–—(]+$/u, '')
}

/** A role after a separator ("…, Staff Writer"), and one glued to the end ("… Staff Writer"). */
const SEPARATED_ROLE = new RegExp(`\\s*[,|–—-]\\s*${ROLE_WORDS.source}.*$`, 'iu')
const GLUED_ROLE = new RegExp(`\\s+${ROLE_WORDS.source}\\s*$`, 'iu')

/** A lower-case letter run into a capitalised job title: "DoeStaff", "DoeReporter". */
const GLUED_ROLE_WORD = /(\p{Ll})(?=(?:Staff|Writer|Reporter|Editor|Correspondent|Contributor|Columnist|Redakteur|Autor)(?:in)?\b)/u

/** Removes a role that follows the name after a separator, or closes the text. */
function cutRole(name: string): string {
  let out = name
  // "Jane Doe, Staff Writer", "Jane Doe - Correspondent", "Jane Doe | Editor"
  out = out.replace(SEPARATED_ROLE, '')
  // "Jane Doe Staff Writer" (role glued to the end), but only when a whole name is left:
  // "Jörg Staff" and "Rasender Reporter" are names.
  const glued = GLUED_ROLE.exec(out)
  if (glued && out.slice(0, glued.index).trim().split(/\s+/).length >= 2) out = out.slice(0, glued.index)
  return out
}

/** Drops a short label before an inner lead word: "Beitrag von jane23" → "jane23". */
function cutLabel(line: string): string {
  let cut = -1
  const leads = [...line.matchAll(INNER_LEAD), ...line.matchAll(VON_AFTER_LABEL)].sort((a, b) => a.index - b.index)
  for (const m of leads) {
    const before = line.slice(0, m.index).trim()
    if (wordCount(before) > MAX_LABEL_WORDS) break
    // A label has no list in it: "Smith, Jones by …" is not a label.
    if (/[,;&]/.test(before)) break
    cut = m.index + m[0].length
  }
  return cut >= 0 ? line.slice(cut) : line
}

/** A part that is only a role. Compiled once: names are cleaned many times per page. */
const ONLY_ROLE = new RegExp(`^(?:the\\s+)?${ROLE_WORDS.source}$`, 'iu')

/** A role where it is tried, at a given position (sticky). */
const ROLE_AT = new RegExp(ROLE_WORDS.source, 'iuy')

/**
 * Patterns for each site name between spaces, compiled once per list of site
 * names (one list per page), and let go with it: a cache keyed by the names
 * themselves would keep each page's source alive, since a name cut from the
 * page's markup shares its memory. The role after the name is tried apart
 * (ROLE_AT): a pattern with the roles inside costs a millisecond to compile.
 */
const siteBetweenSpacesCache = new WeakMap<readonly string[], RegExp[]>()

function siteBetweenSpaces(siteNames: readonly string[]): RegExp[] {
  let patterns = siteBetweenSpacesCache.get(siteNames)
  if (!patterns) {
    patterns = siteNames.filter((site) => site.length >= 3).map((site) => new RegExp(`\\s+${escapeRegExp(site)}\\s+`, 'giu'))
    siteBetweenSpacesCache.set(siteNames, patterns)
  }
  return patterns
}

/** "Jane Doe ExampleSite Staff" → "Jane Doe Staff": a site name before a role is no part of the name. */
function cutSiteBeforeRole(name: string, siteNames: readonly string[]): string {
  for (const pattern of siteBetweenSpaces(siteNames)) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(name); m; m = pattern.exec(name)) {
      const end = m.index + m[0].length
      ROLE_AT.lastIndex = end
      if (ROLE_AT.test(name)) {
        name = `${name.slice(0, m.index)} ${name.slice(end)}`
        break
      }
      // The next match may start inside this one ("… Site Site Staff").
      pattern.lastIndex = m.index + 1
    }
  }
  return name
}

/**
 * One author name, cleaned: the name, or `drop` when the part is no name
 * but harmless (empty, a role, a field label), or `reject` when the part
 * reads as something else than a name (a sentence, a tagline).
 */
function cleanName(raw: string, siteNames: readonly string[], first = true, typed = false): string | 'drop' | 'reject' {
  let name = fold(raw).replace(/^[\s,;:|·•\-–—~*]+|[\s,;:|·•\-–—~*]+$/gu, '').replace(/^@/, '')
  name = name.replace(LEAD, '').replace(LEAD_LOWER, '')
  // A part that is only a role ("Staff Writer" after a comma) is no name.
  if (ONLY_ROLE.test(name)) return 'drop'
  // After a separator, a few words ending in a job title are a role: "…, Senior Markets Correspondent".
  if (!first && ROLE_TAIL.test(name) && name.split(/\s+/).length <= 4) return 'drop'
  name = cutSiteBeforeRole(name, siteNames)
  // A role glued to the name without a space ("Jane DoeStaff", two links side by side).
  name = cutRole(name.replace(GLUED_ROLE_WORD, '$1 '))
  name = name.replace(/^[\s,;:|·•\-–—()~*]+|[\s,;:|·•\-–—(~*]+$/gu, '').trim()
  if (!name || !/\p{L}/u.test(name) || NOT_A_NAME.test(name) || isChromeLabel(name)) return 'drop'
  if (LABEL_WITHOUT_NAME.test(name)) return 'drop'
  // A domain ("news.example.com") names a site, not a person.
  if (/^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}$/i.test(name)) return 'drop'
  const words = name.split(/\s+/)
  if (words.length > MAX_NAME_WORDS) return 'reject'
  // A name of several words capitalises each, but for particles (von, de, van, …) and
  // abbreviations (e.V.); "Leave a comment" and "Hinterlasse einen Kommentar" are not
  // names. A single word may be a handle ("jancak"). A name structured data gives
  // as an author's is taken as its owner typed it ("Jane doe"), if it starts as a name.
  if (words.length > 1 && !(typed ? /^[\p{Lu}\p{Lt}]/u.test(words[0]!) : words.every(nameLike))) return 'reject'
  return name
}

/** A word as a name writes it: capitalised, a particle (von, de, van, …) or an abbreviation (e.V.). */
function nameLike(word: string): boolean {
  return /^[\p{Lu}\p{Lt}\p{N}"'‘“(]/u.test(word) || PARTICLE.test(word) || /\./.test(word)
}

/** Lower-case words that belong inside names of people and organisations. */
const PARTICLE = /^(?:von|vom|zu|zur|van|der|den|des|de|del|della|degli|di|da|das|dos|du|le|la|les|ter|ten|bin|ibn|al|el|y|e|i|mc|of|the|for|and|und|et|für|für)$/u

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The default list of site names: one shared array, so the per-list pattern cache is not refilled for every call. */
const NO_SITE_NAMES: readonly string[] = []

/**
 * Author names in a byline, as printed, without "By", roles, emails, dates
 * or "and N others"; several names keep the separators they were printed
 * with ("Jane Doe and John Roe", "Jane Doe, John Roe"). Null when nothing
 * name-like is left, when the value is an address or a photo credit, or
 * when it is a site name.
 */
export function cleanByline(text: string, siteNames: readonly string[] = NO_SITE_NAMES, { typed = false }: { typed?: boolean } = {}): string | null {
  if (!text) return null
  let line = fold(text)
  if (isUrlLike(line)) return null
  // A photo or licence credit is not the writer's byline.
  const credit = CREDIT.exec(line)
  if (credit && credit.index === 0) return null
  if (credit) line = line.slice(0, credit.index)
  line = line
    // Emails (and their obfuscated placeholders) carry no name a reader sees as the byline.
    .replace(/\S+@\S+\.\w+|\[\s*email[\s\u00a0]*protected\s*\]/gi, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    // "and 3 others", "+2 more"
    .replace(/\s*(?:,|\band\b|&|\+)\s*\d+\s+(?:others?|more|weitere|autres|otros)\b.*$/iu, '')
    .replace(/\s*\+\s*\d+\s*$/u, '')
    // Asides in parentheses are roles or agencies ("(Text)", "(AP)"); a bio sentence is not a name.
    .replace(/\s*\([^)]*\)/g, ' ')
    .replace(/\s+(?:is|was|ist|est|es|è|é)\s+(?:a|an|the|ein|eine|un|une|una|uno|um|uma)\s.*$/iu, '')
  // Everything after a field separator is another field (date, section, reading time).
  line = line.split(/\s+[|·•]\s+|\s*\n\s*/u)[0] ?? ''
  line = fold(line)
  line = cutLabel(line)
  line = cutDates(line).replace(COUNTER_TAIL, '')
  line = fold(line.replace(LEAD, '').replace(LEAD_LOWER, ''))
  // "Text und Interview: Jane Doe": a short label before a colon.
  line = line.replace(/^[\p{L} ]{1,30}:\s+(?=\S)/u, (label) => (wordCount(label) <= 3 ? '' : label))
  if (!line) return null

  // Clean each name, keep the separators as printed.
  const parts = line.split(new RegExp(`(${AUTHOR_SEPARATOR.source})`, 'u'))
  let names: string[] = []
  let separators: string[] = []
  let rejected = false
  for (let i = 0; i < parts.length; i += 2) {
    const name = cleanName(parts[i] ?? '', siteNames, i === 0, typed)
    if (name === 'reject') rejected = true
    if (name === 'drop' || name === 'reject') continue
    if (names.length > 0) separators.push(parts[i - 1] ?? ', ')
    names.push(name)
  }
  if (rejected) {
    // A part that is no name may be half of one cut at "and" ("Ministry for Trade and
    // Industry"): read the line as one name; if that fails too, it is no byline.
    const whole = cleanName(line, siteNames, true, typed)
    if (whole === 'drop' || whole === 'reject') return null
    names = [whole]
    separators = []
  }
  if (names.length === 0) return null
  const kept: string[] = []
  const keptSeparators: string[] = []
  names.forEach((name, i) => {
    if (looksLikeSiteName(name, siteNames) && names.length > 1) return
    if (kept.length > 0) keptSeparators.push(separators[i - 1] ?? ', ')
    kept.push(name)
  })
  if (kept.length === 1 && looksLikeSiteName(kept[0]!, siteNames)) return null
  let out = kept[0]!
  for (let i = 1; i < kept.length; i++) out += normaliseSeparator(keptSeparators[i - 1]!) + kept[i]!
  out = fold(out)
  if (out.length > MAX_BYLINE_CHARS) return null
  return out
}

function normaliseSeparator(separator: string): string {
  const s = separator.trim()
  if (s === ',' || s === ';') return `${s} `
  return ` ${s} `
}

/** The individual names of a cleaned byline ("A, B and C" → [A, B, C]). */
export function splitNames(byline: string): string[] {
  return byline
    .split(new RegExp(AUTHOR_SEPARATOR.source, 'gu'))
    .map((n) => n.trim())
    .filter(Boolean)
}
