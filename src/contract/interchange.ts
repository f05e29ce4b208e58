// Interchange v1 (shared/spec/interchange.md) as zod schemas: the one definition that import,
// export, the API and the generated JSON Schema all use. Extra fields are allowed and kept.
import { z } from 'zod'
import { interchangeTime } from './time.js'
import {
  attachmentKinds,
  categories,
  channels,
  loanStatuses,
  partyRoles,
  risks,
  severities,
  watchlistKinds,
} from './vocabulary.js'

export {
  attachmentKinds,
  categories,
  channels,
  loanStatuses,
  partyRoles,
  risks,
  severities,
  watchlistKinds,
}
export { importKinds } from './vocabulary.js'

const shortText = (max: number) => z.string().max(max, { message: `longer than ${max} characters` })
const hex = (len?: number) =>
  z.string().regex(len ? new RegExp(`^[0-9a-fA-F]{${len}}$`) : /^[0-9a-fA-F]{8,128}$/, {
    message: len ? `expected ${len} hexadecimal digits` : 'expected hexadecimal digits',
  })

/** Complaint texts are long letters at most; 200k characters keeps a 5 MB paste out. */
export const MAX_TEXT_CHARS = 200_000

export const loanSchema = z.looseObject({
  status: z.enum(loanStatuses),
  overdue_days: z.number().int().nonnegative().optional(),
  outstanding: z.number().nonnegative().optional(),
})

export const customerSchema = z.looseObject({
  customer_id: shortText(128).min(1, { message: 'must not be empty' }),
  name: shortText(200).optional(),
  id_number: shortText(64).optional(),
  phone: shortText(64).optional(),
  phones_other: z.array(shortText(64)).max(50).optional(),
  address: shortText(1000).optional(),
  registered_at: interchangeTime.optional(),
  loan: loanSchema.optional(),
  voice_enrolled: z.boolean().optional(),
})

export const partySchema = z.looseObject({
  phone: shortText(64).optional(),
  name: shortText(200).optional(),
  role: z.enum(partyRoles).optional(),
  organization: shortText(300).optional(),
  relation_claimed: shortText(100).optional(),
  email: shortText(320).optional(),
  wechat: shortText(100).optional(),
})

export const attachmentSchema = z.looseObject({
  kind: z.enum(attachmentKinds),
  sha256: hex(64),
  filename: shortText(500).optional(),
  phash: hex().optional(),
  path: shortText(2000).optional(),
})

export const contactSchema = z.looseObject({
  contact_id: shortText(128).min(1, { message: 'must not be empty' }),
  channel: z.enum(channels),
  source: shortText(100).optional(),
  received_at: interchangeTime,
  customer_id: shortText(128).optional(),
  claimed: z
    .looseObject({
      name: shortText(200).optional(),
      id_number: shortText(64).optional(),
      phone: shortText(64).optional(),
    })
    .optional(),
  caller: partySchema.optional(),
  participants: z.array(partySchema).max(50).optional(),
  text: shortText(MAX_TEXT_CHARS).optional(),
  demands: z.array(shortText(200)).max(50).optional(),
  attachments: z.array(attachmentSchema).max(100).optional(),
  audio: z
    .looseObject({
      path: shortText(2000),
      sha256: hex(64).optional(),
      sample_rate: z.number().int().positive().optional(),
      channels: z.number().int().positive().optional(),
    })
    .optional(),
  network: z
    .looseObject({ ip: shortText(64).optional(), device_id: shortText(200).optional() })
    .optional(),
  regulator_ref: shortText(200).optional(),
})

export const watchlistEntrySchema = z.looseObject({
  kind: z.enum(watchlistKinds),
  value: shortText(2000).min(1, { message: 'must not be empty' }),
  label: shortText(500),
  source: shortText(200),
  added_at: interchangeTime,
  expires_at: interchangeTime.optional(),
})

export const evidenceRefSchema = z.object({
  kind: z.enum(['contact', 'customer', 'identifier', 'text', 'file', 'watchlist', 'gang', 'rule']),
  id: z.string(),
  note: z.string().optional(),
})

export const signalSchema = z.object({
  code: z.string(),
  weight: z.number(),
  explanation: z.object({ 'zh-CN': z.string(), en: z.string() }),
  evidence: z.array(evidenceRefSchema),
})

export const assessmentSchema = z.object({
  contact_id: z.string(),
  risk: z.enum(risks),
  severity: z.enum(severities).nullable(),
  categories: z.array(z.enum(categories)),
  signals: z.array(signalSchema),
  gang_id: z.string().nullable(),
  recommended_action: z.string(),
  rules_version: z.string(),
})

/** The simulator's label kinds: abnormal first, then the genuine kinds (hard negatives). */
export const labelKinds = [
  'agency',
  'promotion_abuse',
  'self_flood_excess',
  'genuine',
  'new_phone',
  'relative',
  'lawyer',
  'follow_up',
  'common_topic',
  'self_flood',
  'victim_report',
] as const

/** Ground truth written by the simulator and read by `grayline eval`. */
export const labelSchema = z.looseObject({
  contact_id: z.string(),
  abnormal: z.boolean(),
  category: z.enum(categories).nullable(),
  gang: z.string().nullable(),
  kind: z.string().optional(),
})

export type Customer = z.infer<typeof customerSchema>
export type Contact = z.infer<typeof contactSchema>
export type Party = z.infer<typeof partySchema>
export type Attachment = z.infer<typeof attachmentSchema>
export type WatchlistEntry = z.infer<typeof watchlistEntrySchema>
export type Assessment = z.infer<typeof assessmentSchema>
export type Signal = z.infer<typeof signalSchema>
export type EvidenceRef = z.infer<typeof evidenceRefSchema>
export type Label = z.infer<typeof labelSchema>
export type Channel = (typeof channels)[number]
export type Category = (typeof categories)[number]
export type Risk = (typeof risks)[number]
export type Severity = (typeof severities)[number]
export type PartyRole = (typeof partyRoles)[number]
