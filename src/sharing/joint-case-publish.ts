// Joint gang cases (团伙类案件), this institution's side: a case made joint with named peers is
// published to each of them — in the API root only that peer sees (`peer-<id>`) — as a STIX
// grouping (title and summary masked, state, this side's reference, the shared indicators) and
// one note per status change or comment, with who and when. What the partner posts back (its
// reference, its notes) joins the case here. Customers never go: only counts and masked text.
import type { Case } from '../cases/index.js'
import { findCase, timelineOf } from '../cases/index.js'
import { appendEvent, setSharedFields } from '../cases/case.repository.js'
import type { Context } from '../context.js'
import { maskText } from '../privacy/index.js'
import { namedStixId } from './stix/stix-id.js'
import type { Author, StixObject } from './stix/stix-objects.js'
import { groupingObject, noteObject } from './stix/stix-objects.js'
import type { StixValidator } from './stix/stix-validator.js'
import { storeObjects } from './publish.service.js'

type Deps = { ctx: Context; validator: StixValidator; author: Author }

export function caseGroupingId(author: Author, caseId: string): string {
  return namedStixId('grouping', `${author.identityId}|case|${caseId}`)
}

export async function publishJointCases(d: Deps): Promise<{ published: number }> {
  const peers = new Set(
    (
      await d.ctx.db
        .selectFrom('sharing_peers')
        .select('peer_id')
        .where('revoked_at', 'is', null)
        .execute()
    ).map((p) => p.peer_id),
  )
  const rows = await d.ctx.db.selectFrom('cases').select('case_id').where('joint', '=', 1).execute()
  let published = 0
  for (const { case_id } of rows) {
    const c = await findCase(d.ctx.db, case_id)
    if (!c || c.origin_ref?.startsWith('joint:')) continue
    await takeInPartnerTraffic(d, c)
    for (const p of c.joint_partners.filter((p) => peers.has(p.institution))) {
      await storeObjects(
        d,
        `peer-${p.institution}`,
        await caseObjects(d, c),
        d.ctx.clock.now().toISOString(),
      )
      published++
    }
  }
  return { published }
}

async function caseObjects(d: Deps, c: Case): Promise<StixObject[]> {
  const names = await customerNames(d.ctx, c.case_id)
  const groupingId = caseGroupingId(d.author, c.case_id)
  const indicators = await d.ctx.db
    .selectFrom('published_indicators as p')
    .innerJoin('indicator_confirmations as ic', 'ic.confirmation_id', 'p.confirmation_id')
    .select('p.object_id')
    .where('ic.case_ref', '=', c.case_id)
    .execute()
  const refs = indicators.length ? indicators.map((i) => i.object_id) : [d.author.identityId]
  const members = await d.ctx.db
    .selectFrom('case_members')
    .select('member_kind')
    .where('case_id', '=', c.case_id)
    .execute()
  const count = (k: string) => members.filter((m) => m.member_kind === k).length
  const grouping = {
    ...groupingObject(d.author, {
      name: maskText(c.title, names),
      refs,
      at: c.updated_at,
      tlp: 'amber',
    }),
    id: groupingId,
    created: c.created_at,
    description: `${c.state}: ${maskText(c.summary, names)} (${count('customer')} customers, ${count('contact')} contacts)`,
    external_references: [{ source_name: d.author.name, external_id: c.case_id }],
  }
  const notes = (await timelineOf(d.ctx.db, c.case_id))
    .filter((e) => (e.kind === 'transition' || e.kind === 'comment') && !e.detail.partner)
    .map((e) => ({
      ...noteObject(d.author, {
        content:
          e.kind === 'transition'
            ? `status ${e.from_state ?? ''} -> ${e.to_state ?? ''}`
            : maskText(textOf(e.detail.text), names),
        refs: [groupingId],
        at: e.at,
        tlp: 'amber',
      }),
      id: namedStixId('note', `${d.author.identityId}|${c.case_id}|${e.seq}`),
      authors: [e.actor],
    }))
  return [grouping, ...notes]
}

async function customerNames(ctx: Context, caseId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('case_members as m')
    .innerJoin('customers as c', 'c.customer_id', 'm.member_id')
    .select('c.record')
    .where('m.case_id', '=', caseId)
    .where('m.member_kind', '=', 'customer')
    .execute()
  return rows
    .map((r) => (JSON.parse(r.record) as { name?: string }).name)
    .filter((n): n is string => !!n)
}

/** The partner's reference (its grouping pointing at ours) and its notes, posted to us. */
async function takeInPartnerTraffic(d: Deps, c: Case): Promise<void> {
  const groupingId = caseGroupingId(d.author, c.case_id)
  const inbound = await d.ctx.db
    .selectFrom('taxii_inbound')
    .select(['peer_id', 'object_id', 'object_type', 'object'])
    .where('object_type', 'in', ['grouping', 'note'])
    .where('object', 'like', `%${groupingId}%`)
    .orderBy('received_at')
    .execute()
  const seen = new Set(
    (await timelineOf(d.ctx.db, c.case_id)).map((e) => textOf(e.detail.partner_object)),
  )
  let partners = c.joint_partners
  for (const r of inbound) {
    const o = JSON.parse(r.object) as PartnerObject
    // Only the named partners' traffic joins the case, whoever else learnt the grouping's id.
    if (!c.joint_partners.some((p) => p.institution === r.peer_id)) continue
    if (!(o.object_refs ?? []).includes(groupingId)) continue
    if (r.object_type === 'grouping') {
      const reference = o.external_references?.[0]?.external_id ?? ''
      partners = partners.map((p) =>
        p.institution === r.peer_id && reference ? { ...p, reference } : p,
      )
    } else if (!seen.has(r.object_id))
      await appendPartnerNote(d.ctx, c.case_id, r.peer_id, r.object_id, o)
  }
  if (JSON.stringify(partners) !== JSON.stringify(c.joint_partners))
    await setSharedFields(d.ctx.db, c.case_id, { joint_partners: partners })
}

export type PartnerObject = {
  id: string
  content?: string
  authors?: string[]
  created?: string
  object_refs?: string[]
  external_references?: { source_name: string; external_id?: string }[]
}

/** A partner's note on the timeline, with who wrote it, where and when. */
export async function appendPartnerNote(
  ctx: Context,
  caseId: string,
  partner: string,
  objectId: string,
  o: PartnerObject,
): Promise<void> {
  await appendEvent(ctx.db, caseId, {
    kind: 'comment',
    actor: `${partner}:${o.authors?.[0] ?? 'unknown'}`,
    at: o.created ?? ctx.clock.now().toISOString(),
    detail: { text: o.content ?? '', partner, partner_object: objectId },
  })
}

/** A timeline detail field as text (details are JSON of any shape). */
export function textOf(v: unknown): string {
  return typeof v === 'string' ? v : ''
}
