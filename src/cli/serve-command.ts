// `grayline serve`: the API and the console on one port (what `npm start` runs).
import type { Command } from 'commander'
import { serveInChildWithHeap } from '../server/server-heap.js'
import { dataDirOf, serve } from '../server/start.js'
import { storeConfigFromEnv } from '../store/index.js'
import { openContext } from './open-context.js'
import { stageProgress } from './progress.js'

type Opts = {
  port: string
  host: string
  db?: string
  rules?: string
  demo: boolean
  demoCustomers: string
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the console; an empty store gets the simulated demo book')
    .option('--port <n>', 'port to listen on', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--db <path>', 'SQLite file to use (default ./data/grayline.db, or DATABASE_URL)')
    .option('--rules <file>', 'rule set to use')
    .option('--no-demo', 'do not load the demo book into an empty store')
    .option(
      '--demo-customers <n>',
      'customers in the demo book',
      process.env.GRAYLINE_DEMO_CUSTOMERS ?? '20000',
    )
    .action(async (opts: Opts) => {
      const served = await serveInChildWithHeap()
      if (served !== null) {
        process.exitCode = served
        return
      }
      const opened = await openContext(opts.db)
      const bar = stageProgress()
      const store = opened.ctx.store
      const server = await serve({
        ctx: opened.ctx,
        dataDir: dataDirOf(opened.location, store),
        port: Number(opts.port),
        host: opts.host,
        demo: opts.demo,
        demoCustomers: Number(opts.demoCustomers),
        rulesPath: opts.rules,
        secureCookies: process.env.GRAYLINE_INSECURE_COOKIES !== '1',
        say: (line) => {
          bar.stop()
          console.log(line)
        },
        progress: (stage, done, total) => bar.update(stage, done, total),
        store: storeConfigFromEnv(process.env, opts.db),
      })
      // Once: Ctrl-C may reach a served child twice (from the terminal, and passed on).
      let stopping = false
      const stop = async () => {
        if (stopping) return
        stopping = true
        await server.close()
        await opened.close()
        process.exit(0)
      }
      process.on('SIGINT', () => void stop())
      process.on('SIGTERM', () => void stop())
    })
}
