import { beforeAll, describe, expect, it } from 'vitest'
import {
  contactSchema,
  customerSchema,
  labelSchema,
  watchlistEntrySchema,
} from '../contract/index.js'
import type { Contact } from '../contract/index.js'
import type { Emitted } from './contact-builder.js'
import { labelKinds } from './contact-builder.js'
import { Role } from './plan.js'
import type { Simulation } from './population.js'
import { prepareSimulation, simulateCustomer, simulatePopulation } from './population.js'
import { genuineStories } from './profile.js'

type Row = { index: number; role: number; group: number; contacts: Emitted[] }

const CUSTOMERS = 20_000
let sim: Simulation
let rows: Row[]

beforeAll(() => {
  sim = prepareSimulation({ customers: CUSTOMERS, seed: 7 })
  rows = []
  for (let i = 0; i < CUSTOMERS; i++) {
    const { contacts } = simulateCustomer(sim, i)
    if (contacts.length > 0)
      rows.push({
        index: i,
        role: sim.world.plan.role[i] ?? 0,
        group: sim.world.plan.group[i] ?? -1,
        contacts,
      })
  }
})

const all = () => rows.flatMap((r) => r.contacts)

describe('simulatePopulation', () => {
  it('emits only records that validate against the interchange schemas', () => {
    let customers = 0
    for (const r of simulatePopulation({ customers: 3000, seed: 11 })) {
      if (r.type === 'customer') {
        customers++
        expect(customerSchema.safeParse(r.record).success).toBe(true)
      } else if (r.type === 'watchlist')
        expect(watchlistEntrySchema.safeParse(r.record).success).toBe(true)
      else {
        const c = contactSchema.safeParse(r.record)
        expect(c.success, JSON.stringify(c.error?.issues)).toBe(true)
        expect(labelSchema.safeParse(r.label).success).toBe(true)
        expect(r.label.contact_id).toBe(r.record.contact_id)
      }
    }
    expect(customers).toBe(3000)
  })

  it('labels every contact with a known kind, consistent abnormal flag, category and gang', () => {
    const abnormalKinds = new Set(['agency', 'promotion_abuse', 'self_flood_excess'])
    for (const { label } of all()) {
      expect(labelKinds).toContain(label.kind)
      expect(label.abnormal).toBe(abnormalKinds.has(label.kind ?? ''))
      if (!label.abnormal) expect([label.category, label.gang]).toEqual([null, null])
      if (label.kind === 'agency') {
        expect(label.gang).toMatch(/^agency-/)
        expect([
          'proxy_in_consumer_name',
          'accompanying_agent',
          'orchestrated_repeat_complaints',
          'false_evidence_and_refusal',
          'anti_collection_alliance',
        ]).toContain(label.category)
      }
      if (label.kind === 'promotion_abuse')
        expect([label.category, label.gang?.slice(0, 5)]).toEqual(['promotion_abuse', 'ring-'])
      if (label.kind === 'self_flood_excess')
        expect([label.category, label.gang]).toEqual(['complaint_order_violation', null])
    }
  })

  it('gives every contact a unique opaque id', () => {
    const ids = all().map((e) => e.contact.contact_id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('signs up exactly the planned share of customers with agencies, and all of them appear', () => {
    const clients = rows.filter((r) => r.role === Role.agency)
    expect(clients.length).toBe(sim.world.plan.agencySizes.reduce((a, b) => a + b, 0))
    expect(
      Math.abs(clients.length - CUSTOMERS * sim.world.profile.agencyClientShare),
    ).toBeLessThanOrEqual(2)
    for (const r of clients)
      expect(
        r.contacts.some(
          (e) => e.label.kind === 'agency' && e.label.gang === sim.world.agencies[r.group]?.gang,
        ),
      ).toBe(true)
  })

  it('tells genuine stories in the proportions of the profile', () => {
    const genuine = rows.filter((r) => r.role === Role.genuine)
    const weights = genuineStories
      .filter((s) => s !== 'lawyer')
      .map((s) => [s, sim.world.profile.stories[s]] as const)
    const total = weights.reduce((a, [, w]) => a + w, 0)
    for (const [story, w] of weights) {
      const kind = story === 'ordinary' ? 'genuine' : story
      const seen = genuine.filter((r) => r.contacts[0]?.label.kind === kind).length / genuine.length
      expect(Math.abs(seen - w / total), story).toBeLessThan(0.04)
    }
  })

  it('marks only the fourth and later repeats of a flooder as breaking the complaint order', () => {
    const flooders = rows.filter((r) => r.contacts.some((e) => e.label.kind === 'self_flood'))
    expect(flooders.length).toBeGreaterThan(3)
    for (const r of flooders) {
      const kinds = r.contacts
        .filter((e) => e.label.kind?.startsWith('self_flood'))
        .sort((a, b) => a.at - b.at)
        .map((e) => e.label.kind)
      kinds.forEach((k, i) => expect(k).toBe(i < 3 ? 'self_flood' : 'self_flood_excess'))
    }
  })

  it('keeps genuine lawyers’ papers to their own client', () => {
    const owner = new Map<string, number>()
    for (const r of rows) {
      for (const e of r.contacts) {
        if (e.label.kind !== 'lawyer') continue
        for (const a of e.contact.attachments ?? []) {
          expect(owner.get(a.sha256) ?? r.index).toBe(r.index)
          owner.set(a.sha256, r.index)
        }
      }
    }
    expect(owner.size).toBeGreaterThan(5)
    const elsewhere = all()
      .filter((e) => e.label.kind !== 'lawyer')
      .flatMap((e) => e.contact.attachments ?? [])
    for (const a of elsewhere) expect(owner.has(a.sha256)).toBe(false)
  })

  it('has victims name the agency that worked them', () => {
    const victims = rows.filter((r) => r.contacts.some((e) => e.label.kind === 'victim_report'))
    expect(victims.length).toBeGreaterThan(0)
    for (const r of victims) {
      const report = r.contacts.find((e) => e.label.kind === 'victim_report')?.contact as Contact
      const agent = report.participants?.[0]
      expect(agent?.role).toBe('agent')
      expect(agent?.phone ?? agent?.wechat ?? agent?.organization).toBeTruthy()
      expect(r.contacts.some((e) => e.label.kind === 'agency')).toBe(true)
    }
  })
})
