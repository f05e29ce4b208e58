import { beforeAll, describe, expect, it } from 'vitest'
import type { Contact } from '../contract/index.js'
import type { Emitted } from './contact-builder.js'
import { Role } from './plan.js'
import { prepareSimulation, simulateCustomer } from './population.js'
import { profiles } from './profiles.js'

type Features = { keys: Set<string>; phashes: string[]; texts: Set<string>[] }

const digits = (p: string | undefined) => (p ?? '').replace(/\D/g, '').slice(-11)

function shingles(text: string): Set<string> {
  const t = text.replace(/\s/g, '')
  const out = new Set<string>()
  for (let i = 0; i + 5 <= t.length; i++) out.add(t.slice(i, i + 5))
  return out
}

// What an analyst could link two clients by: phone, organisation, WeChat, e-mail, device,
// identical file, near-identical image, or the same letter.
function features(contacts: Contact[]): Features {
  const f: Features = { keys: new Set(), phashes: [], texts: [] }
  for (const c of contacts) {
    for (const p of [c.caller ?? {}, ...(c.participants ?? [])]) {
      if (digits(p.phone)) f.keys.add(`phone:${digits(p.phone)}`)
      for (const k of ['organization', 'wechat', 'email'] as const)
        if (p[k]) f.keys.add(`${k}:${p[k]}`)
    }
    for (const a of c.attachments ?? []) {
      f.keys.add(`sha:${a.sha256}`)
      if (a.phash) f.phashes.push(a.phash)
    }
    if (c.network?.device_id) f.keys.add(`device:${c.network.device_id}`)
    if (c.channel !== 'call' && c.text) f.texts.push(shingles(c.text))
  }
  return f
}

function hamming(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`)
  let n = 0
  for (; x > 0n; x >>= 1n) n += Number(x & 1n)
  return n
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const s of a) if (b.has(s)) shared++
  return shared / Math.max(1, Math.min(a.size, b.size))
}

function linked(a: Features, b: Features): boolean {
  for (const k of a.keys) if (b.keys.has(k)) return true
  if (a.phashes.some((x) => b.phashes.some((y) => hamming(x, y) <= 8))) return true
  return a.texts.some((x) => b.texts.some((y) => overlap(x, y) >= 0.35))
}

const byAgency = new Map<number, Features[]>()
const genuineContacts: Emitted[] = []
const agencyContacts: Emitted[] = []

beforeAll(() => {
  const sim = prepareSimulation({ customers: 20_000, seed: 3 })
  for (let i = 0; i < 20_000; i++) {
    const { contacts } = simulateCustomer(sim, i)
    if (sim.world.plan.role[i] !== Role.agency) continue
    const mine = contacts.filter((e) => e.label.kind === 'agency').map((e) => e.contact)
    const g = sim.world.plan.group[i] ?? -1
    byAgency.set(g, [...(byAgency.get(g) ?? []), features(mine)])
  }
})

describe('agency clients', () => {
  it('are each linked to another client of their agency by phone, org, file, device or letter', () => {
    let clients = 0
    for (const members of byAgency.values()) {
      members.forEach((f, i) => {
        clients++
        expect(members.some((g, j) => j !== i && linked(f, g))).toBe(true)
      })
    }
    expect(clients).toBeGreaterThan(50)
  })
})

describe('no artificial tells', () => {
  // The noisy profile: enough relatives, lawyers and new phones to show every genuine shape.
  beforeAll(() => {
    const sim = prepareSimulation({ customers: 30_000, seed: 5, profile: profiles.noisy })
    for (let i = 0; i < 30_000; i++) {
      for (const e of simulateCustomer(sim, i).contacts)
        (e.label.abnormal ? agencyContacts : genuineContacts).push(e)
    }
  })

  const kinds = (list: Emitted[], pick: (c: Contact) => string[]) =>
    new Set(list.flatMap((e) => pick(e.contact)))

  it('uses for abnormal contacts only sources that genuine contacts also use on that channel', () => {
    const key = (c: Contact) => [`${c.channel}/${c.source ?? ''}`]
    const genuine = kinds(genuineContacts, key)
    for (const k of kinds(agencyContacts, key)) expect(genuine, k).toContain(k)
  })

  it('fills no field for abnormal contacts that genuine contacts never fill', () => {
    const fields = (c: Contact) => [
      ...Object.keys(c),
      ...Object.keys(c.caller ?? {}).map((k) => `caller.${k}`),
    ]
    const genuine = kinds(genuineContacts, fields)
    for (const k of kinds(agencyContacts, fields)) expect(genuine, k).toContain(k)
  })

  it('lets genuine callers take every role an agency takes except the self-declared agent', () => {
    const roles = (c: Contact) => [
      c.caller?.role ?? '',
      ...(c.participants ?? []).map((p) => `p:${p.role ?? ''}`),
    ]
    const genuine = kinds(genuineContacts, roles)
    for (const r of kinds(agencyContacts, roles))
      if (!r.endsWith('agent')) expect(genuine, r).toContain(r)
  })

  it('writes phones in the same shapes for every kind of caller', () => {
    const shape = (c: Contact) => [c.caller?.phone?.replace(/\d/g, '9') ?? '']
    const genuine = kinds(genuineContacts, shape)
    for (const s of kinds(agencyContacts, shape)) expect(genuine, s).toContain(s)
  })
})
