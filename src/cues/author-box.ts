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
    /^\S+(?: \S+){0,3} (?:is|was) (?:an?|the) (?:\S+ ){0,4}(?:writer|reporter|journalist|editor|correspondent|columnist|contributor|author|producer|freelancer)\b/iu,
    /\b(?:follow|reach|contact) (?:him|her|them) (?:on|at|via)\b/i,
  ],
  heads: true,
  labelsClose: true,
  phrasesClose: true,
  maxWords: 90,
}
