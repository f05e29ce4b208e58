// Where an indicator may go: this institution only, one named sharing group, or the whole
// consortium. Whatever an object passes through, the most restrictive container wins: a group
// indicator re-shared by a receiver stays in that group, and two different groups meet nowhere.
import { z } from 'zod'

export const distributionSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('own') }),
  z.object({ scope: z.literal('group'), group: z.string().min(1) }),
  z.object({ scope: z.literal('consortium') }),
])
export type Distribution = z.infer<typeof distributionSchema>

export const OWN: Distribution = { scope: 'own' }

/** The most restrictive of the containers an object is in (its own choice and each hop's). */
export function mostRestrictive(...containers: Distribution[]): Distribution {
  let result: Distribution = { scope: 'consortium' }
  for (const c of containers) {
    if (c.scope === 'own') return OWN
    if (c.scope === 'consortium') continue
    if (result.scope === 'group' && result.group !== c.group) return OWN
    result = c
  }
  return result
}

/** The TAXII API root an indicator is published in, or null when it never leaves. */
export function apiRootOf(d: Distribution): string | null {
  if (d.scope === 'own') return null
  return d.scope === 'consortium' ? 'consortium' : `group-${d.group}`
}

/** What a receiver records about an indicator's container, to carry it across the next hop. */
export function scopeLabel(d: Distribution): string {
  return d.scope === 'group' ? `group:${d.group}` : d.scope
}

export function parseScopeLabel(label: string): Distribution {
  if (label === 'consortium' || label === 'own') return { scope: label }
  if (label.startsWith('group:')) return { scope: 'group', group: label.slice(6) }
  return OWN
}
