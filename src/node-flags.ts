// Node flags Grayline sets for itself: whether the user started node with a V8 flag of their own
// (on the command line or in NODE_OPTIONS), and running the same command again in a child node
// with flags V8 reads only at start (the young generation's size).
import { spawn } from 'node:child_process'

export function nodeFlagGiven(name: string): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
  return given.some((a) => a.includes(name))
}

/**
 * Runs this very command again in a child node with `flags` added, and resolves to the child's
 * exit code; SIGINT and SIGTERM are passed on to it.
 */
export function rerunWithNodeFlags(flags: string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], {
    stdio: 'inherit',
  })
  const pass = (signal: NodeJS.Signals) => () => child.kill(signal)
  process.on('SIGINT', pass('SIGINT'))
  process.on('SIGTERM', pass('SIGTERM'))
  return new Promise((ok, fail) => {
    child.once('error', fail)
    child.once('exit', (code, signal) => ok(code ?? (signal ? 1 : 0)))
  })
}
