// The gang API's words, shared with the console: no imports, so the console's build can include it.

/** The agency-side identifier kinds the gang graph draws edges through. */
export const edgeKinds = [
  'phone',
  'wechat',
  'email',
  'organization',
  'device',
  'ip',
  'sha256',
  'text_template',
] as const
export type EdgeKind = (typeof edgeKinds)[number]

export const gangSorts = ['size', 'severity', 'growth', 'recent'] as const
export type GangSort = (typeof gangSorts)[number]
