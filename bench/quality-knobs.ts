// Random simulator profiles for bench/quality-random.ts: each knob drawn from a range wider than
// the named profiles span, so the populations differ from anything the rules were tuned on.
import type { PopulationProfile } from '../src/simulate/index.js'

export type Draw = () => number

export function drawProfile(r: Draw, name: string): Partial<PopulationProfile> {
  const between = (lo: number, hi: number) => Math.round((lo + (hi - lo) * r()) * 10000) / 10000
  const int = (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * r())
  const range = (lo: number, hi: number, spanLo: number, spanHi: number) => {
    const min = int(lo, hi)
    return { min, max: min + int(spanLo, spanHi) }
  }
  const agentLines = range(1, 2, 1, 4)
  const rotationMin = int(3, 30)
  const templatesMin = int(1, 4)
  return {
    name,
    contactShare: between(0.03, 0.12),
    stories: {
      ordinary: between(0.3, 0.6),
      follow_up: between(0.05, 0.2),
      new_phone: between(0.03, 0.15),
      relative: between(0.03, 0.15),
      lawyer: between(0.003, 0.04),
      common_topic: between(0.08, 0.3),
      self_flood: between(0.005, 0.04),
    },
    hardshipShare: between(0.1, 0.4),
    diyTemplateShare: between(0.005, 0.05),
    sharedIpShare: between(0.02, 0.2),
    sharedDeviceShare: between(0.005, 0.06),
    incidents: int(2, 8),
    agencyClientShare: between(0.001, 0.015),
    agencySize: { min: 2, max: int(20, 600), alpha: between(1.05, 1.6) },
    agentLines,
    phoneRotationDays: { min: rotationMin, max: rotationMin + int(10, 80) },
    presentation: {
      self: between(0.3, 0.8),
      agent: between(0.03, 0.3),
      friend: between(0.03, 0.12),
      relative: between(0.05, 0.18),
      lawyer: between(0.02, 0.12),
    },
    nameVariantShare: between(0.02, 0.2),
    templatesPerAgency: { min: templatesMin, max: templatesMin + int(1, 5) },
    paraphrase: between(0.05, 0.8),
    poaShare: between(0.2, 0.8),
    poaIdenticalShare: between(0.1, 0.7),
    fakeCertificateShare: between(0.1, 0.4),
    certificateResaveShare: between(0.2, 0.95),
    threeWayShare: between(0.03, 0.2),
    multiChannelShare: between(0.1, 0.5),
    letterOnlyShare: between(0, 0.08),
    custodySimShare: between(0, 0.2),
    officeNetworkShare: between(0.2, 0.9),
    orgMentionShare: between(0.1, 0.7),
    wechatShare: between(0.05, 0.4),
    emailShare: between(0.03, 0.2),
    victimShare: between(0.02, 0.1),
    priorOwnComplaintShare: between(0.05, 0.3),
    campaignShare: between(0.1, 0.7),
    ringAccountShare: between(0.0003, 0.004),
    watchlistAgencyShare: between(0.05, 0.3),
  }
}

/** The knobs that shape a population most, in one line. */
export function describeProfile(p: Partial<PopulationProfile>): string {
  const f = (x: number | undefined) => String(x)
  return [
    `agency clients ${f(p.agencyClientShare)}`,
    `agency size ≤ ${f(p.agencySize?.max)} (α ${f(p.agencySize?.alpha)})`,
    `agent lines ${f(p.agentLines?.min)}–${f(p.agentLines?.max)}`,
    `rotation ${f(p.phoneRotationDays?.min)}–${f(p.phoneRotationDays?.max)} d`,
    `presents as self ${f(p.presentation?.self)}`,
    `templates ${f(p.templatesPerAgency?.min)}–${f(p.templatesPerAgency?.max)}, paraphrase ${f(p.paraphrase)}`,
    `campaigns ${f(p.campaignShare)}`,
    `contact share ${f(p.contactShare)}`,
    `common topic ${f(p.stories?.common_topic)}, self-flood ${f(p.stories?.self_flood)}`,
  ].join('; ')
}
