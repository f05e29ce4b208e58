// The HTTP server: the JSON API under /api (zod-validated, RFC 9457 errors, OpenAPI at /api/docs)
// and the console's static files, on one Fastify instance.
import { dirname, join } from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyMultipart from '@fastify/multipart'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { CredentialCache } from '../access/index.js'
import { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import { evidenceStoreFromEnv } from '../evidence/index.js'
import { loadCallScripts, ScriptLibrary } from '../response/index.js'
import { consoleBuilt, consoleFallback, serveConsole } from './console-static.js'
import type { ServerConfig, ServerDeps } from './deps.js'
import { IdentifierRefs } from './identifier-ref.js'
import type { LiveDetector } from './live-detector.js'
import { Presenter } from './present.js'
import { responseServices } from './response-services.js'
import { installPrincipal } from './principal.js'
import { installProblemHandlers } from './problem.js'
import { StoredRisks } from './stored-risks.js'
import type { SharingOptions } from './sharing-setup.js'
import { registerSharing } from './sharing-setup.js'
import { adminRoutes } from './routes/admin.routes.js'
import { auditRoutes } from './routes/audit.routes.js'
import { caseRoutes } from './routes/cases.routes.js'
import { dossierRoutes } from './routes/dossier.routes.js'
import { operationsReportRoutes } from './routes/operations-report.routes.js'
import { evidenceRoutes } from './routes/evidence.routes.js'
import { gangRoutes } from './routes/gangs.routes.js'
import { recomputeGangsOnImport } from './gang-recompute.js'
import { victimReportRoutes } from './routes/victim-reports.routes.js'
import { callRoutes } from './routes/calls.routes.js'
import { authRoutes } from './routes/auth.routes.js'
import { contactRoutes } from './routes/contacts.routes.js'
import { importRoutes } from './routes/imports.routes.js'
import { representativeRoutes } from './routes/representatives.routes.js'
import { ruleRoutes } from './routes/rules.routes.js'
import { screenRoutes } from './routes/screen.routes.js'
import { statsRoutes } from './routes/stats.routes.js'
import { verificationRoutes } from './routes/verification.routes.js'
import { watchlistRoutes } from './routes/watchlist.routes.js'
import { voiceRoutes } from './routes/voice.routes.js'
import { voiceServices } from './voice-services.js'

export type AppOptions = {
  ctx: Context
  live: LiveDetector
  secret: Buffer
  config: ServerConfig
  /** dist/console; the API alone when it is not built. */
  consoleDir?: string
  logger?: boolean
  /** Consortium mode and TAXII; from the environment when not given. */
  sharing?: SharingOptions
}

export type App = { app: FastifyInstance; deps: ServerDeps; close(): Promise<void> }

export async function buildApp(o: AppOptions): Promise<App> {
  const app = Fastify({
    logger: o.logger
      ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.GRAYLINE_TRUST_PROXY === '1',
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const withConsole = consoleBuilt(o.consoleDir)
  installProblemHandlers(app, withConsole ? consoleFallback : undefined, (line) =>
    o.ctx.log.warn(line),
  )

  const refs = new IdentifierRefs(o.secret)
  const deps: ServerDeps = {
    ctx: o.ctx,
    live: o.live,
    audit: new AuditLog(o.ctx),
    refs,
    present: new Presenter(refs),
    scripts: await ScriptLibrary.open(o.ctx, loadCallScripts(process.env.GRAYLINE_SCRIPTS)),
    credentials: new CredentialCache(),
    risks: await StoredRisks.load(o.ctx),
    config: o.config,
  }

  await app.register(fastifyCookie)
  await app.register(fastifyMultipart, { limits: { fileSize: o.config.maxUploadBytes, files: 1 } })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Grayline API',
        version: '1',
        description:
          'Screening, the complaint workbench, watchlists, rules, dashboards and the audit log. Errors are RFC 9457 problem+json; personal data is masked in every response.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'grayline_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  installPrincipal(app, o.ctx, deps.credentials)

  authRoutes(app, deps)
  screenRoutes(app, deps)
  contactRoutes(app, deps)
  importRoutes(app, deps)
  watchlistRoutes(app, deps)
  ruleRoutes(app, deps)
  statsRoutes(app, deps)
  adminRoutes(app, deps)
  auditRoutes(app, deps)
  // Evidence files live beside the uploads (the data directory) unless S3 is configured.
  const evidence = evidenceStoreFromEnv(process.env, dirname(o.config.uploadDir))
  caseRoutes(app, deps)
  evidenceRoutes(app, deps, evidence)
  dossierRoutes(app, deps, evidence)
  operationsReportRoutes(app, deps)
  victimReportRoutes(app, deps)
  gangRoutes(app, deps)
  recomputeGangsOnImport(o.ctx, o.live)
  registerSharing(app, deps, o.secret, o.sharing)
  const response = responseServices(o.ctx, o.live, deps.scripts, o.config.uploadDir)
  callRoutes(app, deps, response)
  verificationRoutes(app, deps, response)
  representativeRoutes(app, deps, response)
  const voice = voiceServices(o.ctx, deps.audit, dirname(o.config.uploadDir))
  voiceRoutes(app, deps, voice)
  app.get('/api/health', { schema: { hide: true } }, () => ({ ok: true }))

  if (withConsole) await serveConsole(app, o.consoleDir as string)
  await app.ready()
  return {
    app,
    deps,
    close: async () => {
      await app.close()
      await response.close()
      await voice.close()
      await deps.audit.close()
      deps.risks?.close()
    },
  }
}

export const DEFAULT_CONSOLE_DIR = join(process.cwd(), 'dist', 'console')
