// Detection quality across populations built differently: every simulator profile, several seeds
// each, assessed from scratch and scored against the labels. Prints a Markdown table for the README.
// Usage: npx tsx bench/quality-matrix.ts [customers=40000] [seeds=2] [base-seed=1000]
// (the README's table is base 1000; other bases are populations the rules were never looked at on)
import { profiles } from '../src/simulate/index.js'
import type { ProfileName } from '../src/simulate/index.js'
import { QUALITY_TABLE_HEAD, scorePopulation } from './quality-run.js'

const customers = Number(process.argv[2] ?? 40_000)
const seeds = Number(process.argv[3] ?? 2)
const baseSeed = Number(process.argv[4] ?? 1000)

for (const line of QUALITY_TABLE_HEAD) console.log(line)
for (const name of Object.keys(profiles) as ProfileName[]) {
  for (let k = 0; k < seeds; k++) {
    const seed = baseSeed + 97 * k + name.length
    const { row } = await scorePopulation(name, profiles[name], customers, seed)
    console.log(row)
  }
}
