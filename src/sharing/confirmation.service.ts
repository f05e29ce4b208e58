// Confirming an indicator is what makes it shareable: a recorded standard of proof and who
// confirmed it. Only the agency's side qualifies — an identifier on file for any customer (a
// registered or other phone, an ID number) is refused, and so is anything on the allowlist.
// The cases module calls confirmIndicator when a case establishes the facts.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import { SharingAllowlist } from './allowlist.js'
import { distributionSchema } from './distribution.js'
import type { IndicatorKind } from './indicator-value.js'
import { canonicalIndicator, indicatorKinds, looseIdentifier } from './indicator-value.js'
import { tlpLevels } from './stix/tlp.js'

export const standardsOfProof = ['investigation', 'case', 'police_filed', 'court'] as const

export const confirmationSchema = z.object({
  kind: z.enum(indicatorKinds),
  value: z.string().min(1).max(500),
  standard_of_proof: z.enum(standardsOfProof),
  confirmed_by: z.string().min(1).max(200),
  case_ref: z.string().max(200).optional(),
  distribution: distributionSchema,
  tlp: z.enum(tlpLevels).default('amber'),
  valid_until: z.iso.datetime({ offset: true }),
  note: z.string().max(2000).optional(),
})
export type ConfirmationInput = z.input<typeof confirmationSchema>

export class IndicatorRefusedError extends Error {
  readonly code = 'validation'
  readonly field = 'value'
  constructor(
    readonly kind: IndicatorKind,
    readonly reason: 'customer_identifier' | 'allowlisted',
    detail: string,
  ) {
    super(detail)
  }
}

export async function confirmIndicator(
  ctx: Context,
  audit: AuditLog,
  input: ConfirmationInput,
): Promise<{ confirmationId: string }> {
  const c = confirmationSchema.parse(input)
  // The allowlist first: hotlines such as 95588 are not valid phones, yet must say why they are refused.
  const allowed = (await loadAllowlist(ctx)).check(looseIdentifier(c.kind, c.value) ?? '')
  if (allowed.allowlisted)
    throw new IndicatorRefusedError(c.kind, 'allowlisted', `on the allowlist: ${allowed.reason}`)
  const v = canonicalIndicator(c.kind, c.value)
  await refuseCustomerIdentifier(ctx, v.identifier, c.kind)
  const confirmationId = randomUUID()
  await ctx.db
    .insertInto('indicator_confirmations')
    .values({
      confirmation_id: confirmationId,
      kind: c.kind,
      identifier: v.identifier,
      standard_of_proof: c.standard_of_proof,
      confirmed_by: c.confirmed_by,
      confirmed_at: ctx.clock.now().toISOString(),
      case_ref: c.case_ref ?? null,
      distribution: c.distribution.scope,
      sharing_group: c.distribution.scope === 'group' ? c.distribution.group : null,
      tlp: c.tlp,
      valid_until: new Date(c.valid_until).toISOString(),
      note: c.note ?? null,
      withdrawn_at: null,
    })
    .execute()
  audit.record({
    actor: c.confirmed_by,
    action: 'sharing.confirm',
    target_kind: 'indicator_confirmation',
    target_id: confirmationId,
    detail: { kind: c.kind, standard_of_proof: c.standard_of_proof, scope: c.distribution.scope },
  })
  return { confirmationId }
}

/** A borrower's identifiers are never shared, whatever the case says. */
async function refuseCustomerIdentifier(ctx: Context, identifier: string, kind: IndicatorKind) {
  const onFile = await ctx.db
    .selectFrom('customer_identifiers')
    .select('role')
    .where('identifier', '=', identifier)
    .executeTakeFirst()
  if (onFile)
    throw new IndicatorRefusedError(
      kind,
      'customer_identifier',
      `on file for a customer (${onFile.role}): a borrower's identifier is never shared`,
    )
}

export async function loadAllowlist(ctx: Context): Promise<SharingAllowlist> {
  const rows = await ctx.db
    .selectFrom('sharing_allowlist')
    .select(['identifier', 'reason'])
    .execute()
  return new SharingAllowlist(new Map(rows.map((r) => [r.identifier, r.reason])))
}
