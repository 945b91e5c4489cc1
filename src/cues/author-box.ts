import { type CueSet, wholeBlock } from './types.js'

/** Author bio blocks: a heading, and the third-person bio sentence. */
export const authorBox: CueSet = {
  kind: 'author-box',
  labels: [
    wholeBlock(
      'about(?: the)? (?:author|writer|contributor)s?',
      'author(?: bio| profile)?',
      '(?:more|other|latest) (?:articles|stories|posts) (?:by|from) (?:this|the) author',
      'view (?:all )?(?:posts|articles) by .{1,40}',
      'über (?:den|die) autor(?:in)?',
      "(?:à propos de l'|l')auteur",
      'sobre (?:el|o) autor',
    ),
  ],
  phrases: [],
  weakPhrases: [
    /^\S+(?: \S+){0,3} (?:is|was) (?:an?|the) (?:\S+ ){0,4}(?:writer|reporter|journalist|editor|correspondent|columnist|contributor|author|producer|freelancer|expert|analyst|founder|consultant)\b/iu,
    /\b(?:follow|reach|contact) (?:him|her|them) (?:on|at|via)\b/i,
    // The same third-person sentence in German, French and Spanish ("… ist ERP-Experte mit …", "… leitet das Ressort …").
    /^\S+(?: \S+){0,3} (?:ist|war) (?:\S+ ){0,4}\S*(?:journalist|redakteur|autor|korrespondent|reporter|kolumnist|experte|expertin|publizist)(?:in)?\b|^\S+(?: \S+){0,3} leitet (?:das|die|den) (?:ressort|redaktion|abteilung)\b/iu,
    /^\S+(?: \S+){0,3} (?:est|était) (?:\S+ ){0,4}(?:journaliste|rédact(?:eur|rice)|correspondant|chroniqueu(?:r|se)|auteur|autrice)\b|^\S+(?: \S+){0,3} (?:es|fue) (?:\S+ ){0,4}(?:periodista|redactor|redactora|corresponsal|columnista|autor|autora)\b/iu,
  ],
  heads: true,
  labelsClose: true,
  phrasesClose: true,
  maxWords: 90,
}
