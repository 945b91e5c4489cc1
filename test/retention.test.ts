/**
 * Nothing of a page outlives its extraction: a batch of pages leaves the
 * heap as it found it. A module-level cache that keeps a string cut from a
 * page's source keeps that whole source alive (V8 shares the memory of a
 * slice with its parent), which in a long-running process grows without
 * bound. Measured in a child process with --expose-gc.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { expect, it } from 'vitest'

it('a batch of pages leaves no page source on the heap', () => {
  const tsx = createRequire(import.meta.url).resolve('tsx')
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', tsx, join(import.meta.dirname, 'retention', 'batch.ts')], { encoding: 'utf8' })
  expect(child.status, child.stderr).toBe(0)
  const { pages, pageBytes, retainedBytes } = JSON.parse(child.stdout) as { pages: number; pageBytes: number; retainedBytes: number }
  expect(pageBytes).toBeGreaterThan(1_000_000)
  // Twenty retained sources would be 20 MB; compiled code and caches of
  // short strings stay well under a quarter of that.
  expect(retainedBytes).toBeLessThan((pages * pageBytes) / 4)
}, 120_000)
