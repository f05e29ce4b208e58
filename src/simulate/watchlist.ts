// What the installation already knew before the period: indicators of a minority of
// agencies (many of their numbers long rotated away), stale entries that match nothing, and
// numbers the carrier has since given to someone else.
import type { WatchlistEntry } from '../contract/index.js'
import type { Agency, PhoneWindow } from './agency.js'
import { DAY_MS, formatTime } from './clock.js'
import { mobile } from './identity.js'
import { consultingCompany } from './organizations.js'
import { Rng } from './random.js'
import type { World } from './world.js'

const LABELS = [
  '代理维权团伙涉案号码',
  '职业代理投诉机构',
  '反催收联盟线索',
  '公安协查通报',
  '异常维权案件关联信息',
]
const SOURCES = ['internal_case', 'police_notice', 'industry_association', 'complaint_team']

function entry(
  rng: Rng,
  kind: WatchlistEntry['kind'],
  value: string,
  label: string,
  source: string,
  addedAt: number,
): WatchlistEntry {
  const e: WatchlistEntry = { kind, value, label, source, added_at: formatTime(addedAt) }
  if (rng.chance(0.4)) e.expires_at = formatTime(addedAt + 365 * DAY_MS)
  return e
}

/** Phones the agency used before the period: mostly gone by now, one or two still live. */
function knownPhones(rng: Rng, agency: Agency, start: number): PhoneWindow[] {
  const seen = agency.lines.flat().filter((w) => w.from < start - 20 * DAY_MS)
  const gone = seen.filter((w) => w.to <= start)
  const live = seen.filter((w) => w.to > start)
  return [...rng.sample(gone, rng.int(1, 4)), ...rng.sample(live, rng.int(0, 2))]
}

function agencyEntries(world: World, agency: Agency, index: number): WatchlistEntry[] {
  const rng = new Rng(world.seed, 'watchlist', index)
  const start = world.period.startMs
  const label = `${rng.pick(LABELS)}（案件${2023 + rng.int(0, 2)}-${String(rng.int(1, 999)).padStart(3, '0')}）`
  const source = rng.pick(SOURCES)
  const out: WatchlistEntry[] = []
  for (const w of knownPhones(rng, agency, start)) {
    const added = Math.min(start - DAY_MS, w.from + rng.int(5, 25) * DAY_MS)
    out.push(entry(rng, 'phone', w.phone, label, source, added))
  }
  const added = start - rng.int(20, 200) * DAY_MS
  if (agency.kind !== 'alliance' && rng.chance(0.7))
    out.push(
      entry(rng, 'organization', rng.pick(agency.org.variants.slice(0, 3)), label, source, added),
    )
  if (rng.chance(0.5))
    out.push(entry(rng, 'wechat', rng.pick(agency.wechats), label, source, added))
  if (rng.chance(0.2)) out.push(entry(rng, 'email', rng.pick(agency.emails), label, source, added))
  if (rng.chance(0.15))
    out.push(entry(rng, 'device_id', rng.pick(agency.devices), label, source, added))
  return out
}

function staleEntries(world: World, count: number): WatchlistEntry[] {
  const rng = new Rng(world.seed, 'watchlist-stale')
  return Array.from({ length: count }, () => {
    const added = world.period.startMs - rng.int(30, 700) * DAY_MS
    const org = rng.chance(0.25)
    return entry(
      rng,
      org ? 'organization' : 'phone',
      org ? consultingCompany(rng).legal : mobile(rng),
      `${rng.pick(LABELS)}（历史）`,
      rng.pick(SOURCES),
      added,
    )
  })
}

export function buildWatchlist(world: World): WatchlistEntry[] {
  const known = world.agencies.flatMap((a, i) => (a.known ? agencyEntries(world, a, i) : []))
  const stale = staleEntries(world, Math.round(known.length * 0.3) + 2)
  return [...known, ...stale].sort((x, y) => x.added_at.localeCompare(y.added_at))
}

/** Listed numbers long out of the agency's hands: a carrier may have reissued them since. */
export function recyclablePhones(world: World, listed: readonly WatchlistEntry[]): PhoneWindow[] {
  const cutoff = world.period.startMs - 120 * DAY_MS
  const phones = new Set(listed.filter((e) => e.kind === 'phone').map((e) => e.value))
  return world.agencies
    .filter((a) => a.known)
    .flatMap((a) => a.lines.flat().filter((w) => w.to < cutoff && phones.has(w.phone)))
}
