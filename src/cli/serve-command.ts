// `grayline serve`: the API and the console on one port (what `npm start` runs).
import type { Command } from 'commander'
import { dataDirOf, serve } from '../server/start.js'
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
      })
      const stop = async () => {
        await server.close()
        await opened.close()
        process.exit(0)
      }
      process.once('SIGINT', () => void stop())
      process.once('SIGTERM', () => void stop())
    })
}
