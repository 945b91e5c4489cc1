/**
 * Runs the `decant` command as a child process: src/cli.ts through tsx, or
 * the entry DECANT_CLI names (`npm test` sets dist/cli.js, the built bin).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { isAbsolute, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const entry = process.env.DECANT_CLI ? (isAbsolute(process.env.DECANT_CLI) ? process.env.DECANT_CLI : join(root, process.env.DECANT_CLI)) : join(root, 'src', 'cli.ts')
// An absolute loader path, because the children run in a temp directory.
export const nodeArgs = entry.endsWith('.ts') ? ['--import', createRequire(import.meta.url).resolve('tsx'), entry] : [entry]

export interface Result {
  code: number | null
  stdout: string
  stderr: string
}

/** decant in `cwd`; stdin is `input`, or empty (a closed pipe, not a terminal). */
export function decant(cwd: string, args: string[], input?: string | Uint8Array, env?: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

/** script(1) gives the child a terminal; absent on some systems, so tests that need it are skipped there. */
export const hasScript = spawnSync('script', ['--version']).status === 0

/**
 * decant with a terminal for stdin, stdout and stderr, all captured together;
 * `redirect` is appended to the shell command (e.g. `> /dev/null` to keep only stderr).
 */
export function decantOnTerminal(cwd: string, args: string[], env: Record<string, string> = {}, redirect = ''): { status: number | null; output: string } {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`)
  const command = `env -u NO_COLOR ${assignments.join(' ')} ${[process.execPath, ...nodeArgs, ...args].map(quote).join(' ')} ${redirect}`
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { status: r.status, output: r.stdout }
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '')
}

export function jsonLines(text: string): Record<string, unknown>[] {
  return lines(text).map((l) => JSON.parse(l) as Record<string, unknown>)
}
