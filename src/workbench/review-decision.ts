// What a reviewer decides about a flagged contact. Dependency-free: the console imports it as it is.
export const reviewDecisions = [
  'confirmed_agency',
  'genuine',
  'needs_verification',
  'dismissed',
] as const
export type ReviewDecision = (typeof reviewDecisions)[number]
