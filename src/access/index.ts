// Who may use Grayline and what each role may do: accounts, sessions, API tokens, permissions.
export { AccessError } from './access-error.js'
export type { AccessErrorCode } from './access-error.js'
export {
  API_TOKEN_PREFIX,
  createApiToken,
  listApiTokens,
  resolveApiToken,
  revokeApiToken,
} from './api-tokens.js'
export type { ApiToken, NewApiToken } from './api-tokens.js'
export { CredentialCache } from './credential-cache.js'
export type {
  CachedCredential,
  CredentialCacheOptions,
  CredentialInvalidation,
} from './credential-cache.js'
export {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from './passwords.js'
export { can, isRole, permissions, permissionsOf, roleLabels, roles } from './roles.js'
export type { Permission, Role } from './roles.js'
export {
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  createSession,
  resolveSession,
  revokeSession,
  revokeUserSessions,
} from './sessions.js'
export type { ResolvedSession, SessionOptions } from './sessions.js'
export {
  DEMO_PASSWORD,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  authenticate,
  createDemoUsers,
  createUser,
  ensureFirstAdmin,
  getUser,
  listUsers,
  normalizeUsername,
  updateUser,
} from './users.service.js'
export type { AuthResult, NewUser, User, UserPatch } from './users.service.js'
