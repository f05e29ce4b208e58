// Every knob of a simulated population. Shares are of customers unless they say otherwise;
// weights need not sum to one. `profiles` holds named variants for testing detectors on
// populations built differently.
import type { IntRange } from './random.js'

export const genuineStories = [
  'ordinary',
  'follow_up',
  'new_phone',
  'relative',
  'lawyer',
  'common_topic',
  'self_flood',
] as const
export type GenuineStory = (typeof genuineStories)[number]

export const genuineChannels = [
  'call',
  'app_feedback',
  'online_ticket',
  'regulator',
  'letter',
  'email',
  'social',
] as const
export type GenuineChannel = (typeof genuineChannels)[number]

export type AgencyKind = 'firm' | 'studio' | 'alliance'
export type Presentation = 'self' | 'agent' | 'friend' | 'relative' | 'lawyer'

export type PopulationProfile = {
  name: string
  /** Share of customers with a genuine reason to contact the lender in the period. */
  contactShare: number
  stories: Record<GenuineStory, number>
  /** Mean number of further, unrelated ordinary contacts per genuine complainant. */
  extraContactMean: number
  genuineChannels: Record<GenuineChannel, number>
  /** Genuine complaints that ask for 协商还款 / 减免 / 延期 in the consumer's own words. */
  hardshipShare: number
  /** Genuine complainants who paste a complaint template found on the internet. */
  diyTemplateShare: number
  selfFloodRepeats: IntRange
  lawyerClients: IntRange
  /** Genuine online contacts that come through a shared household / public Wi-Fi / CGNAT IP. */
  sharedIpShare: number
  /** Genuine customers who share a phone or tablet with another customer of their household. */
  sharedDeviceShare: number
  /** System incidents (double debits, login outages) that start waves of similar complaints. */
  incidents: number

  /** Share of customers signed up by a proxy-complaint agency. */
  agencyClientShare: number
  agencySize: { min: number; max: number; alpha: number }
  agencyKinds: Record<AgencyKind, number>
  /** Phone lines an agency runs at once (plus one per 30 clients). */
  agentLines: IntRange
  /** Days a line keeps one number before the agency replaces it. */
  phoneRotationDays: IntRange
  contactsPerClient: IntRange
  /** How an agency caller presents: as the customer, or as agent / friend / relative / lawyer. */
  presentation: Record<Presentation, number>
  /** Posing as the customer with a slightly wrong name (homophone, surname only). */
  nameVariantShare: number
  templatesPerAgency: IntRange
  /** 0..1: how hard agencies paraphrase their templates between uses. */
  paraphrase: number
  /** Agency written contacts that carry the agency's power-of-attorney form. */
  poaShare: number
  /** Of those, the byte-identical file (else filled in / re-scanned: near-identical image). */
  poaIdenticalShare: number
  /** Clients given a forged hardship certificate (medical, unemployment, poverty). */
  fakeCertificateShare: number
  /** Reused certificates that were re-saved (new sha256, close phash). */
  certificateResaveShare: number
  threeWayShare: number
  /** Clients pushed through several channels (call, ticket, 12378, heimao) within days. */
  multiChannelShare: number
  /** Clients handled only by post: no phone anywhere. */
  letterOnlyShare: number
  /** Clients whose "new phone" is a SIM the agency holds for them. */
  custodySimShare: number
  /** Agency online contacts sent from office IPs / staff devices (else mobile networks). */
  officeNetworkShare: number
  /** Declared representatives who name their organisation. */
  orgMentionShare: number
  wechatShare: number
  emailShare: number
  /** Clients who later report the agency as having defrauded them. */
  victimShare: number
  /** Clients who complained themselves before signing up with the agency. */
  priorOwnComplaintShare: number
  /** Agency contacts placed on the agency's batch days. */
  campaignShare: number

  /** Share of customers who are accounts of a promotion-abuse ring. */
  ringAccountShare: number
  ringSize: IntRange
  ringDevices: IntRange
  ringIps: IntRange

  /** Agencies already known (some of their indicators) before the period. */
  watchlistAgencyShare: number
}

export const defaultProfile: PopulationProfile = {
  name: 'default',
  contactShare: 0.05,
  stories: {
    ordinary: 0.56,
    follow_up: 0.14,
    new_phone: 0.06,
    relative: 0.05,
    lawyer: 0.008,
    common_topic: 0.16,
    self_flood: 0.012,
  },
  extraContactMean: 0.15,
  genuineChannels: {
    call: 0.44,
    app_feedback: 0.22,
    online_ticket: 0.12,
    regulator: 0.1,
    letter: 0.015,
    email: 0.035,
    social: 0.07,
  },
  hardshipShare: 0.18,
  diyTemplateShare: 0.01,
  selfFloodRepeats: { min: 4, max: 11 },
  lawyerClients: { min: 1, max: 2 },
  sharedIpShare: 0.04,
  sharedDeviceShare: 0.01,
  incidents: 4,

  agencyClientShare: 0.0055,
  agencySize: { min: 2, max: 400, alpha: 1.15 },
  agencyKinds: { firm: 0.5, studio: 0.3, alliance: 0.2 },
  agentLines: { min: 1, max: 3 },
  phoneRotationDays: { min: 20, max: 90 },
  contactsPerClient: { min: 1, max: 5 },
  presentation: { self: 0.4, agent: 0.25, friend: 0.1, relative: 0.15, lawyer: 0.1 },
  nameVariantShare: 0.12,
  templatesPerAgency: { min: 2, max: 5 },
  paraphrase: 0.15,
  poaShare: 0.6,
  poaIdenticalShare: 0.5,
  fakeCertificateShare: 0.25,
  certificateResaveShare: 0.4,
  threeWayShare: 0.1,
  multiChannelShare: 0.3,
  letterOnlyShare: 0.04,
  custodySimShare: 0.05,
  officeNetworkShare: 0.7,
  orgMentionShare: 0.5,
  wechatShare: 0.3,
  emailShare: 0.15,
  victimShare: 0.06,
  priorOwnComplaintShare: 0.15,
  campaignShare: 0.5,

  ringAccountShare: 0.0015,
  ringSize: { min: 8, max: 60 },
  ringDevices: { min: 2, max: 6 },
  ringIps: { min: 1, max: 3 },

  watchlistAgencyShare: 0.2,
}
