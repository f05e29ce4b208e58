// One proxy-complaint agency: who it says it is, the phone lines it rotates, its letter
// templates, its forms and forged certificates, its office network and its batch days.
import type { Attachment } from '../contract/index.js'
import { buildTemplate, deriveTemplate, publicTemplate } from './agency-text.js'
import type { LetterTemplate } from './agency-text.js'
import { hardshipReasons, verbalTics } from './agency-phrases.js'
import { freshFile } from './attachments.js'
import type { Period } from './clock.js'
import { DAY_MS, dayStart, preferWeekday } from './clock.js'
import { landline, mobile, wechatId } from './identity.js'
import { aliasName, personName } from './names.js'
import { carrierIp, deviceId } from './network.js'
import type { OrgNames } from './organizations.js'
import { allianceName, consultingCompany, lawFirmName, studioName } from './organizations.js'
import type { AgencyKind, PopulationProfile } from './profile.js'
import { Rng, inRange, tableOf } from './random.js'

export type PhoneWindow = { phone: string; from: number; to: number }

export type Agency = {
  gang: string
  kind: AgencyKind
  size: number
  org: OrgNames
  fakeLawFirm: string
  lines: PhoneWindow[][]
  activeFrom: number
  activeTo: number
  templates: LetterTemplate[]
  staff: string[]
  lawyerName: string
  wechats: string[]
  emails: string[]
  officeIps: string[]
  devices: string[]
  poaForms: Attachment[]
  certificates: Attachment[]
  lawyerLetter: Attachment
  recording: Attachment
  campaignDays: number[]
  hardships: string[]
  months: number
  tics: string[]
  serviceFee: number
  known: boolean
}

const HISTORY_DAYS = 240

function phoneLines(
  rng: Rng,
  p: PopulationProfile,
  period: Period,
  kind: AgencyKind,
  size: number,
): PhoneWindow[][] {
  const count = Math.min(30, inRange(rng, p.agentLines) + Math.floor(size / 30))
  const from = period.startMs - HISTORY_DAYS * DAY_MS
  const lines: PhoneWindow[][] = []
  for (let l = 0; l < count; l++) {
    if (l === 0 && kind === 'firm' && rng.chance(0.4)) {
      lines.push([{ phone: landline(rng), from, to: period.endMs }])
      continue
    }
    const windows: PhoneWindow[] = []
    let t = from - rng.int(0, p.phoneRotationDays.max) * DAY_MS
    while (t < period.endMs) {
      const to = t + inRange(rng, p.phoneRotationDays) * DAY_MS
      windows.push({ phone: mobile(rng, 0.15), from: t, to })
      t = to
    }
    lines.push(windows)
  }
  return lines
}

/** The phone a line used at `atMs`. */
export function phoneAt(agency: Agency, line: number, atMs: number): string {
  const windows = agency.lines[line % agency.lines.length] ?? []
  for (const w of windows) if (atMs >= w.from && atMs < w.to) return w.phone
  return windows[windows.length - 1]?.phone ?? ''
}

function campaignDays(rng: Rng, from: number, to: number): number[] {
  const days: number[] = []
  for (let week = dayStart(from); week < to; week += 7 * DAY_MS) {
    if (rng.chance(0.7)) days.push(preferWeekday(rng, week + rng.int(0, 6) * DAY_MS, 0.9))
  }
  return days.length > 0 ? days : [dayStart(from)]
}

function activeWindow(rng: Rng, period: Period): [number, number] {
  const span = period.endMs - period.startMs
  const from = rng.chance(0.7)
    ? period.startMs - rng.int(30, 400) * DAY_MS
    : period.startMs + Math.floor(rng.next() * span * 0.6)
  const to = rng.chance(0.8)
    ? period.endMs
    : Math.max(from + 45 * DAY_MS, period.startMs + Math.floor(span * (0.4 + rng.next() * 0.6)))
  return [from, Math.min(to, period.endMs)]
}

function orgFor(rng: Rng, kind: AgencyKind): OrgNames {
  if (kind === 'firm') return consultingCompany(rng)
  return kind === 'studio' ? studioName(rng) : allianceName(rng)
}

/** Several versions of one house letter (itself sometimes a template found online). */
function templatesFor(rng: Rng, p: PopulationProfile): LetterTemplate[] {
  const n = Math.max(1, inRange(rng, p.templatesPerAgency))
  const house = rng.chance(0.3) ? publicTemplate(rng.int(0, 2)) : buildTemplate(rng)
  return Array.from({ length: n }, (_, i) => (i === 0 ? house : deriveTemplate(rng, house)))
}

function files(
  rng: Rng,
  at: number,
): Pick<Agency, 'poaForms' | 'certificates' | 'lawyerLetter' | 'recording'> {
  return {
    poaForms: Array.from({ length: rng.int(1, 2) }, () => freshFile(rng, 'poa', at)),
    certificates: Array.from({ length: rng.int(1, 3) }, () =>
      freshFile(rng, rng.chance(0.55) ? 'medical' : 'unemployment', at),
    ),
    lawyerLetter: freshFile(rng, 'lawyer_letter', at),
    recording: {
      ...freshFile(rng, 'other', at),
      filename: rng.pick(['催收录音.mp3', '录音证据.m4a', '通话录音.mp3']),
    },
  }
}

export function buildAgency(
  seed: number,
  index: number,
  size: number,
  p: PopulationProfile,
  period: Period,
): Agency {
  const rng = new Rng(seed, 'agency', index)
  const kind = rng.fromTable(tableOf(p.agencyKinds))
  const [activeFrom, activeTo] = activeWindow(rng, period)
  const staffCount = rng.int(1, 3) + Math.floor(size / 40)
  return {
    gang: `agency-${String(index + 1).padStart(4, '0')}`,
    kind,
    size,
    org: orgFor(rng, kind),
    fakeLawFirm: lawFirmName(rng),
    lines: phoneLines(rng, p, period, kind, size),
    activeFrom,
    activeTo,
    templates: templatesFor(rng, p),
    staff: Array.from({ length: staffCount }, () => aliasName(rng)),
    lawyerName: personName(rng).name,
    wechats: Array.from({ length: rng.int(1, 3) }, () => wechatId(rng)),
    emails: Array.from(
      { length: rng.int(1, 2) },
      () =>
        `${rng.pick(['fawu', 'xieshang', 'kefu', 'service', 'law'])}${rng.digits(rng.int(2, 5))}@${rng.pick(['163.com', 'qq.com', '126.com', 'sina.com'])}`,
    ),
    officeIps: Array.from({ length: rng.int(1, 2) }, () => carrierIp(rng)),
    devices: Array.from({ length: rng.int(1, 3) + Math.floor(size / 40) }, () => deviceId(rng)),
    ...files(rng, activeFrom),
    campaignDays: campaignDays(rng, Math.max(activeFrom, period.startMs), activeTo),
    hardships: rng.sample(hardshipReasons, rng.int(1, 3)),
    months: rng.pick([24, 36, 36, 48, 60]),
    tics: rng.sample(verbalTics, rng.int(1, 2)),
    serviceFee: rng.pick([1980, 2800, 3000, 3600, 4800, 5000, 6800]),
    known: activeFrom < period.startMs - 60 * DAY_MS && rng.chance(p.watchlistAgencyShare * 1.4),
  }
}
