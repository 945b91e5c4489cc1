import type { CueSet } from './types.js'

/**
 * Notices that a text was generated or assisted by AI. An article *about*
 * AI uses the same words, so the phrase must also point at the page itself
 * ("this article", "the content of this page") or call itself a disclaimer:
 * see `AI_SELF_REFERENCE`, which classify.ts requires beside a phrase.
 */
export const aiDisclaimer: CueSet = {
  kind: 'ai-disclaimer',
  labels: [/^(?:ai|artificial intelligence) (?:disclaimer|disclosure|notice)[\s:.]*$/iu],
  phrases: [
    /\b(?:generated|created|written|produced|drafted|composed|assisted|translated|summari[sz]ed)\b[^.]{0,100}\b(?:artificial intelligence|AI|machine learning|(?:large )?language models?|LLMs?)\b/i,
    /\b(?:artificial intelligence|AI|(?:large )?language models?)\b[^.]{0,100}\b(?:generated|created|wrote|written|produced|drafted|assisted|translated|summari[sz]ed)\b/i,
    /\bAI[- ](?:generated|assisted|written|produced)\b/i,
    /\b(?:KI|IA)[- ]?(?:generiert|gestützt|générée?|generad[oa])\b/i,
  ],
  weakPhrases: [],
  heads: false,
  labelsClose: true,
  phrasesClose: true,
  maxWords: 250,
}

export const AI_SELF_REFERENCE =
  /\b(?:this|the) (?:article|content|story|page|text|summary|post|report|translation)\b|\bdisclaimer\b|\bdisclosure\b|\b(?:dieser|diese[rs]?) (?:artikel|text|beitrag)\b|\bcet article\b|\beste (?:artículo|texto)\b/i
