// Joint gang cases, the partner's side: a grouping pulled from another institution's root for us
// opens (or updates) a joint case here with its reference; its notes join that case's timeline
// with who and when. Our own reference and our status changes and comments go back as a grouping
// and notes posted to the same root, pointing at their grouping. No customer of theirs is here.
import type { Case } from '../cases/index.js'
import { findCase, timelineOf } from '../cases/index.js'
import { appendEvent, insertCase, setSharedFields } from '../cases/case.repository.js'
import type { Context } from '../context.js'
import { maskText } from '../privacy/index.js'
import type { PartnerObject } from '../sharing/joint-case-publish.js'
import { appendPartnerNote, textOf } from '../sharing/joint-case-publish.js'
import { namedStixId } from '../sharing/stix/stix-id.js'
import type { Author, StixObject } from '../sharing/stix/stix-objects.js'
import { groupingObject, noteObject } from '../sharing/stix/stix-objects.js'
import type { PulledFrom } from './pulled-objects.js'
import type { SightingsByTarget } from './sighting-report.js'

const JOINT = 'joint:'

function originOf(source: string, groupingId: string): string {
  return `${JOINT}${source}|${groupingId}`
}

async function caseOfGrouping(ctx: Context, source: string, groupingId: string) {
  const row = await ctx.db
    .selectFrom('cases')
    .select('case_id')
    .where('origin_ref', '=', originOf(source, groupingId))
    .executeTakeFirst()
  return row ? findCase(ctx.db, row.case_id) : null
}

export async function takeInGrouping(ctx: Context, from: PulledFrom, o: StixObject): Promise<void> {
  const g = o as StixObject & PartnerObject & { name?: string; description?: string }
  const remote = from.source.split('/')[0] ?? from.source
  const reference = g.external_references?.[0]?.external_id ?? ''
  const existing = await caseOfGrouping(ctx, from.source, g.id)
  const partners = [{ institution: remote, reference }]
  if (existing) {
    const updated = {
      ...existing,
      title: g.name ?? existing.title,
      summary: g.description ?? '',
      joint_partners: partners,
    }
    if (JSON.stringify(updated) !== JSON.stringify(existing))
      await setSharedFields(ctx.db, existing.case_id, {
        title: updated.title,
        summary: updated.summary,
        joint_partners: partners,
        updated_at: from.at,
      })
    return
  }
  const c: Case = {
    case_id: `GL-J-${g.id.slice(-12).toUpperCase()}`,
    title: g.name ?? 'joint case',
    summary: g.description ?? '',
    state: 'lead',
    outcome: null,
    severity: null,
    severity_reasons: [],
    origin_kind: 'manual',
    origin_ref: originOf(from.source, g.id),
    gang_id: null,
    assignee: null,
    due_at: null,
    joint: true,
    joint_partners: partners,
    amounts: [],
    police_report_ref: null,
    police_case_ref: null,
    created_by: `partner:${remote}`,
    created_at: from.at,
    updated_at: from.at,
  }
  await insertCase(ctx.db, c)
  await appendEvent(ctx.db, c.case_id, {
    kind: 'opened',
    actor: `partner:${remote}`,
    at: from.at,
    to_state: 'lead',
    detail: { origin: 'joint', partner: remote, partner_reference: reference },
  })
  // The operations report dates a joint case from the update that made it joint.
  await appendEvent(ctx.db, c.case_id, {
    kind: 'updated',
    actor: `partner:${remote}`,
    at: from.at,
    detail: { changed: { joint: { from: false, to: true } }, reason: `joint case of ${remote}` },
  })
}

export async function takeInNote(ctx: Context, from: PulledFrom, o: StixObject): Promise<void> {
  const n = o as StixObject & PartnerObject
  const remote = from.source.split('/')[0] ?? from.source
  for (const ref of n.object_refs ?? []) {
    const c = await caseOfGrouping(ctx, from.source, ref)
    if (!c) continue
    const seen = (await timelineOf(ctx.db, c.case_id)).some((e) => e.detail.partner_object === n.id)
    if (!seen) await appendPartnerNote(ctx, c.case_id, remote, n.id, n)
  }
}

/** What goes back to each remote: our reference and our own notes on its joint cases. */
export async function jointCaseReplies(
  ctx: Context,
  author: Author,
  remote: string,
): Promise<SightingsByTarget> {
  const rows = await ctx.db
    .selectFrom('cases')
    .select(['case_id', 'origin_ref'])
    .where('joint', '=', 1)
    .where('origin_ref', 'like', `${JOINT}${remote}/%`)
    .execute()
  const out: SightingsByTarget = new Map()
  for (const r of rows) {
    const [source = '', theirs = ''] = (r.origin_ref ?? '').slice(JOINT.length).split('|')
    const [, root, collectionId] = source.split('/')
    const c = await findCase(ctx.db, r.case_id)
    if (!c || !root || !collectionId) continue
    const ours = {
      ...groupingObject(author, { name: c.title, refs: [theirs], at: c.updated_at, tlp: 'amber' }),
      id: namedStixId('grouping', `${author.identityId}|case|${c.case_id}`),
      external_references: [{ source_name: author.name, external_id: c.case_id }],
    }
    const notes = (await timelineOf(ctx.db, c.case_id))
      .filter((e) => (e.kind === 'transition' || e.kind === 'comment') && !e.detail.partner)
      .map((e) => ({
        ...noteObject(author, {
          content:
            e.kind === 'transition'
              ? `status ${e.from_state ?? ''} -> ${e.to_state ?? ''}`
              : maskText(textOf(e.detail.text)),
          refs: [theirs],
          at: e.at,
          tlp: 'amber',
        }),
        id: namedStixId('note', `${author.identityId}|${c.case_id}|${e.seq}`),
        authors: [e.actor],
      }))
    out.set(`${root}/${collectionId}/${c.case_id}`, {
      root,
      collectionId,
      objects: [ours, ...notes],
    })
  }
  return out
}
