// Threads that accept on one listening socket (the server's and its screening replicas') share
// the connections only as fast as each gets to accept(): a CTI opens its 50 keep-alive connections
// in a burst, and whichever thread was idle at that moment took nearly all of them (seen: 50 to 0),
// leaving the other core with nothing to do. Each thread counts its open connections in shared
// memory and stops accepting while it holds more than one over the least-loaded thread; new
// connections then wait in the kernel's backlog for a thread that may take them. The least-loaded
// thread is always allowed, so a connection is never left unaccepted. Only a handle libuv opened
// on a descriptor it was given can stop accepting (shared-listener.ts gives every thread one); a
// socket libuv bound itself cannot (it is not marked readable), and then only counts.
import type { Server } from 'node:net'

/** A thread's count while it is not accepting on the shared socket (not started, or stopped). */
const NOT_ACCEPTING = -1
/** How often a paused thread looks again (another thread's connections may have closed). */
const RECHECK_MS = 20

export function newAcceptCounts(threads: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * threads)).fill(NOT_ACCEPTING)
}

type ListeningHandle = { readStart(): number; readStop(): number }

/**
 * Balances `server` (listening on the shared socket) as thread `slot` of `counts`. Returns the
 * function that takes it out of the balance (when it stops accepting).
 */
export function balanceAccepts(server: Server, counts: Int32Array, slot: number): () => void {
  const handle = (server as unknown as { _handle?: Partial<ListeningHandle> })._handle
  // Without libuv's stream calls on the listening handle (another Node), accept unbalanced.
  if (typeof handle?.readStart !== 'function' || typeof handle.readStop !== 'function')
    return () => undefined
  const h = handle as ListeningHandle
  // 0 when libuv will pause this handle (and it is now marked reading, i.e. accepting as before).
  const pausable = h.readStart() === 0
  Atomics.store(counts, slot, 0)
  let paused = false
  let balancing = true
  const rebalance = () => {
    const mine = Atomics.load(counts, slot)
    let least = mine
    for (let i = 0; i < counts.length; i++) {
      const n = Atomics.load(counts, i)
      if (n !== NOT_ACCEPTING && n < least) least = n
    }
    const allowed = mine <= least + 1
    if (!allowed && !paused) {
      h.readStop()
      paused = true
    } else if (allowed && paused) {
      h.readStart()
      paused = false
    }
  }
  const onConnection = (socket: { once(e: 'close', fn: () => void): void }) => {
    Atomics.add(counts, slot, 1)
    socket.once('close', () => {
      if (!balancing) return
      Atomics.sub(counts, slot, 1)
      if (pausable) rebalance()
    })
    if (pausable) rebalance()
  }
  server.on('connection', onConnection)
  const timer = setInterval(pausable ? rebalance : () => undefined, RECHECK_MS)
  timer.unref()
  return () => {
    balancing = false
    clearInterval(timer)
    server.off('connection', onConnection)
    Atomics.store(counts, slot, NOT_ACCEPTING)
    if (paused) h.readStart()
  }
}
