import { type CueSet, wholeBlock } from './types.js'

/**
 * Sign-up prompts for newsletters, alerts and subscriptions. They sit inside
 * articles as often as after them, so they neither head a section nor close
 * the article (classify.ts WALL_KINDS).
 */
export const newsletter: CueSet = {
  kind: 'newsletter',
  labels: [
    wholeBlock(
      'newsletters?',
      '(?:get |sign up for |subscribe to )?(?:our|the) (?:\\w+ )?newsletters?',
      'sign up(?: now| today| here| for free)?',
      'subscribe(?: now| today| here| for free)?',
      'subscribe to (?:our|the) .{1,40}',
      'get (?:the latest|our) .{0,30}(?:in|to) your inbox',
      'enter your email(?: address)?',
      'email address',
      'newsletter abonnieren',
      "s'inscrire à la newsletter",
      'suscríbete',
      'jetzt registrieren',
      '(?:jetzt )?spenden',
      'donate(?: now| today)?',
      'kostenlos registrieren(?: und weiterlesen)?',
      'schon registriert\\? (?:hier )?(?:einloggen|anmelden)',
    ),
  ],
  phrases: [
    /\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|a|this) (?:free |daily |weekly )?(?:\w+ ){0,3}(?:newsletter|bulletin|briefing|digest|e-?mail alerts?)\b/i,
    /\bnewsletter\b.{0,80}\b(?:sign up|subscribe|inbox)\b/i,
    /\b(?:delivered|straight|direct(?:ly)?|sent) (?:to|through|on) your (?:inbox|letterbox|mailbox|door(?:step)?|phone|smartphone)\b/i,
    /\bby (?:signing up|subscribing),? you (?:agree|consent)\b/i,
    /\bthanks? (?:you )?for (?:signing up|subscribing)\b/i,
    /\bnewsletter (?:abonnieren|bestellen|anmelden)\b|\b(?:melden sie sich|melde dich) (?:jetzt )?(?:für|zum) (?:unseren )?newsletter an\b/i,
    /\bsign(?:ing)? up\b.{0,40}\b(?:newsletter|inbox|best (?:of|content|stories)|latest (?:news|stories))\b/i,
    /\b(?:already an? (?:subscriber|member)|(?:first-time |new )?subscribers (?:also )?(?:receive|get)|become an? (?:member|subscriber)|subscribe now)\b/i,
    /\bdownload (?:the|our) (?:\S+ ){0,4}apps?\b.{0,60}\b(?:latest|news|stories|updates)\b|\b(?:latest|news|stories|updates)\b.{0,60}\bdownload (?:the|our) (?:\S+ ){0,4}apps?\b/i,
    /(?<!\w)get (?:regular|weekly|daily) updates\b|(?<!\w)join (?:the )?(?:\d[\d,.]*|hundreds|thousands|millions) of (?:\w+ )?(?:developers|readers|subscribers|people)\b|(?<!\w)(?:lass dir|erhalte|erhalten sie) (?:die |unsere )?(?:besten|neuesten|wichtigsten)\b.{0,60}\b(?:postfach|inbox|e-?mail)\b|(?<!\w)zapraszamy (?:też |także )?do subskrypcji\b/iu,
    // Pleas to fund the newsroom: "Support our journalism", "Apoyá nuestro periodismo".
    /(?<!\w)(?:support|apoy[aá]|unterstützen sie|soutenez|apoie) (?:our|nuestro|unseren|notre|o nosso) (?:journalism|periodismo|journalismus|journalisme|jornalismo)\b/iu,
    // Membership and paywall pitches: "Hazte miembro", "Werden Sie Mitglied", "To read the full story, please subscribe".
    /\bhazte (?:miembro|socio|suscriptor)\b|\bwerden sie (?:jetzt )?mitglied\b|\bwerde (?:jetzt )?mitglied\b|\bdevenez (?:membre|abonn[ée])\b|\bto (?:view|read|continue reading) (?:the full|this|the rest of this) (?:story|article)\b/i,
    /\bich willige (?:darin )?ein,? dass\b|\bi (?:agree|consent) to receiv(?:e|ing)\b/i,
    /\binscrivez-vous à (?:notre|la) (?:newsletter|lettre)\b|\bsuscr[íi]b[ea]te a (?:nuestro|nuestra) (?:newsletter|bolet[íi]n)\b|\biscriviti alla (?:nostra )?newsletter\b/i,
  ],
  weakPhrases: [/\bsubscribe\b/i],
  heads: false,
  labelsClose: true,
  phrasesClose: true,
  maxWords: 70,
}
