// The append-only audit log: every read of personal data and every change, for the auditors.
export { auditOutcomes, guardDetail } from './audit-event.js'
export type { AuditEvent, AuditOutcome, AuditRow } from './audit-event.js'
export { AuditLog } from './audit-log.js'
export type { AuditLogOptions } from './audit-log.js'
export {
  AuditQueryError,
  DEFAULT_AUDIT_LIMIT,
  MAX_AUDIT_LIMIT,
  searchAudit,
} from './audit-search.js'
export type { AuditPage, AuditQuery } from './audit-search.js'
