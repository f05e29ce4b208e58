// Roles and what each may do: the table in docs/api.md, in one place the API and console read.
export const roles = ['agent', 'handler', 'investigator', 'admin', 'auditor'] as const
export type Role = (typeof roles)[number]

export const permissions = [
  'screen',
  'contacts:read',
  'contacts:review',
  'pii:unmask',
  'import',
  'watchlist:read',
  'watchlist:write',
  'rules:read',
  'stats:read',
  'users:manage',
  'tokens:manage',
  'audit:read',
  'cases:read',
  'cases:write',
  'evidence:export',
  'operations:read',
  'gangs:read',
  'calls:run',
  'verification:work',
  'representatives:review',
  'scripts:manage',
  'voice:read',
  'voice:play',
  'voice:manage',
] as const
export type Permission = (typeof permissions)[number]

const everyone: readonly Role[] = roles
const frontLine: readonly Role[] = ['agent', 'handler', 'investigator', 'admin']
const caseWorkers: readonly Role[] = ['handler', 'investigator', 'admin']

// The auditor reads (masked) but never screens nor changes anything; only the admin manages
// accounts, and only the admin and the auditor read the audit log.
const grantedTo: Record<Permission, readonly Role[]> = {
  screen: frontLine,
  'contacts:read': everyone,
  'contacts:review': caseWorkers,
  'pii:unmask': caseWorkers,
  import: caseWorkers,
  'watchlist:read': everyone,
  'watchlist:write': caseWorkers,
  'rules:read': everyone,
  'stats:read': everyone,
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['admin', 'auditor'],
  // Cases carry personal data: agents stay out; the auditor reads them masked and checks custody.
  'cases:read': ['handler', 'investigator', 'admin', 'auditor'],
  'cases:write': caseWorkers,
  // Dossiers hold agency numbers in full and the evidence itself: the investigation team only.
  'evidence:export': ['investigator', 'admin'],
  'operations:read': ['investigator', 'admin', 'auditor'],
  // Gangs join many customers' data: the investigation team, and the auditor masked.
  'gangs:read': ['investigator', 'admin', 'auditor'],
  // Agents run the scripts and make the call-backs; material reviews are for case workers.
  'calls:run': frontLine,
  'verification:work': frontLine,
  'representatives:review': caseWorkers,
  'scripts:manage': ['admin'],
  // Voiceprints are biometric data: matches for case workers and the auditor; listening to a
  // recording's segments for the investigation team; the agent voice library for the admin.
  'voice:read': ['handler', 'investigator', 'admin', 'auditor'],
  'voice:play': ['investigator', 'admin'],
  'voice:manage': ['admin'],
}

const byRole = new Map<Role, ReadonlySet<Permission>>(
  roles.map((role) => [role, new Set(permissions.filter((p) => grantedTo[p].includes(role)))]),
)

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (roles as readonly string[]).includes(x)
}

export function can(role: Role, permission: Permission): boolean {
  return byRole.get(role)?.has(permission) ?? false
}

/** The role's permissions in the order of the table. */
export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((p) => can(role, p))
}

export const roleLabels: Record<Role, { 'zh-CN': string; en: string }> = {
  agent: { 'zh-CN': '坐席', en: 'Agent' },
  handler: { 'zh-CN': '投诉处理', en: 'Complaint handler' },
  investigator: { 'zh-CN': '反催收专项组', en: 'Investigator' },
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
  auditor: { 'zh-CN': '合规审计', en: 'Compliance auditor' },
}
