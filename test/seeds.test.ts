/**
 * The seed pages (seeds/NNN_*.txt, copied plain text) against their gold
 * (NNN_*.expected.json), scored by bench/seeds.ts exactly as the bench
 * report does. Adding a seed needs no code.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BODY_F1_MIN, LABEL_ACCURACY_MIN, loadSeeds, scoreSeed, type SeedScore } from '../bench/seeds.js'
import { analyze } from '../src/index.js'

const seeds = loadSeeds(join(import.meta.dirname, '..', 'seeds'))

it('finds the seeds', () => {
  expect(seeds.length).toBeGreaterThan(0)
})

for (const seed of seeds) {
  describe(seed.name, () => {
    // One analysis per seed, made by the first test that needs it: a throw fails each test, not the file.
    let cached: SeedScore | undefined
    const score = () => (cached ??= scoreSeed(seed.gold, analyze(seed.text, { mode: 'text' })))

    it('reads the title', () => {
      const { ok, message } = score().title
      expect(ok, message).toBe(true)
    })
    it('reads the byline', () => {
      const { ok, message } = score().byline
      expect(ok, message).toBe(true)
    })
    it('reads the source', () => {
      const { ok, message } = score().source
      expect(ok, message).toBe(true)
    })
    it('leaves published null', () => {
      const { ok, message } = score().published
      expect(ok, message).toBe(true)
    })
    it(`keeps the body (shingle F1 ≥ ${BODY_F1_MIN})`, () => {
      const { f1, message } = score().body
      expect(f1, message).toBeGreaterThanOrEqual(BODY_F1_MIN)
    })
    it('leaks no chrome line into the body', () => {
      const { lines, message } = score().leaks
      expect(lines.length, message).toBe(0)
    })
    it(`labels the chrome it removes (accuracy ≥ ${LABEL_ACCURACY_MIN})`, () => {
      const { accuracy, message } = score().labels
      expect(accuracy, message).toBeGreaterThanOrEqual(LABEL_ACCURACY_MIN)
    })
  })
}
