// `grayline serve` / `npm start`: build the console if needed, open the store, load the demo on an
// empty one, make sure someone can log in, load the detector, and serve API and console on one port.
import { dirname, join, resolve } from 'node:path'
import type { Context } from '../context.js'
import { createDemoUsers, DEMO_PASSWORD, ensureFirstAdmin, roles } from '../access/index.js'
import { DEFAULT_RULES_PATH, loadRuleSet } from '../detect/index.js'
import { recomputeGangs } from '../gangs/index.js'
import { buildApp } from './app.js'
import { buildConsole, consoleNeedsBuild } from './console-build.js'
import { installationSecret } from './installation-secret.js'
import { LiveDetector } from './live-detector.js'
import { seedDemo, storeIsEmpty } from './demo-seed.js'
import { collectGarbageBeforeServing, defaultYoungGenerationForWorkers } from './server-heap.js'
import { ScreenReplicas, screenReplicaCount } from './screen-replicas.js'
import { balanceAccepts } from './accept-balance.js'
import { listeningCopies, listenOn } from './shared-listener.js'
import type { ListeningHandle } from './shared-listener.js'
import type { StoreConfig } from '../store/index.js'

export type ServeOptions = {
  ctx: Context
  /** Where the SQLite file is (or ./data for PostgreSQL): the secret and uploads live beside it. */
  dataDir: string
  port: number
  host: string
  demo: boolean
  demoCustomers: number
  rulesPath?: string
  secureCookies: boolean
  say: (line: string) => void
  progress: (stage: string, done: number, total: number) => void
  /** How the store was opened: screening replicas open it again (none for `:memory:`). */
  store?: StoreConfig
}

export async function serve(o: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const root = process.cwd()
  const consoleDir = join(root, 'dist', 'console')
  if (consoleNeedsBuild(root, consoleDir)) {
    o.say('building the console (first start only) …')
    await buildConsole(root)
  }
  const rulesPath = resolve(o.rulesPath ?? DEFAULT_RULES_PATH)
  const rules = loadRuleSet(rulesPath)
  const logins: string[] = []
  let seeded = false
  if (o.demo && (await storeIsEmpty(o.ctx))) {
    seeded = true
    o.say(`empty store: loading a simulated demo book of ${o.demoCustomers} customers …`)
    const r = await seedDemo(o.ctx, rules, o.demoCustomers, 2026, o.progress)
    o.say(`demo loaded: ${r.contacts} contacts assessed, ${r.flagged} flagged for verification`)
    for (const u of await createDemoUsers(o.ctx))
      logins.push(`  ${u.username.padEnd(13)} ${u.password}   (${u.role})`)
  }
  if (!logins.length && (await demoUsersExist(o.ctx)))
    logins.push(
      `  ${DEMO_USERNAMES.join(', ')}: password ${DEMO_PASSWORD} (demo users, unless changed)`,
    )
  const admin = await ensureFirstAdmin(o.ctx)
  if (admin)
    logins.push(
      `  ${admin.username.padEnd(13)} ${admin.password}   (admin — shown this once; change it after logging in)`,
    )
  const secret = installationSecret(join(o.dataDir, 'secret.key'))
  const config = {
    secureCookies: o.secureCookies,
    uploadDir: join(o.dataDir, 'uploads'),
    maxUploadBytes: Number(process.env.GRAYLINE_MAX_UPLOAD_MB ?? 200) * 1024 * 1024,
    rulesPath,
  }
  const replicaCount =
    o.store && !(o.store.kind === 'sqlite' && o.store.path === ':memory:')
      ? screenReplicaCount()
      : 0
  // The replicas load their copies of the index beside the server's own, on the other cores.
  const replicas = replicaCount
    ? ScreenReplicas.start(replicaCount, {
        store: o.store as StoreConfig,
        rulesPath,
        secret: new Uint8Array(secret),
        trustProxy: process.env.GRAYLINE_TRUST_PROXY === '1',
        config,
      })
    : null
  // The replicas serve as this thread does, with its young generation; later workers need less.
  await replicas?.started
  defaultYoungGenerationForWorkers()
  o.say(
    `loading the detection index …${replicas ? ` (and ${replicas.size} screening replica${replicas.size > 1 ? 's' : ''})` : ''}`,
  )
  const live = await LiveDetector.load(o.ctx, rules, (d, t) => o.progress('load index', d, t))
  // Requests read scattered rows (screening: the risk of a caller's recent contacts) from a store
  // far larger than SQLite's page cache, each missed page a read() from the OS: at a million
  // contacts those five lookups took 0.5-2 ms a call, 0.06 ms with the file mapped (up to this
  // build's 2 GiB limit).
  o.ctx.sqlite?.pragma('mmap_size = 2147418112')
  // The demo book gets its gangs before serving; elsewhere each assessed import (or grayline
  // gangs) computes them — a large store's first start should not wait for Louvain.
  if (seeded) {
    const g = await recomputeGangs(o.ctx, live.detector)
    o.say(`gangs: ${g.gangs} found in ${g.ms} ms`)
  }
  const built = await buildApp({ ctx: o.ctx, live, secret, consoleDir, config })
  replicas?.connect({
    app: built.app,
    log: (line) => o.ctx.log.warn(line),
    live,
    scripts: built.deps.scripts,
    credentials: built.deps.credentials,
  })
  collectGarbageBeforeServing()
  if (replicas) {
    // libuv accepts every pending connection in one go by default, so whichever thread woke
    // first took a whole burst (a CTI opening its 50 connections); one at a time spreads them.
    // Read by libuv at the process's first listen.
    process.env.UV_TCP_SINGLE_ACCEPT ??= '1'
    // One socket, a descriptor each: this thread's, and one for each replica (shared-listener.ts).
    const [own, ...theirs] = await listeningCopies(o.port, o.host, 1 + replicas.size)
    await listenOn(built.app.server, own as ListeningHandle)
    o.say(`waiting for ${replicas.size} screening replica(s) to load …`)
    await replicas.listen((i) => ({ fd: (theirs[i] as ListeningHandle).fd }))
    // Kept, never closed here: each replica owns its descriptor and closes it as it ends.
    replicas.keep(theirs)
    balanceAccepts(built.app.server, replicas.acceptCounts, 0)
  } else await built.app.listen({ port: o.port, host: o.host })
  const url = `http://${o.host === '0.0.0.0' ? 'localhost' : o.host}:${o.port}/`
  o.say(`\nGrayline is running: ${url}   (API docs: ${url}api/docs)`)
  if (logins.length) o.say(`logins:\n${logins.join('\n')}`)
  return {
    url,
    close: async () => {
      await replicas?.close()
      // Listening on a handed-over socket, the server is not one Fastify closes by itself.
      if (replicas && built.app.server.listening)
        await new Promise((ok) => built.app.server.close(ok))
      await built.close()
    },
  }
}

export function dataDirOf(location: string, kind: 'sqlite' | 'postgres'): string {
  return kind === 'sqlite' && location !== ':memory:' ? dirname(location) : resolve('data')
}

const DEMO_USERNAMES: readonly string[] = roles

async function demoUsersExist(ctx: Context): Promise<boolean> {
  const rows = await ctx.db
    .selectFrom('users')
    .select('username')
    .where('username', 'in', [...DEMO_USERNAMES])
    .execute()
  return rows.length === DEMO_USERNAMES.length
}
