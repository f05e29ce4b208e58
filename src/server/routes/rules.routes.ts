// The rule set in force and the versions that assessed the stored contacts: rules are files in the
// repo (or a path), so "versions" are what the store shows was used, and when.
import { relative } from 'node:path'
import { signalModules } from '../../detect/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { requirePermission } from '../principal.js'

export function ruleRoutes(app: Api, deps: ServerDeps): void {
  app.get(
    '/api/rules',
    { schema: { tags: ['rules'] }, preHandler: requirePermission('rules:read') },
    async () => {
      const rules = deps.live.rules
      const versions = await deps.ctx.db
        .selectFrom('assessments')
        .select('rules_version')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('contacts_assessed'),
          eb.fn.max('assessed_at').as('last_assessed_at'),
          eb.fn.min('assessed_at').as('first_assessed_at'),
        ])
        .groupBy('rules_version')
        .orderBy('rules_version', 'desc')
        .execute()
      const describes = new Map(signalModules.map((m) => [m.code, m.describes]))
      return {
        current: {
          version: rules.version,
          description: rules.description ?? null,
          path: relative(process.cwd(), deps.config.rulesPath) || deps.config.rulesPath,
          risk: rules.risk,
          settings: rules.settings,
          signals: Object.entries(rules.signals).map(([code, s]) => ({
            code,
            ...s,
            describes: describes.get(code) ?? null,
          })),
          groups: rules.groups,
          flag_requires: rules.flag_requires,
          categories: rules.categories,
          severity_level1: rules.severity_level1,
          actions: rules.actions,
        },
        versions: versions.map((v) => ({
          version: v.rules_version,
          contacts_assessed: Number(v.contacts_assessed),
          first_assessed_at: v.first_assessed_at,
          last_assessed_at: v.last_assessed_at,
        })),
      }
    },
  )
}
