// `grayline simulate --customers N --seed S --out DIR [--profile NAME]`
import type { Command } from 'commander'
import { profiles, writeSimulation } from '../simulate/index.js'
import { progressBar } from './progress.js'

type Opts = { customers: string; seed: string; out: string; profile: string; days?: string }

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('write a realistic labelled population: interchange v1 files plus labels.jsonl')
    .option('--customers <n>', 'number of customers', '10000')
    .option('--seed <n>', 'random seed (the same seed gives the same files)', '1')
    .option(
      '--profile <name>',
      `population profile: ${Object.keys(profiles).join(', ')}`,
      'default',
    )
    .option('--days <n>', 'days of contacts to simulate')
    .requiredOption('--out <dir>', 'output folder')
    .action(async (opts: Opts) => {
      const profile = profiles[opts.profile as keyof typeof profiles]
      if (!profile)
        throw new Error(
          `unknown profile "${opts.profile}": use one of ${Object.keys(profiles).join(', ')}`,
        )
      const bar = progressBar('simulate')
      const customers = Number(opts.customers)
      const seed = Number(opts.seed)
      if (!Number.isInteger(customers) || customers < 1)
        throw new Error('--customers must be a positive whole number')
      const manifest = await writeSimulation(
        { customers, seed, profile, ...(opts.days ? { days: Number(opts.days) } : {}) },
        opts.out,
        (d, t) => bar.update(d, t),
      )
      bar.stop()
      console.log(`wrote ${opts.out}: ${JSON.stringify(manifest.counts ?? manifest)}`)
    })
}
