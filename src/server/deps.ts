// What every route module is handed: the services it may call. Built once in app.ts.
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { CredentialCache } from '../access/index.js'
import type { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import type { ScriptLibrary } from '../response/index.js'
import type { IdentifierRefs } from './identifier-ref.js'
import type { LiveDetector } from './live-detector.js'
import type { Presenter } from './present.js'
import type { StoredRisks } from './stored-risks.js'

export type ServerConfig = {
  /** Secure cookies unless explicitly turned off for plain-HTTP testing. */
  secureCookies: boolean
  /** Where uploads are written while they are imported (and their reject reports kept). */
  uploadDir: string
  maxUploadBytes: number
  rulesPath: string
}

export type ServerDeps = {
  ctx: Context
  live: LiveDetector
  audit: AuditLog
  refs: IdentifierRefs
  present: Presenter
  scripts: ScriptLibrary
  credentials: CredentialCache
  /** Contacts' stored risks in memory (SQLite only). */
  risks: StoredRisks | null
  config: ServerConfig
}

export type Api = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>
