import { describe, expect, it } from 'vitest'
import type { Emitted } from './contact-builder.js'
import type { PopulationProfile } from './profile.js'
import { defaultProfile } from './profile.js'
import { prepareSimulation, simulateCustomer } from './population.js'
import { profiles, resolveProfile } from './profiles.js'

function contactsOf(profile: Partial<PopulationProfile>, customers = 20_000): Emitted[] {
  const sim = prepareSimulation({ customers, seed: 13, profile })
  const out: Emitted[] = []
  for (let i = 0; i < customers; i++) out.push(...simulateCustomer(sim, i).contacts)
  return out
}

const share = (list: Emitted[], kind: string) =>
  list.filter((e) => e.label.kind === kind).length / list.length

// Mean number of customers reached through one agency phone.
function customersPerAgencyPhone(list: Emitted[]): number {
  const reach = new Map<string, Set<string>>()
  for (const e of list) {
    const phone =
      e.label.kind === 'agency' ? e.contact.caller?.phone?.replace(/\D/g, '').slice(-11) : undefined
    if (!phone || !e.contact.customer_id || e.contact.caller?.role === 'self') continue
    reach.set(phone, (reach.get(phone) ?? new Set()).add(e.contact.customer_id))
  }
  const sizes = [...reach.values()].map((s) => s.size)
  return sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)
}

describe('profiles', () => {
  const base = contactsOf(profiles.default)

  it('puts roughly a quarter of contacts from agencies by default, 40% when heavy, few when sparse', () => {
    expect(share(base, 'agency')).toBeGreaterThan(0.17)
    expect(share(base, 'agency')).toBeLessThan(0.32)
    const heavy = share(contactsOf(profiles.heavy), 'agency')
    expect(heavy).toBeGreaterThan(0.33)
    expect(heavy).toBeLessThan(0.48)
    expect(share(contactsOf(profiles.sparse), 'agency')).toBeLessThan(0.12)
  })

  it('makes stealthy agencies reuse phones and identical files less', () => {
    const stealthy = contactsOf(profiles.stealthy)
    expect(customersPerAgencyPhone(stealthy)).toBeLessThan(customersPerAgencyPhone(base))
    const identicalPoa = (list: Emitted[]) => {
      const shas = list
        .filter((e) => e.label.kind === 'agency')
        .flatMap((e) =>
          (e.contact.attachments ?? []).filter((a) => a.kind === 'poa').map((a) => a.sha256),
        )
      return shas.length - new Set(shas).size
    }
    expect(identicalPoa(stealthy)).toBeLessThan(identicalPoa(base))
  })

  it('gives the noisy profile more relatives, lawyers, new phones and flooders', () => {
    const noisy = contactsOf(profiles.noisy)
    for (const kind of ['relative', 'lawyer', 'new_phone', 'self_flood'])
      expect(share(noisy, kind), kind).toBeGreaterThan(share(base, kind))
  })

  it('merges a partial profile knob by knob over the default', () => {
    const p = resolveProfile({
      stories: { relative: 0.5 } as PopulationProfile['stories'],
      paraphrase: 0.9,
    })
    expect(p.stories.relative).toBe(0.5)
    expect(p.stories.ordinary).toBe(defaultProfile.stories.ordinary)
    expect(p.paraphrase).toBe(0.9)
    expect(p.agencySize).toEqual(defaultProfile.agencySize)
  })
})
