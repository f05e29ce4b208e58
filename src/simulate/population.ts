// The population, one customer at a time: the watchlist first, then each customer followed
// by their contacts (in generation order; `writeSimulation` puts contacts in time order).
import type { Contact, Customer, Label, WatchlistEntry } from '../contract/index.js'
import type { Actor } from './actor.js'
import { actorFor } from './actor.js'
import { agencyClientStory } from './agency-stories.js'
import type { PhoneWindow } from './agency.js'
import { DAY_MS } from './clock.js'
import type { Emitted } from './contact-builder.js'
import { buildPerson } from './customers.js'
import type { PersonOptions } from './customers.js'
import {
  commonTopicStory,
  followUpStory,
  ordinaryStory,
  pickStory,
  selfFloodStory,
} from './genuine-stories.js'
import { Role } from './plan.js'
import type { RoleCode } from './plan.js'
import type { GenuineStory } from './profile.js'
import { Rng } from './random.js'
import { lawyerStory, newPhoneStory, relativeStory } from './representative-stories.js'
import { ringStory } from './ring-stories.js'
import { buildWatchlist, recyclablePhones } from './watchlist.js'
import type { SimulationOptions, World } from './world.js'
import { createWorld, lawyerAt } from './world.js'

export type SimRecord =
  | { type: 'watchlist'; record: WatchlistEntry }
  | { type: 'customer'; record: Customer }
  | { type: 'contact'; record: Contact; label: Label; at: number }

export type Simulation = { world: World; watchlist: WatchlistEntry[]; recycled: PhoneWindow[] }

const stories: Record<Exclude<GenuineStory, 'lawyer'>, (a: Actor) => Emitted[]> = {
  ordinary: ordinaryStory,
  follow_up: followUpStory,
  new_phone: newPhoneStory,
  relative: relativeStory,
  common_topic: commonTopicStory,
  self_flood: selfFloodStory,
}

export function prepareSimulation(opts: SimulationOptions): Simulation {
  const world = createWorld(opts)
  const watchlist = buildWatchlist(world)
  return { world, watchlist, recycled: recyclablePhones(world, watchlist) }
}

// About one in fifty listed-and-abandoned numbers now belongs to an unrelated customer.
function personOptions(sim: Simulation, rng: Rng, role: RoleCode, group: number): PersonOptions {
  const { world, recycled } = sim
  if (role === Role.ring) {
    const ring = world.rings[group]
    return { role, registeredAround: ring?.registeredAround, virtualShare: 0.35 }
  }
  if (
    (role === Role.none || role === Role.genuine) &&
    recycled.length > 0 &&
    rng.chance((recycled.length * 0.02) / Math.max(1, world.customers))
  ) {
    const w = rng.pick(recycled)
    const registeredAround = Math.min(
      world.period.startMs - 5 * DAY_MS,
      w.to + rng.int(90, 200) * DAY_MS,
    )
    return { role, phone: w.phone, registeredAround }
  }
  return { role }
}

function storyFor(sim: Simulation, a: Actor, role: RoleCode, group: number): Emitted[] {
  const { world } = sim
  switch (role) {
    case Role.genuine:
      return stories[pickStory(a.rng, world.profile.stories) as Exclude<GenuineStory, 'lawyer'>](a)
    case Role.lawyerClient:
      return lawyerStory(a, lawyerAt(world.seed, group, world.plan.lawyerCount))
    case Role.agency: {
      const agency = world.agencies[group]
      return agency ? agencyClientStory(a, agency) : []
    }
    case Role.ring: {
      const ring = world.rings[group]
      return ring ? ringStory(a, ring) : []
    }
    default:
      return []
  }
}

/** One customer's master record and contacts; independent of every other customer. */
export function simulateCustomer(
  sim: Simulation,
  index: number,
): { customer: Customer; contacts: Emitted[] } {
  const { world } = sim
  const rng = new Rng(world.seed, 'customer', index)
  const role = (world.plan.role[index] ?? Role.none) as RoleCode
  const group = world.plan.group[index] ?? -1
  const person = buildPerson(
    rng,
    world.seed,
    index,
    world.period,
    personOptions(sim, rng, role, group),
  )
  if (role === Role.none) return { customer: person.record, contacts: [] }
  const contacts = storyFor(sim, actorFor(world, rng, person), role, group)
  return { customer: person.record, contacts }
}

export function* simulatePopulation(opts: SimulationOptions): Generator<SimRecord> {
  const sim = prepareSimulation(opts)
  for (const record of sim.watchlist) yield { type: 'watchlist', record }
  for (let i = 0; i < sim.world.customers; i++) {
    const { customer, contacts } = simulateCustomer(sim, i)
    yield { type: 'customer', record: customer }
    for (const c of contacts) yield { type: 'contact', record: c.contact, label: c.label, at: c.at }
  }
}
