// The console's pages, each with the permission that opens it: the menu shows only these, and the
// router refuses the rest with a "no permission" page.
import type { Permission } from './api/types'
import type { MessageKey } from './i18n/i18n'

export type NavItem = { path: string; label: MessageKey; permission: Permission }

export const mainNav: NavItem[] = [
  { path: '/screen', label: 'nav.screen', permission: 'screen' },
  { path: '/workbench', label: 'nav.workbench', permission: 'contacts:read' },
  { path: '/verification', label: 'nav.verification', permission: 'verification:work' },
  { path: '/cases', label: 'nav.cases', permission: 'cases:read' },
  { path: '/victim-reports', label: 'nav.victimReports', permission: 'cases:read' },
  { path: '/gangs', label: 'nav.gangs', permission: 'gangs:read' },
  { path: '/dashboard', label: 'nav.dashboard', permission: 'stats:read' },
  { path: '/operations', label: 'nav.operations', permission: 'operations:read' },
]

export const adminNav: NavItem[] = [
  { path: '/admin/users', label: 'nav.users', permission: 'users:manage' },
  { path: '/admin/tokens', label: 'nav.tokens', permission: 'tokens:manage' },
  { path: '/admin/watchlist', label: 'nav.watchlist', permission: 'watchlist:read' },
  { path: '/admin/rules', label: 'nav.rules', permission: 'rules:read' },
  { path: '/admin/audit', label: 'nav.audit', permission: 'audit:read' },
  { path: '/admin/import', label: 'nav.import', permission: 'import' },
  { path: '/admin/voice-agents', label: 'nav.voiceAgents', permission: 'voice:manage' },
  { path: '/admin/scripts', label: 'nav.callScripts', permission: 'rules:read' },
  { path: '/admin/representatives', label: 'nav.representatives', permission: 'contacts:read' },
  { path: '/admin/script-analytics', label: 'nav.scriptAnalytics', permission: 'stats:read' },
]
