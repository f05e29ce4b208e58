// Representatives and their materials: registered from a contact or by hand, materials added,
// checked against the standard for their kind, reviewed with a reason. Every change keeps its history.
import { randomUUID } from 'node:crypto'
import type { Context } from '../context.js'
import { phoneIdentifier } from '../links/identifier.js'
import { ResponseError } from '../response/response-error.js'
import { storedContact } from '../response/stored-contact.js'
import type { ContactAttachment, SubmittedMaterial } from './material-check.js'
import { checkMaterials } from './material-check.js'
import type { MaterialStandards } from './material-standards.js'
import type {
  Representative,
  RepresentativeKind,
  RepresentativeStatus,
  RepresentativeView,
} from './representative.js'
import { effectiveStatus } from './representative.js'

export type NewRepresentative = {
  customer_id: string
  contact_id?: string
  kind: RepresentativeKind
  name: string
  phone?: string
  organization?: string
  authorised_until?: string
  materials?: (SubmittedMaterial & { filename?: string })[]
}

export async function registerRepresentative(
  ctx: Context,
  input: NewRepresentative,
  actor: string,
): Promise<string> {
  const customer = await ctx.db
    .selectFrom('customers')
    .select('customer_id')
    .where('customer_id', '=', input.customer_id)
    .executeTakeFirst()
  if (!customer)
    throw new ResponseError('not_found', `no customer ${input.customer_id}`, 'customer_id')
  if (input.contact_id) await storedContact(ctx, input.contact_id)
  const now = ctx.clock.now().toISOString()
  const id = `rep_${randomUUID()}`
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('representatives')
      .values({
        representative_id: id,
        customer_id: input.customer_id,
        contact_id: input.contact_id ?? null,
        kind: input.kind,
        name: input.name,
        phone_identifier: input.phone ? (phoneIdentifier(input.phone)?.identifier ?? null) : null,
        organization: input.organization ?? null,
        status: 'pending',
        status_reason: null,
        reviewed_by: null,
        reviewed_at: null,
        authorised_until: input.authorised_until ?? null,
        created_by: actor,
        created_at: now,
        updated_at: now,
      })
      .execute()
    for (const m of input.materials ?? []) await insertMaterial(tx, id, m, actor, now)
  })
  return id
}

async function insertMaterial(
  db: Context['db'],
  id: string,
  m: SubmittedMaterial & { filename?: string },
  actor: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('representative_materials')
    .values({
      representative_id: id,
      item: m.item,
      sha256: m.sha256.toLowerCase(),
      filename: m.filename ?? null,
      source_contact_id: null,
      added_by: actor,
      added_at: now,
    })
    .onConflict((oc) => oc.columns(['representative_id', 'item', 'sha256']).doNothing())
    .execute()
}

export async function addMaterials(
  ctx: Context,
  id: string,
  materials: (SubmittedMaterial & { filename?: string })[],
  actor: string,
): Promise<void> {
  await loadRepresentative(ctx, id)
  const now = ctx.clock.now().toISOString()
  for (const m of materials) await insertMaterial(ctx.db, id, m, actor, now)
  await ctx.db
    .updateTable('representatives')
    .set({ updated_at: now })
    .where('representative_id', '=', id)
    .execute()
}

export async function reviewRepresentative(
  ctx: Context,
  standards: MaterialStandards,
  id: string,
  input: { status: Exclude<RepresentativeStatus, 'pending'>; reason: string },
  actor: string,
): Promise<RepresentativeView> {
  const view = await representativeView(ctx, standards, id)
  if (input.status === 'verified' && !view.check.complete) {
    const open = view.check.items
      .filter((i) => i.status !== 'present')
      .map((i) => `${i.item} (${i.status})`)
    throw new ResponseError('validation', `cannot verify: ${open.join(', ')}`, 'status')
  }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('representatives')
      .set({
        status: input.status,
        status_reason: input.reason,
        reviewed_by: actor,
        reviewed_at: now,
        updated_at: now,
      })
      .where('representative_id', '=', id)
      .execute()
    await tx
      .insertInto('representative_reviews')
      .values({
        review_id: randomUUID(),
        representative_id: id,
        status: input.status,
        reason: input.reason,
        reviewed_by: actor,
        reviewed_at: now,
      })
      .execute()
  })
  return representativeView(ctx, standards, id)
}

async function loadRepresentative(ctx: Context, id: string): Promise<Representative> {
  const r = await ctx.db
    .selectFrom('representatives')
    .selectAll()
    .where('representative_id', '=', id)
    .executeTakeFirst()
  if (!r) throw new ResponseError('not_found', `no representative ${id}`)
  return r as Representative
}

export async function representativeView(
  ctx: Context,
  standards: MaterialStandards,
  id: string,
): Promise<RepresentativeView> {
  const rep = await loadRepresentative(ctx, id)
  const materials = await ctx.db
    .selectFrom('representative_materials')
    .select(['item', 'sha256', 'filename', 'added_by', 'added_at'])
    .where('representative_id', '=', id)
    .orderBy('added_at')
    .execute()
  const attachments: ContactAttachment[] = rep.contact_id
    ? ((await storedContact(ctx, rep.contact_id)).attachments ?? []).map((a) => ({
        kind: a.kind,
        sha256: a.sha256,
      }))
    : []
  const files = [
    ...materials.map((m) => m.sha256),
    ...attachments.map((a) => a.sha256.toLowerCase()),
  ]
  const reused = await filesUsedForOthers(ctx, rep.customer_id, files)
  const reviews = await ctx.db
    .selectFrom('representative_reviews')
    .select(['status', 'reason', 'reviewed_by', 'reviewed_at'])
    .where('representative_id', '=', id)
    .orderBy('reviewed_at', 'desc')
    .execute()
  return {
    ...rep,
    status: effectiveStatus(rep, ctx.clock.now()),
    materials,
    check: checkMaterials(standards, rep.kind, materials, attachments, reused),
    reviews,
  }
}

/** Files of this set that contacts or representatives of other customers submitted too. */
async function filesUsedForOthers(
  ctx: Context,
  customerId: string,
  files: string[],
): Promise<Set<string>> {
  if (!files.length) return new Set()
  const viaContacts = await ctx.db
    .selectFrom('contact_identifiers')
    .select('identifier')
    .where(
      'identifier',
      'in',
      files.map((f) => `sha256:${f}`),
    )
    .where('customer_id', '!=', customerId)
    .execute()
  const viaReps = await ctx.db
    .selectFrom('representative_materials as m')
    .innerJoin('representatives as r', 'r.representative_id', 'm.representative_id')
    .select('m.sha256')
    .where('m.sha256', 'in', files)
    .where('r.customer_id', '!=', customerId)
    .execute()
  return new Set([
    ...viaContacts.map((r) => r.identifier.slice(7)),
    ...viaReps.map((r) => r.sha256),
  ])
}

export async function listRepresentatives(
  ctx: Context,
  f: { status?: RepresentativeStatus; customer_id?: string; limit: number },
): Promise<Representative[]> {
  let q = ctx.db.selectFrom('representatives').selectAll()
  if (f.customer_id) q = q.where('customer_id', '=', f.customer_id)
  if (f.status && f.status !== 'expired') q = q.where('status', '=', f.status)
  const rows = (await q.orderBy('updated_at', 'desc').limit(f.limit).execute()) as Representative[]
  const now = ctx.clock.now()
  return rows
    .map((r) => ({ ...r, status: effectiveStatus(r, now) }))
    .filter((r) => !f.status || r.status === f.status)
}
