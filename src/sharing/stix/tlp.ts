// TLP 2.0 as STIX 2.1 marking definitions: the fixed objects of the OASIS TLP 2.0 extension
// (extension-definition--60a3c5c5-…), referenced by id from every object Grayline shares.
import type { StixObject } from './stix-objects.js'

export const tlpLevels = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const
export type Tlp = (typeof tlpLevels)[number]

const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'

export const TLP_MARKING_IDS: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
}

export function tlpMarking(level: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
  }
}

export function tlpOf(markingRefs: readonly string[] | undefined): Tlp | null {
  for (const level of tlpLevels) if (markingRefs?.includes(TLP_MARKING_IDS[level])) return level
  return null
}

/** The stricter of two levels: what a re-shared object must carry. */
export function stricterTlp(a: Tlp, b: Tlp): Tlp {
  return tlpLevels.indexOf(a) >= tlpLevels.indexOf(b) ? a : b
}
