// Detection quality on populations drawn at random: every knob of the simulator's profile drawn
// from a wide range (agency sizes and shares, phone rotation, paraphrase, evidence reuse, how the
// genuine consumers behave), none of them a named profile the rules were looked at on. Prints the
// same table as bench/quality-matrix.ts, then the knobs each population was drawn with.
// Usage: npx tsx bench/quality-random.ts [populations=6] [customers=40000] [base-seed=7000]
import { rng } from './bench-data.js'
import { describeProfile, drawProfile } from './quality-knobs.js'
import { QUALITY_TABLE_HEAD, scorePopulation } from './quality-run.js'

const populations = Number(process.argv[2] ?? 6)
const customers = Number(process.argv[3] ?? 40_000)
const baseSeed = Number(process.argv[4] ?? 7000)

const drawn: string[] = []
for (const line of QUALITY_TABLE_HEAD) console.log(line)
for (let k = 0; k < populations; k++) {
  const seed = baseSeed + k
  const profile = drawProfile(rng(seed).rand, `random-${k + 1}`)
  const { row } = await scorePopulation(profile.name ?? `random-${k + 1}`, profile, customers, seed)
  console.log(row)
  drawn.push(`- ${profile.name}: ${describeProfile(profile)}`)
}
console.log('')
for (const line of drawn) console.log(line)
