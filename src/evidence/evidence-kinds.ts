// The kinds of evidence the team collects. Dependency-free: the console imports them as they are.
export const evidenceKinds = [
  'recording',
  'screenshot',
  'document',
  'chat_export',
  'other',
] as const
export type EvidenceKind = (typeof evidenceKinds)[number]
