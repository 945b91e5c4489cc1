import { type CueSet, wholeBlock } from './types.js'

/**
 * Share and follow prompts. Most are lists of network names, caught by
 * `SOCIAL_WORDS` in classify.ts (a block made only of such words), so the
 * labels here are the prompts around them.
 */
export const social: CueSet = {
  kind: 'social',
  labels: [
    wholeBlock(
      'follow(?: us| me| (?:the |this )?(?:author|writer))?(?: on .{1,30})?',
      'share(?: this)?(?: article| story| post| page| on .{1,20})?',
      'share via',
      'like us on facebook',
      'copy(?: the)? link',
      'link copied',
      'tweet(?: this)?',
      'pin(?: it)?',
      'teilen',
      'partager',
      'compartir',
      'condividi',
      'compartilhe',
      'delen',
      'teilen mit',
      'teilen sie (?:dies|diesen artikel|den artikel)(?: mit)?',
      'diesen artikel teilen',
      'url zum kopieren',
      'artikel teilen',
      'beitrag teilen',
      'seite teilen',
      '(?:artikel|beitrag|seite) per (?:e-?mail|whatsapp|facebook|twitter|messenger|telegram) (?:teilen|versenden|senden)',
      '.{1,30} (?:bei|auf|on) (?:facebook|twitter|x|instagram|youtube|linkedin|mastodon|tiktok|threads)',
      'drucken',
      'print(?: this)?(?: article| page| story)?',
      'podziel się',
      '(?:gefällt ihnen dieser artikel|dieser artikel gefällt ihnen)\\?',
      'share this',
      'like this',
      'gefällt mir',
      "j'aime",
      'me gusta',
      '(?:gefällt mir|like) (?:wird geladen|loading)(?:\\.\\.\\.|…)?',
    ),
  ],
  phrases: [
    /\bfollow us on (?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|telegram|whatsapp)\b/i,
    /\bjoin (?:us|our channel) on (?:telegram|whatsapp|discord)\b/i,
    /\bshare (?:this|the) (?:article|story) on\b/i,
    /\bshare (?:it|this) with (?:a friend|your friends)\b/i,
    // "our YouTube channel", "nuestro canal de Telegram", "unseren WhatsApp-Kanal".
    /\b(?:our|nuestro|unser(?:en)?|notre) (?:(?:youtube|telegram|whatsapp)[- ]?(?:channel|kanal|cha[iî]ne)|(?:canal|cha[iî]ne) (?:de |sur )?(?:youtube|telegram|whatsapp))\b|\btenemos canal de (?:youtube|telegram|whatsapp)\b/i,
    /\b(?:möchten sie|willst du|möchtest du) (?:den|diesen) (?:artikel|beitrag) teilen\b|\b(?:dir|ihnen) hat der (?:artikel|beitrag) gefallen\b.{0,30}\bteilen\b/i,
  ],
  weakPhrases: [/\bfollow (?:him|her|them) on (?:twitter|x|instagram)\b/i],
  heads: false,
  labelsClose: false,
  phrasesClose: false,
  maxWords: 30,
}

/** Words that make up share bars and follow rows. */
export const SOCIAL_WORDS = new Set([
  'share', 'shares', 'tweet', 'email', 'e-mail', 'mail', 'print', 'copy', 'link', 'follow', 'us', 'on', 'save',
  'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'telegram', 'reddit', 'pinterest', 'instagram', 'youtube',
  'tiktok', 'flipboard', 'messenger', 'tumblr', 'snapchat', 'threads', 'bluesky', 'mastodon', 'vk', 'weibo', 'wechat',
  'line', 'sms', 'comment', 'comments', 'rss', 'pocket', 'google', 'news',
])
