import { describe, expect, it } from 'vitest'
import type { Contact } from '../contract/index.js'
import { contactIdentifiers } from '../links/identifier.js'
import { simulatePopulation } from '../simulate/index.js'
import { ContactPreparation } from './contact-preparation.js'
import type { ContactFacts } from './contact-facts.js'
import { prepareContact } from './prepared-contact.js'
import type { PreparedContact } from './prepared-contact.js'

const contacts: Contact[] = []
for (const r of simulatePopulation({ customers: 6000, seed: 5, profile: { contactShare: 0.5 } }))
  if (r.type === 'contact') contacts.push(r.record)

/** Facts read field by field: those from the worker are kept as StoredFacts, the others plain. */
function readable(prepared: PreparedContact[]) {
  const fields = Object.keys(prepareContact(contacts[0] as Contact, undefined, 150).facts)
  return prepared.map((p) => ({
    ...p,
    facts: Object.fromEntries(fields.map((k) => [k, p.facts[k as keyof ContactFacts]])),
  }))
}

async function preparedBy(preparation: ContactPreparation, withLinks: boolean) {
  const out = []
  try {
    // Two submissions, the first larger than a slice: the order must survive both.
    for (const part of [contacts.slice(0, 2500), contacts.slice(2500)])
      preparation.submit(
        part.map((c) => JSON.stringify(c)),
        withLinks ? part.map((c) => contactIdentifiers(c)) : undefined,
      )
    for await (const batch of preparation.ready()) out.push(...batch)
  } finally {
    await preparation.close()
  }
  return out
}

describe('contact preparation', () => {
  it('prepares on a worker exactly what is prepared in place, in the order sent', async () => {
    expect(contacts.length).toBeGreaterThan(2500)
    const inPlace = contacts.map((c) => prepareContact(c, undefined, 150))
    const onWorker = await preparedBy(ContactPreparation.start(150, true), false)
    expect(onWorker.map((p) => p.facts.contactId)).toEqual(contacts.map((c) => c.contact_id))
    expect(readable(onWorker)).toEqual(readable(inPlace))
    expect(inPlace.some((p) => p.templateShingles !== null)).toBe(true)
    expect(inPlace.some((p) => p.facts.grayHits.length > 0)).toBe(true)
  })

  it('takes the links an import worked out, and shares empty lists again after the crossing', async () => {
    const onWorker = await preparedBy(ContactPreparation.start(150, true), true)
    const inPlace = await preparedBy(ContactPreparation.start(150, false), true)
    expect(readable(onWorker)).toEqual(readable(inPlace))
    const quiet = onWorker.filter((p) => p.facts.demands.length === 0)
    expect(quiet.length).toBeGreaterThan(1)
    expect(quiet[0]?.facts.demands).toBe(quiet[1]?.facts.demands)
  })
})
