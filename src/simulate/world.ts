// The shared world every customer is generated against: period, lender, the plan of roles,
// the agencies and rings, genuine lawyers, system incidents and the shared address pools.
import { parseInterchangeTime } from '../contract/index.js'
import { buildAgency } from './agency.js'
import type { Agency } from './agency.js'
import type { Period } from './clock.js'
import { DAY_MS, dayStart } from './clock.js'
import type { TopicKey } from './genuine-topics.js'
import { landline, mobile, personalEmail } from './identity.js'
import { personName } from './names.js'
import { deviceId, carrierIp } from './network.js'
import type { Lender } from './organizations.js'
import { lawFirmName, licenceNumber, pickLender } from './organizations.js'
import { buildPlan } from './plan.js'
import type { Plan } from './plan.js'
import type { PopulationProfile } from './profile.js'
import { resolveProfile } from './profiles.js'
import { Rng, inRange } from './random.js'

export type SimulationOptions = {
  customers: number
  seed: number
  /** ISO time the period starts; default 2026-01-01T00:00:00+08:00. */
  start?: string
  /** Length of the period in days; default 180. */
  days?: number
  profile?: Partial<PopulationProfile>
}

export type Ring = {
  gang: string
  devices: string[]
  ips: string[]
  burstFrom: number
  registeredAround: number
  phrasing: number
}
export type Lawyer = {
  name: string
  pinyin: string
  firm: string
  phone: string
  email: string
  licence: string
}
export type Incident = { topic: TopicKey; day: number }

export type World = {
  seed: number
  customers: number
  profile: PopulationProfile
  period: Period
  lender: Lender
  plan: Plan
  agencies: Agency[]
  rings: Ring[]
  incidents: Incident[]
  sharedIpPool: number
  sharedDevicePool: number
}

export const DEFAULT_START = '2026-01-01T00:00:00+08:00'

export function buildRing(seed: number, index: number, p: PopulationProfile, period: Period): Ring {
  const rng = new Rng(seed, 'ring', index)
  const burstFrom =
    period.startMs + Math.floor(rng.next() * (period.endMs - period.startMs - 20 * DAY_MS))
  return {
    gang: `ring-${String(index + 1).padStart(3, '0')}`,
    devices: Array.from({ length: inRange(rng, p.ringDevices) }, () => deviceId(rng)),
    ips: Array.from({ length: inRange(rng, p.ringIps) }, () => carrierIp(rng)),
    burstFrom: Math.max(period.startMs, burstFrom),
    registeredAround: Math.max(period.startMs - 60 * DAY_MS, burstFrom - rng.int(5, 40) * DAY_MS),
    phrasing: rng.int(0, 1000),
  }
}

/** The k-th genuine lawyer: a real practitioner at a real firm (firms host several lawyers). */
export function lawyerAt(seed: number, k: number, lawyerCount: number): Lawyer {
  const rng = new Rng(seed, 'lawyer', k)
  const firm = lawFirmName(
    new Rng(seed, 'law-firm', rng.int(0, Math.max(1, Math.floor(lawyerCount / 2)))),
  )
  const person = personName(rng)
  const phone = rng.chance(0.6) ? mobile(rng) : landline(rng)
  return {
    name: person.name,
    pinyin: person.pinyin,
    firm,
    phone,
    email: personalEmail(rng, person.pinyin),
    licence: licenceNumber(rng),
  }
}

function incidents(seed: number, p: PopulationProfile, period: Period): Incident[] {
  const rng = new Rng(seed, 'incidents')
  const topics: TopicKey[] = [
    'double_debit',
    'login_issue',
    'double_debit',
    'coupon',
    'collection_harass',
  ]
  return Array.from({ length: Math.max(0, Math.round(p.incidents)) }, () => ({
    topic: rng.pick(topics),
    day: dayStart(period.startMs + rng.int(3, Math.max(4, period.days - 5)) * DAY_MS),
  }))
}

export function createWorld(opts: SimulationOptions): World {
  const profile = resolveProfile(opts.profile)
  const days = opts.days ?? 180
  const startMs = parseInterchangeTime(opts.start ?? DEFAULT_START)
  if (!Number.isFinite(startMs)) throw new RangeError(`start is not an ISO time: ${opts.start}`)
  if (!(days >= 7)) throw new RangeError('days must be at least 7')
  const customers = Math.max(0, Math.floor(opts.customers))
  const period: Period = { startMs, endMs: startMs + days * DAY_MS, days }
  const plan = buildPlan(opts.seed, customers, profile)
  const genuineCustomers = customers * profile.contactShare
  return {
    seed: opts.seed,
    customers,
    profile,
    period,
    lender: pickLender(new Rng(opts.seed, 'lender')),
    plan,
    agencies: plan.agencySizes.map((size, a) => buildAgency(opts.seed, a, size, profile, period)),
    rings: plan.ringSizes.map((_, r) => buildRing(opts.seed, r, profile, period)),
    incidents: incidents(opts.seed, profile, period),
    sharedIpPool: Math.max(3, Math.round((genuineCustomers * profile.sharedIpShare) / 4)),
    sharedDevicePool: Math.max(2, Math.round((genuineCustomers * profile.sharedDeviceShare) / 2)),
  }
}
