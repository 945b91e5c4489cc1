import { advertisement } from './advertisement.js'
import { aiDisclaimer } from './ai-disclaimer.js'
import { authorBox } from './author-box.js'
import { caption } from './caption.js'
import { comments } from './comments.js'
import { legal } from './legal.js'
import { navigation } from './navigation.js'
import { newsletter } from './newsletter.js'
import { related } from './related.js'
import { social } from './social.js'
import type { CueSet } from './types.js'
import { ui } from './ui.js'

export { AI_SELF_REFERENCE } from './ai-disclaimer.js'
export { BREADCRUMB } from './navigation.js'
export { SOCIAL_WORDS } from './social.js'
export type { CueSet } from './types.js'

/**
 * Every cue set, most specific first: the first set whose label or phrase
 * matches names the kind (a comment form's "Your email address will not be
 * published" must not read as a newsletter's "enter your email").
 */
export const CUE_SETS: readonly CueSet[] = [
  aiDisclaimer,
  comments,
  legal,
  newsletter,
  authorBox,
  related,
  advertisement,
  social,
  ui,
  caption,
  navigation,
]
