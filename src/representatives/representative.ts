// A person acting for a customer, handled by the material standards — never treated as an agency by
// default. Status: pending until reviewed, then verified or rejected (with reviewer and reason), and
// expired once the authorisation's end date passes.
// Dependency-free: the console imports these types as they are.

export const representativeKinds = ['lawyer', 'relative', 'other_agent'] as const
export type RepresentativeKind = (typeof representativeKinds)[number]

export const representativeStatuses = ['pending', 'verified', 'rejected', 'expired'] as const
export type RepresentativeStatus = (typeof representativeStatuses)[number]

export type Representative = {
  representative_id: string
  customer_id: string
  contact_id: string | null
  kind: RepresentativeKind
  name: string
  phone_identifier: string | null
  organization: string | null
  status: RepresentativeStatus
  status_reason: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  authorised_until: string | null
  created_by: string
  created_at: string
  updated_at: string
}

/** One checklist item of a representative's materials. */
export type ItemCheck = {
  item: string
  label: { 'zh-CN': string; en: string }
  status: 'present' | 'missing' | 'suspicious'
  /** sha256 of the files standing for the item. */
  files: string[]
}

export type MaterialCheck = { complete: boolean; items: ItemCheck[] }

export type RepresentativeView = Representative & {
  materials: {
    item: string
    sha256: string
    filename: string | null
    added_by: string
    added_at: string
  }[]
  check: MaterialCheck
  reviews: { status: string; reason: string | null; reviewed_by: string; reviewed_at: string }[]
}

/** A verified authorisation past its end date is expired, whether or not anyone marked it. */
export function effectiveStatus(r: Representative, now: Date): RepresentativeStatus {
  if (r.status === 'verified' && r.authorised_until && r.authorised_until < now.toISOString())
    return 'expired'
  return r.status
}
