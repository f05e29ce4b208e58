import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { balanceAccepts, newAcceptCounts } from './accept-balance.js'

const servers: Server[] = []
const sockets: Socket[] = []
const workers: Worker[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy()
  for (const w of workers.splice(0)) await w.terminate()
  for (const s of servers.splice(0)) s.close()
})

async function listening(): Promise<{ server: Server; port: number; fd: number }> {
  const server = createServer()
  servers.push(server)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  const fd = (server as unknown as { _handle: { fd: number } })._handle.fd
  return { server, port: typeof address === 'object' && address ? address.port : 0, fd }
}

/** A second thread accepting on `fd` with the balance, as a screening replica does. */
async function peerThread(fd: number, counts: Int32Array): Promise<void> {
  const tsx = import.meta.resolve('tsx/esm/api')
  const balance = new URL('./accept-balance.ts', import.meta.url).href
  const code = `
    const { workerData, parentPort } = await import('node:worker_threads')
    const { createServer } = await import('node:net')
    await (await import(${JSON.stringify(tsx)})).register()
    const { balanceAccepts } = await import(${JSON.stringify(balance)})
    const server = createServer()
    server.listen({ fd: workerData.fd }, () => {
      balanceAccepts(server, workerData.counts, 1)
      parentPort.postMessage('listening')
    })`
  const w = new Worker(code, { eval: true, workerData: { fd, counts } })
  workers.push(w)
  await new Promise((ok, fail) => {
    w.once('message', ok)
    w.once('error', fail)
  })
}

const total = (counts: Int32Array) => Array.from(counts).reduce((a, b) => a + Math.max(0, b), 0)

/** One more client connection, once a thread has taken it. */
async function connectOne(port: number, counts: Int32Array): Promise<Socket> {
  const before = total(counts)
  const s = connect(port, '127.0.0.1')
  sockets.push(s)
  await new Promise((ok) => s.once('connect', ok))
  await expect.poll(() => total(counts), { interval: 1 }).toBe(before + 1)
  return s
}

describe('balanceAccepts', () => {
  it("stops a replica's thread from taking more than one over the server's", async () => {
    const { server, port, fd } = await listening()
    const counts = newAcceptCounts(2)
    balanceAccepts(server, counts, 0)
    await peerThread(fd, counts)
    // The server's thread is kept busy while the clients connect: unbalanced, the replica's
    // thread took every connection.
    const clients: Socket[] = []
    const busyUntil = Date.now() + 300
    const opening = Array.from({ length: 20 }, () => {
      const s = connect(port, '127.0.0.1')
      clients.push(s)
      sockets.push(s)
      return new Promise((ok) => s.once('connect', ok))
    })
    while (Date.now() < busyUntil) Atomics.load(counts, 0)
    await Promise.all(opening)
    await expect.poll(() => total(counts)).toBe(20)
    expect(counts[1] ?? 0).toBeLessThanOrEqual((counts[0] ?? 0) + 2)
    expect(counts[1] ?? 0).toBeGreaterThan(0)
    // The server's connections close: the replica takes new ones again.
    const held = counts[1] ?? 0
    for (const s of clients) s.destroy()
    await expect.poll(() => total(counts)).toBe(0)
    for (let i = 0; i < 6; i++) await connectOne(port, counts)
    expect(counts[1] ?? 0).toBeLessThanOrEqual((counts[0] ?? 0) + 2)
    expect(held).toBeGreaterThan(0)
  })

  it('never holds back a thread whose peer is not accepting', async () => {
    const { server, port } = await listening()
    // Slot 1 (a replica) never started accepting: this thread takes every connection.
    const counts = newAcceptCounts(2)
    const stop = balanceAccepts(server, counts, 0)
    for (let i = 0; i < 6; i++) await connectOne(port, counts)
    expect(Array.from(counts)).toEqual([6, -1])
    stop()
    expect(counts[0]).toBe(-1)
  })
})
