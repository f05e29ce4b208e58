// A screening replica (see screen-replicas.ts): a thread with its own copy of the detection index
// that accepts connections on the server's listening socket, answers POST /api/screen itself and
// hands every other request to the server's thread. It repeats each change the server announces
// on its own copy; until it has caught up, screening requests go to the server's thread too, so an
// answer never comes from an older detector than the server's.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'
import fastifyCookie from '@fastify/cookie'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { CredentialCache } from '../access/index.js'
import { AuditLog } from '../audit/index.js'
import { contextFor } from '../context.js'
import { announceSaved, loadRuleSet, reloadResponseFindings } from '../detect/index.js'
import { loadSharedMatches } from '../detect/shared-indicators.js'
import { ScriptLibrary } from '../response/index.js'
import { createStore } from '../store/index.js'
import type { ServerDeps } from './deps.js'
import { IdentifierRefs } from './identifier-ref.js'
import { LiveDetector } from './live-detector.js'
import { Presenter } from './present.js'
import { installPrincipal } from './principal.js'
import { installProblemHandlers } from './problem.js'
import { balanceAccepts } from './accept-balance.js'
import type { FromReplica, ReplicaWorkerData, ToReplica } from './replica-messages.js'
import { isScreenRequest } from './replica-messages.js'
import { screenRoutes } from './routes/screen.routes.js'
import { collectGarbageBeforeServing } from './server-heap.js'
import { StoredRisks } from './stored-risks.js'

const port = parentPort
if (!port) throw new Error('screen-replica-worker runs on a worker thread')
const setup = workerData as ReplicaWorkerData
const send = (m: FromReplica, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer)
send({ type: 'started' })

const store = createStore(setup.store)
const ctx = contextFor(store)
const rules = loadRuleSet(setup.rulesPath)
const live = await LiveDetector.load(ctx, rules)
ctx.sqlite?.pragma('mmap_size = 2147418112')
const credentials = new CredentialCache()
const refs = new IdentifierRefs(Buffer.from(setup.secret))
const deps: ServerDeps = {
  ctx,
  live,
  audit: new AuditLog(ctx),
  refs,
  present: new Presenter(refs),
  scripts: await ScriptLibrary.read(ctx),
  credentials,
  risks: await StoredRisks.load(ctx),
  config: setup.config,
}

// Changes the server announced and this copy has not made yet; screening waits for none of them
// but goes to the server's thread while any is outstanding.
const changes: ToReplica[] = []
let applying = false
// Set when a change could not be made (or an error escaped): from then on this copy answers nothing.
let broken = false

async function applyChanges(): Promise<void> {
  if (applying) return
  applying = true
  try {
    while (changes.length) {
      const m = changes[0] as ToReplica
      await apply(m)
      changes.shift()
    }
  } catch (e) {
    broken = true
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) })
  } finally {
    applying = false
  }
}

async function apply(m: ToReplica): Promise<void> {
  if (m.type === 'scripts') deps.scripts = await ScriptLibrary.read(ctx)
  if (m.type !== 'detector') return
  const c = m.change
  const d = live.detector
  if (c.kind === 'replaced') {
    // Several uploads in a row: one reload covers them all.
    while (changes[1]?.type === 'detector' && changes[1].change.kind === 'replaced') changes.shift()
    const fresh = await LiveDetector.load(ctx, rules)
    live.replace(fresh.detector)
  } else if (c.kind === 'watchlist') await live.reloadWatchlist()
  else if (c.kind === 'contact-added') {
    d.index.addContact(c.contact, c.links)
    d.invalidate()
  } else if (c.kind === 'response-findings') await reloadResponseFindings(ctx, d.index)
  else await loadSharedMatches(ctx, d.index)
}

const app = Fastify({
  bodyLimit: 1024 * 1024,
  trustProxy: setup.trustProxy,
  serverFactory: (handler) =>
    createServer((req, res) => {
      if (!broken && changes.length === 0 && isScreenRequest(req.method, req.url)) handler(req, res)
      else forward(req, res)
    }),
}).withTypeProvider<ZodTypeProvider>()
app.setValidatorCompiler(validatorCompiler)
app.setSerializerCompiler(serializerCompiler)
installProblemHandlers(app, undefined, (line) =>
  process.stderr.write(`screening replica: ${line}\n`),
)
await app.register(fastifyCookie)
installPrincipal(app, ctx, credentials)
screenRoutes(app, deps)
await app.ready()

// Requests handed to the server's thread, by number, until it answers.
const forwarded = new Map<number, ServerResponse>()
let nextId = 1

function forward(req: IncomingMessage, res: ServerResponse): void {
  const id = nextId++
  forwarded.set(id, res)
  send({
    type: 'request',
    id,
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headers,
    remoteAddress: req.socket.remoteAddress ?? '',
  })
  req.on('data', (chunk: Buffer) => send({ type: 'body', id, chunk }))
  req.on('end', () => send({ type: 'end', id }))
  req.on('error', () => send({ type: 'abort', id }))
}

function answer(m: Extract<ToReplica, { type: 'response' }>): void {
  const res = forwarded.get(m.id)
  forwarded.delete(m.id)
  if (!res || res.destroyed) return
  const headers = { ...m.headers }
  for (const hop of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[hop]
  headers['content-length'] = String(m.body.byteLength)
  res.writeHead(m.status, headers)
  res.end(Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength))
}

port.on('message', (m: ToReplica) => {
  if (m.type === 'response') return answer(m)
  if (m.type === 'credentials') return credentials.apply(m.invalidation)
  if (m.type === 'assessments-saved') return announceSaved(m.contactIds)
  if (m.type === 'listen') {
    collectGarbageBeforeServing()
    const listening = () => {
      const a = app.server.address()
      send({ type: 'listening', port: typeof a === 'object' && a ? a.port : 0 })
    }
    if ('fd' in m.on)
      app.server.listen({ fd: m.on.fd }, () => {
        stopBalancing = balanceAccepts(app.server, setup.acceptCounts, setup.slot)
        listening()
      })
    else app.server.listen({ port: m.on.port, host: m.on.host }, listening)
    return
  }
  if (m.type === 'close') {
    void close()
    return
  }
  changes.push(m)
  void applyChanges()
})

let stopBalancing = () => undefined as void

async function close(): Promise<void> {
  stopBalancing()
  await app.close()
  await deps.audit.close()
  deps.risks?.close()
  await store.db.destroy()
  send({ type: 'closed' })
}

// A replica ending would close the listening descriptor it shares with the server's thread: an
// error that escapes a request is reported, not fatal (as on the server's own thread).
process.on('uncaughtException', (e) => {
  send({ type: 'failed', message: `uncaught: ${e instanceof Error ? e.message : String(e)}` })
  broken = true
})

send({ type: 'loaded' })
