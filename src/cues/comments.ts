import { type CueSet, wholeBlock } from './types.js'

const THREAD_NOUN =
  '(?:thoughts?|comments?|responses?|repl(?:y|ies)|antworten|antwort|kommentare?|gedanken|réponses?|commentaires?|comentarios?|respuestas?|risposte|commenti|reacties)'
const THREAD_PREPOSITION = '(?:on|to|zu|auf|à|sur|a|en|su|op)'

/** Comment forms and threads. */
export const comments: CueSet = {
  kind: 'comments',
  labels: [
    wholeBlock(
      'comments?',
      '(?:top|best|most recent|newest|oldest|latest|all|readers?\'?|user|featured|recent) (?:rated )?comments',
      '\\d+ (?:comments?|replies|responses)',
      '(?:leave|post|add|write|submit) a (?:comment|reply|response)',
      '(?:post|submit) comment',
      'join the (?:discussion|conversation|debate)',
      '(?:show|view|load|hide|read) (?:all )?(?:\\d+ )?comments?',
      'reply',
      'comment policy',
      'cancel reply',
      'kommentare?',
      'commentaires?',
      'comentarios?',
      'commenti',
      'reacties',
      'antworten',
      'kommentieren',
      'kommentieren sie hier',
      'comentar(?: este art[íi]culo)?(?: \\d+ comentarios?)?',
      'kommentar (?:verfassen|schreiben|abschicken)',
      'répondre',
      'responder',
      'rispondi',
      '\\d+ (?:kommentare?|commentaires?|comentarios?|commenti|reacties)',
      '.{1,40} (?:says|sagt|dit|dice|schreef|scrive):',
      // The thread's heading names the post: "12 thoughts on “…”", "142 Antworten zu …", "Ein Kommentar zu „…“"
      // (spelled-out counts only before a quoted title: "Eine Antwort auf die Krise" is a heading).
      `\\d+ ${THREAD_NOUN} ${THREAD_PREPOSITION} .{1,200}`,
      `(?:one|ein(?:e|en)?|une?|un[ao]?) ${THREAD_NOUN} ${THREAD_PREPOSITION} [“„"«‘‚'].{1,200}`,
    ),
  ],
  phrases: [
    /\byour email address will not be published\b/i,
    /\brequired fields are marked\b/i,
    /\bcomments? (?:are|is) (?:closed|moderated)\b/i,
    /\b(?:log ?in|sign in|register) to (?:comment|reply|post a comment|join the)\b/i,
    /\bbe the first to comment\b/i,
    /\bsave my name,? email,? and website\b/i,
    /\bcomment moderation\b/i,
    /\bnotify me of (?:new|follow-up) (?:comments|posts)\b/i,
    /\b(?:deine|ihre) e-?mail-adresse wird nicht veröffentlicht\b/i,
    /\b(?:du kommentierst mit deinem|zum (?:antworten|kommentieren) anmelden|(?:hinterlasse|schreibe|verfasse) (?:einen|deinen) kommentar|benachrichtige mich über)\b/i,
    /\bvotre adresse (?:e-?mail|de messagerie) ne sera pas publiée\b|\blaisser un commentaire\b/i,
    /\btu (?:dirección de )?correo(?: electrónico)? no (?:será|se) publica(?:da|rá)\b|\bdeja (?:un|tu) comentario\b/i,
    /\bil tuo indirizzo email non sarà pubblicato\b|\blascia un commento\b/i,
    /(?<!\w)(?:eingeloggt|angemeldet) sein,? um (?:einen )?kommentare? (?:zu )?(?:schreiben|verfassen|abzugeben)\b|(?<!\w)wenn sie diese[nm]? (?:blog)?(?:eintrag|beitrag|artikel) kommentieren möchten\b|(?<!\w)przed dodaniem komentarza\b/iu,
  ],
  weakPhrases: [],
  heads: true,
  labelsClose: true,
  phrasesClose: true,
  maxWords: 40,
}
