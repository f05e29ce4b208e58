// One listening socket as several descriptors of this process: the server's thread and each
// screening replica accept on their own. Node 20 cannot duplicate a descriptor itself, so a short
// child process binds the port and sends the socket back once per thread (SCM_RIGHTS), then lets
// go of its own. Separate descriptors mean a replica that ends closes only its own, and libuv can
// pause each one (accept-balance.ts), which it cannot for a socket it bound itself.
import { spawn } from 'node:child_process'
import type { Server } from 'node:net'

/** libuv's TCP handle as child_process hands it over: `fd` is its descriptor. */
export type ListeningHandle = { fd: number }

const BIND = `
const net = require('node:net')
const [port, host, copies] = JSON.parse(process.argv[1])
const s = net.createServer()
s.once('error', (e) => process.send({ error: e.code ? e.code + ': ' + e.message : String(e) }, () => process.exit(1)))
s.listen({ port, host }, () => {
  let sent = 0
  for (let i = 0; i < copies; i++)
    process.send({ socket: i }, s._handle, () => {
      if (++sent === copies) s.close(() => process.disconnect())
    })
})`

/** Binds `host:port` and resolves with `copies` descriptors of the one listening socket. */
export function listeningCopies(
  port: number,
  host: string,
  copies: number,
): Promise<ListeningHandle[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', BIND, JSON.stringify([port, host, copies])], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const handles: ListeningHandle[] = []
    let failure: string | null = null
    child.on('message', (m: { socket?: number; error?: string }, handle: unknown) => {
      if (m.error) failure = m.error
      else if (handle) handles.push(handle as ListeningHandle)
      if (handles.length === copies) resolve(handles)
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (handles.length === copies) return
      reject(
        new Error(
          `cannot listen on ${host}:${port}: ${failure ?? `the binding process ended (${code})`}` +
            (failure?.startsWith('EADDRINUSE')
              ? ' — is another server on that port? Pick one with --port'
              : ''),
        ),
      )
    })
  })
}

/** Has `server` accept on a handle from listeningCopies. */
export function listenOn(server: Server, handle: ListeningHandle): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(handle, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
