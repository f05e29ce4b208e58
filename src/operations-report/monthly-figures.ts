// The operations report's figures, month by month: what happened to the cases (opened, pushed to
// the police, filed by them, in preparation, closed, joint with other institutions), the victims'
// reports, the warnings issued, and how many flagged contacts were later confirmed.
import type { Context } from '../context.js'
import type { MonthFigures } from './month-figures.js'
import { monthOf, monthStart, monthsBetween, nextMonth } from './month.js'

type CaseHistory = {
  created: string
  moves: { at: string; to: string }[]
  jointSince: string | null
}

export async function monthlyFigures(
  ctx: Context,
  from: string,
  to: string,
): Promise<MonthFigures[]> {
  const months = monthsBetween(from, to)
  const start = monthStart(from)
  const end = monthStart(nextMonth(to))
  const [cases, contacts, confirmed] = await Promise.all([
    caseHistories(ctx),
    flaggedAndReports(ctx, start, end),
    confirmedContacts(ctx),
  ])
  return months.map((month) => {
    const s = monthStart(month)
    const e = monthStart(nextMonth(month))
    const inMonth = (at: string) => at >= s && at < e
    const stateAt = (h: CaseHistory, t: string) =>
      h.created >= t ? null : (h.moves.filter((m) => m.at < t).at(-1)?.to ?? 'lead')
    const warned = contacts.flagged.filter((c) => monthOf(c.at) === month)
    const confirmedCount = warned.filter((c) => confirmed.has(c.id)).length
    return {
      month,
      opened: cases.filter((h) => inMonth(h.created)).length,
      pushed: cases.flatMap((h) => h.moves).filter((m) => m.to === 'reported' && inMonth(m.at))
        .length,
      filed: cases.flatMap((h) => h.moves).filter((m) => m.to === 'filed' && inMonth(m.at)).length,
      in_preparation: cases.filter((h) => stateAt(h, e) === 'preparing_report').length,
      closed: cases.flatMap((h) => h.moves).filter((m) => m.to === 'closed' && inMonth(m.at))
        .length,
      active: cases.filter((h) => ![null, 'closed'].includes(stateAt(h, e))).length,
      joint: cases.filter(
        (h) =>
          h.jointSince !== null && h.jointSince < e && h.created < e && stateAt(h, s) !== 'closed',
      ).length,
      victim_reports: contacts.reports.filter((at) => monthOf(at) === month).length,
      warnings: warned.length,
      confirmed: confirmedCount,
      confirmed_share: warned.length
        ? Math.round((1000 * confirmedCount) / warned.length) / 1000
        : null,
    }
  })
}

async function caseHistories(ctx: Context): Promise<CaseHistory[]> {
  const [cases, events] = await Promise.all([
    ctx.db.selectFrom('cases').select(['case_id', 'created_at', 'joint']).execute(),
    ctx.db
      .selectFrom('case_events')
      .select(['case_id', 'at', 'kind', 'to_state', 'detail'])
      .where('kind', 'in', ['transition', 'updated'])
      .orderBy('case_id')
      .orderBy('seq')
      .execute(),
  ])
  const byCase = new Map<string, CaseHistory>(
    cases.map((c) => [c.case_id, { created: c.created_at, moves: [], jointSince: null }]),
  )
  for (const e of events) {
    const h = byCase.get(e.case_id)
    if (!h) continue
    if (e.kind === 'transition' && e.to_state) h.moves.push({ at: e.at, to: e.to_state })
    const joint = (JSON.parse(e.detail) as { changed?: { joint?: { to?: boolean } } }).changed
      ?.joint
    if (joint?.to === true && h.jointSince === null) h.jointSince = e.at
    if (joint?.to === false) h.jointSince = null
  }
  return [...byCase.values()]
}

async function flaggedAndReports(ctx: Context, start: string, end: string) {
  const [flagged, reports] = await Promise.all([
    ctx.db
      .selectFrom('contacts')
      .innerJoin('assessments', 'assessments.contact_id', 'contacts.contact_id')
      .select(['contacts.contact_id as id', 'contacts.received_at as at'])
      .where('contacts.received_at', '>=', start)
      .where('contacts.received_at', '<', end)
      .where('assessments.risk', 'in', ['medium', 'high'])
      .execute(),
    ctx.db
      .selectFrom('contacts')
      .select('received_at')
      .where('channel', '=', 'victim_report')
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .execute(),
  ])
  return { flagged, reports: reports.map((r) => r.received_at) }
}

/**
 * Contacts confirmed since: the latest review says 确认代理, the customer denied authorising the
 * representative when asked directly (verification), or the contact is in a case reported to the
 * police.
 */
async function confirmedContacts(ctx: Context): Promise<Set<string>> {
  const [reviews, inReportedCases, denied] = await Promise.all([
    ctx.db
      .selectFrom('contact_reviews')
      .select(['contact_id', 'decision', 'reviewed_at'])
      .orderBy('contact_id')
      .orderBy('reviewed_at')
      .execute(),
    ctx.db
      .selectFrom('case_members')
      .select('member_id')
      .distinct()
      .where('member_kind', '=', 'contact')
      .where('case_id', 'in', (eb) =>
        eb
          .selectFrom('case_events')
          .select('case_id')
          .where('kind', '=', 'transition')
          .where('to_state', '=', 'reported'),
      )
      .execute(),
    ctx.db
      .selectFrom('verification_tasks')
      .select('contact_id')
      .distinct()
      .where('outcome', '=', 'denied')
      .where('contact_id', 'is not', null)
      .execute(),
  ])
  const latest = new Map<string, string>()
  for (const r of reviews) latest.set(r.contact_id, r.decision)
  const out = new Set(inReportedCases.map((r) => r.member_id))
  for (const r of denied) if (r.contact_id) out.add(r.contact_id)
  for (const [id, decision] of latest) if (decision === 'confirmed_agency') out.add(id)
  return out
}
