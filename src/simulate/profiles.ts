// Named population variants, and the merge that turns a partial profile into a full one.
import { defaultProfile } from './profile.js'
import type { PopulationProfile } from './profile.js'

export type ProfileName = 'default' | 'sparse' | 'heavy' | 'stealthy' | 'noisy'

const sparse: Partial<PopulationProfile> = {
  name: 'sparse',
  agencyClientShare: 0.0015,
  agencySize: { min: 2, max: 25, alpha: 1.5 },
  ringAccountShare: 0.0004,
  ringSize: { min: 6, max: 20 },
}

const heavy: Partial<PopulationProfile> = {
  name: 'heavy',
  agencyClientShare: 0.0135,
  agencySize: { min: 2, max: 600, alpha: 1.05 },
  ringAccountShare: 0.003,
}

const stealthy: Partial<PopulationProfile> = {
  name: 'stealthy',
  agentLines: { min: 2, max: 5 },
  phoneRotationDays: { min: 3, max: 14 },
  presentation: { self: 0.75, agent: 0.07, friend: 0.06, relative: 0.08, lawyer: 0.04 },
  nameVariantShare: 0.05,
  templatesPerAgency: { min: 4, max: 9 },
  paraphrase: 0.7,
  poaShare: 0.25,
  poaIdenticalShare: 0.15,
  certificateResaveShare: 0.9,
  fakeCertificateShare: 0.15,
  officeNetworkShare: 0.25,
  orgMentionShare: 0.1,
  wechatShare: 0.08,
  emailShare: 0.05,
  campaignShare: 0.15,
  custodySimShare: 0.15,
  watchlistAgencyShare: 0.1,
}

const noisy: Partial<PopulationProfile> = {
  name: 'noisy',
  contactShare: 0.09,
  stories: {
    ordinary: 0.34,
    follow_up: 0.14,
    new_phone: 0.12,
    relative: 0.12,
    lawyer: 0.03,
    common_topic: 0.22,
    self_flood: 0.03,
  },
  hardshipShare: 0.35,
  diyTemplateShare: 0.04,
  sharedIpShare: 0.15,
  sharedDeviceShare: 0.05,
  incidents: 7,
}

export const profiles: Record<ProfileName, Partial<PopulationProfile>> = {
  default: { name: 'default' },
  sparse,
  heavy,
  stealthy,
  noisy,
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Overlays a partial profile on the default; nested knobs (weights, ranges) merge key by key. */
export function resolveProfile(partial: Partial<PopulationProfile> = {}): PopulationProfile {
  const out: Record<string, unknown> = { ...defaultProfile }
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue
    const base = out[key]
    out[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value
  }
  return out as PopulationProfile
}
