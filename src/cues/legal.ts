import { type CueSet, wholeBlock } from './types.js'

/** Copyright and reuse warnings, cookie and privacy notices, terms. */
export const legal: CueSet = {
  kind: 'legal',
  labels: [
    wholeBlock(
      'privacy(?: policy| notice| settings| center)?',
      'cookies?(?: policy| settings| preferences| notice)?',
      'manage cookies',
      'accept(?: all)?(?: cookies)?',
      'reject all',
      'terms(?: of (?:use|service|sale))?',
      'terms (?:&|and) conditions',
      'legal(?: notice)?',
      'imprint',
      'impressum',
      'datenschutz(?:erklärung)?',
      'mentions légales',
      'aviso legal',
      'do not sell(?: or share)? my personal information',
      'accessibility(?: statement)?',
    ),
    /^(?:copyright|©|\(c\))\s*.{0,120}$/iu,
  ],
  phrases: [
    /\b(?:all|some) rights\b.{0,100}\breserved\b/i,
    // Market-data notices under stock quotes: "Quotes delayed at least 15 minutes".
    /\b(?:quotes?|data|prices?|kurse) (?:are |is )?(?:delayed|verzögert) (?:by |at least |um (?:mindestens )?)?\d+ (?:minutes|min\.?|minuten)\b/i,
    // Opinion disclaimers: "The views expressed are those of the author", "gibt die Meinung des Autors wieder".
    /(?<!\w)(?:the )?(?:views|opinions) expressed (?:here |in (?:this|these) \w+ )?are (?:those of the author|the author'?s own|solely)|(?<!\w)gibt (?:ausschließlich )?die meinung de[sr] (?:autors?|autorin|verfasser(?:in)?s?) wieder\b|(?<!\w)les opinions exprimées\b.{0,80}\bn'engagent\b|^disclaimer\b/iu,
    // A consent placeholder where an embed would load ("Click the button to load the content from …").
    /\bklicken sie auf den (?:unteren )?button,? um den inhalt\b|\bclick (?:the button|here) (?:below )?to load (?:the )?content\b/i,
    /\bmay not be (?:re)?published,? broadcast/i,
    /\bwithout (?:the )?(?:prior |express )?written (?:permission|consent|agreement|authori[sz]ation)\b/i,
    /\b(?:we|this (?:site|website)) uses? cookies\b/i,
    /\baccept (?:all )?cookies\b/i,
    /\bcookie (?:policy|settings|preferences)\b/i,
    /\bby (?:using|continuing to use) (?:this|our) (?:site|website)\b/i,
    /\b(?:wir verwenden|wir nutzen|diese (?:web)?seite (?:verwendet|nutzt)|(?:ce site|nous) utilis(?:e|ons)|(?:este sitio|esta web) utiliza|utilizamos|usamos|questo sito utilizza|utilizziamo|deze (?:web)?site gebruikt|wij gebruiken) (?:\S+ ){0,3}cookies?\b/i,
    /\b(?:cookies? (?:akzeptieren|zulassen|einstellungen)|datenschutz(?:erklärung|hinweise?|bestimmungen|einstellungen)|nutzungsbedingungen|politique de confidentialité|mentions légales|política de (?:privacidad|cookies)|aviso legal|informativa (?:sulla )?(?:privacy|cookie))\b/i,
    /\blicen[sc]ed under (?:a |the )?creative commons\b|\bcreative[- ]commons[- ]lizenz\b|\bsous licence creative commons\b/i,
    /\b(?:proudly )?powered by (?:wordpress|drupal|joomla|ghost|blogger)\b|\b(?:create a free website or blog at|erstelle eine kostenlose website oder blog)\b/i,
    /(?<![\p{L}])(?:tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|všechna práva vyhrazena|все права защищены)(?![\p{L}])/iu,
  ],
  weakPhrases: [/\bprivacy policy\b/i, /\bterms of (?:use|service)\b/i, /©/],
  heads: false,
  labelsClose: false,
  phrasesClose: true,
  maxWords: 120,
}
