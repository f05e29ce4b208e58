// Who is who, decided once for the whole population in a few typed arrays (bytes per
// customer), so that every customer can then be generated alone, in any order, in O(1) memory.
import type { PopulationProfile } from './profile.js'
import { Rng, clamp, inRange } from './random.js'

export const Role = { none: 0, genuine: 1, agency: 2, ring: 3, lawyerClient: 4 } as const
export type RoleCode = (typeof Role)[keyof typeof Role]

export type Plan = {
  role: Uint8Array
  /** Agency, ring or lawyer index for the customer's role; -1 otherwise. */
  group: Int32Array
  agencySizes: number[]
  ringSizes: number[]
  lawyerCount: number
}

/** Heavy-tailed agency sizes summing to `clients` (each at least `min`, so never one alone). */
export function agencySizes(rng: Rng, clients: number, p: PopulationProfile): number[] {
  const { min, max, alpha } = p.agencySize
  const lo = Math.max(2, Math.round(min))
  const sizes: number[] = []
  let left = clients
  while (left >= lo) {
    let size = Math.min(left, Math.round(rng.pareto(lo, Math.max(lo, max), alpha)))
    if (left - size < lo) size = left
    sizes.push(size)
    left -= size
  }
  return sizes
}

function ringSizes(rng: Rng, accounts: number, p: PopulationProfile): number[] {
  const sizes: number[] = []
  let left = accounts
  const lo = Math.max(3, p.ringSize.min)
  while (left >= lo) {
    let size = Math.min(left, inRange(rng, p.ringSize))
    if (left - size < lo) size = left
    sizes.push(size)
    left -= size
  }
  return sizes
}

function storyShare(p: PopulationProfile, story: keyof PopulationProfile['stories']): number {
  const total = Object.values(p.stories).reduce((a, b) => a + b, 0)
  return total > 0 ? p.stories[story] / total : 0
}

export function buildPlan(seed: number, customers: number, p: PopulationProfile): Plan {
  const rng = new Rng(seed, 'plan')
  const order = new Int32Array(customers)
  for (let i = 0; i < customers; i++) order[i] = i
  for (let i = customers - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    const t = order[i] ?? 0
    order[i] = order[j] ?? 0
    order[j] = t
  }
  const role = new Uint8Array(customers)
  const group = new Int32Array(customers).fill(-1)
  let at = 0
  const assign = (count: number, code: RoleCode, g: number) => {
    for (let k = 0; k < count && at < customers; k++, at++) {
      const c = order[at] ?? 0
      role[c] = code
      group[c] = g
    }
  }
  const share = (x: number) => Math.round(customers * clamp(x, 0, 1))
  const agencies = agencySizes(rng, share(p.agencyClientShare), p)
  agencies.forEach((size, a) => assign(size, Role.agency, a))
  const rings = ringSizes(rng, share(p.ringAccountShare), p)
  rings.forEach((size, r) => assign(size, Role.ring, r))
  const lawyerClients = share(p.contactShare * storyShare(p, 'lawyer'))
  let lawyerCount = 0
  for (let left = lawyerClients; left > 0; lawyerCount++) {
    const n = Math.min(left, inRange(rng, p.lawyerClients))
    assign(n, Role.lawyerClient, lawyerCount)
    left -= n
  }
  assign(Math.max(0, share(p.contactShare) - lawyerClients), Role.genuine, -1)
  return { role, group, agencySizes: agencies, ringSizes: rings, lawyerCount }
}
