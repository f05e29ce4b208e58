// Confirming and withdrawing indicators from the console or API: the case worker names the agency's
// identifier (a raw value or a ref from a contact), the standard of proof and the distribution;
// the next sharing round publishes it. A borrower's identifier or an allowlisted number is refused.
import { z } from 'zod'
import { splitIdentifierKey } from '../../links/identifier.js'
import { confirmationSchema, confirmIndicator } from '../../sharing/confirmation.service.js'
import { IndicatorValueError } from '../../sharing/indicator-value.js'
import type { StixValidator } from '../../sharing/stix/stix-validator.js'
import { withdrawConfirmation } from '../../sharing/withdrawal.service.js'
import type { AuditLog } from '../../audit/index.js'
import type { Context } from '../../context.js'
import type { Api } from '../deps.js'
import type { IdentifierRefs } from '../identifier-ref.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'

const newConfirmation = confirmationSchema
  .omit({ confirmed_by: true, value: true })
  .extend({ value: z.string().min(1).max(500).optional(), ref: z.string().max(2000).optional() })
  .refine((b) => b.value !== undefined || b.ref !== undefined, {
    message: 'give value or ref',
    path: ['value'],
  })
const withdrawBody = z.object({ reason: z.string().trim().min(1).max(2000) })

export type SharingRouteDeps = {
  ctx: Context
  audit: AuditLog
  refs: IdentifierRefs
  validator: StixValidator
}

export function sharingRoutes(app: Api, d: SharingRouteDeps): void {
  app.post(
    '/api/sharing/confirmations',
    {
      schema: {
        body: newConfirmation,
        tags: ['sharing'],
        response: { 201: z.object({ confirmation_id: z.string() }) },
      },
      preHandler: requirePermission('cases:write'),
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const { ref, ...b } = request.body
      const value = ref === undefined ? b.value! : valueOfRef(d.refs, ref)
      try {
        const r = await confirmIndicator(d.ctx, d.audit, { ...b, value, confirmed_by: p.name })
        return reply.code(201).send({ confirmation_id: r.confirmationId })
      } catch (e) {
        if (e instanceof IndicatorValueError)
          throw new HttpProblem('validation', e.message, {
            errors: [{ field: 'value', message: e.message }],
          })
        throw e
      }
    },
  )

  app.post(
    '/api/sharing/confirmations/:id/withdraw',
    {
      schema: {
        params: z.object({ id: z.string().max(100) }),
        body: withdrawBody,
        tags: ['sharing'],
        response: { 200: z.object({ revoked: z.number() }) },
      },
      preHandler: requirePermission('cases:write'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      return withdrawConfirmation(d, request.params.id, p.name, request.body.reason)
    },
  )
}

function valueOfRef(refs: IdentifierRefs, ref: string): string {
  const identifier = refs.resolve(ref)
  if (!identifier)
    throw new HttpProblem('validation', 'ref: not a reference this installation made', {
      errors: [{ field: 'ref', message: 'unknown reference' }],
    })
  return splitIdentifierKey(identifier).value
}
