import type { CueSet } from './types.js'

/**
 * Photo credits and sources printed under a figure ("Foto: dpa", "Photo: Reuters",
 * "Źródło: GUS"). In copied text there is no <figcaption> to tell them from the
 * article's lines; the credit label at the start of a short line does. Kind
 * `other`: DESIGN.md has no caption kind, and they are neither chrome of the
 * site nor the article's text.
 */
export const caption: CueSet = {
  kind: 'other',
  labels: [],
  phrases: [
    /^[([]?\s*(?:foto(?:s|grafía|grafia)?|photos?|photograph(?:y)?|picture|image|bild(?:er)?|bildquelle|quelle|source|credits?|crédits?|cr[ée]dito|zdj[eę]cie|źródło|fonte|fuente|afbeelding|illustration)\s*(?:credit)?\s*:\s*\S/iu,
    /^(?:photograph|photo|image|illustration)(?:s)? (?:by|courtesy of|via)\s+\S/iu,
    // "… in June (Image: Getty)": a caption that ends with its picture's credit.
    /\((?:images?|photos?|pictures?|pic|fotos?|bild|credits?)\s*:\s*[^()]{1,40}\)\s*$/iu,
    // "© AFP / Name" closing a short line: the credit of the picture above.
    /^©\s*\S|\s©\s*\S.{0,60}$/u,
  ],
  weakPhrases: [],
  heads: false,
  labelsClose: false,
  phrasesClose: false,
  maxWords: 14,
}
