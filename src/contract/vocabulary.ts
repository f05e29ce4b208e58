// The interchange's closed vocabularies (channels, roles, kinds, categories, risk levels), free of
// any dependency so that the console bundles them as they are instead of keeping its own copy.
export const loanStatuses = ['current', 'overdue', 'settled', 'written_off'] as const
export const channels = [
  'call',
  'app_feedback',
  'online_ticket',
  'regulator',
  'letter',
  'email',
  'social',
  'victim_report',
] as const
export const partyRoles = ['self', 'relative', 'lawyer', 'agent', 'friend', 'unknown'] as const
export const attachmentKinds = [
  'poa',
  'id_copy',
  'medical',
  'unemployment',
  'lawyer_letter',
  'screenshot',
  'other',
] as const
export const watchlistKinds = [
  'phone',
  'id_number',
  'organization',
  'email',
  'wechat',
  'text_template',
  'voiceprint',
  'device_id',
  'ip',
] as const
export const categories = [
  'proxy_in_consumer_name',
  'accompanying_agent',
  'orchestrated_repeat_complaints',
  'false_evidence_and_refusal',
  'complaint_order_violation',
  'anti_collection_alliance',
  'promotion_abuse',
  'malicious_complaint',
] as const
export const risks = ['none', 'low', 'medium', 'high'] as const
export const severities = ['level1', 'level2'] as const
/**
 * The interchange's record files, as `grayline import` and POST /api/imports/:kind name them (the
 * intake's recordKindNames is the same list, beside the code that reads each kind).
 */
export const importKinds = ['customers', 'contacts', 'watchlist'] as const
