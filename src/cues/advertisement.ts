import { type CueSet, wholeBlock } from './types.js'

/** Ad slot labels and "story continues below" markers, in the languages most pages use. */
export const advertisement: CueSet = {
  kind: 'advertisement',
  labels: [
    wholeBlock(
      'advert(?:isement)?s?',
      'advertising',
      'ads?',
      'sponsored(?: content| post| links?)?',
      'promoted(?: content| stories)?',
      'paid (?:post|content|partnership)',
      'advertorial',
      'partner content',
      '(?:the )?(?:story|article|content) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?',
      'continue reading (?:below|the main story)',
      'scroll (?:down )?to continue(?: reading| with content)?',
      'anzeige',
      'werbung',
      'publicité',
      'publicidad',
      'pubblicità',
      'reclame',
      'reklama',
      'annonce',
    ),
  ],
  phrases: [],
  weakPhrases: [/\badvertisement\b/i],
  heads: false,
  labelsClose: false,
  phrasesClose: false,
  maxWords: 12,
}
