// One client as an agency works them: the template, the story it tells, the phone line and
// worker assigned, the forged papers, and who the worker pretends to be on each contact.
import type { Attachment, Channel, Party } from '../contract/index.js'
import type { Actor } from './actor.js'
import type { Agency } from './agency.js'
import { phoneAt } from './agency.js'
import type { LetterTemplate } from './agency-text.js'
import { resavedFile, reusedFile } from './attachments.js'
import type { Sender } from './capture.js'
import { DAY_MS, chineseDate } from './clock.js'
import { mobile } from './identity.js'
import { nameVariant, personName } from './names.js'
import { carrierIp, deviceId } from './network.js'
import type { Presentation } from './profile.js'
import { inRange, tableOf } from './random.js'
import type { Slots } from './slots.js'
import { formalAmount, money } from './slots.js'

export type Client = {
  a: Actor
  agency: Agency
  start: number
  template: LetterTemplate
  presentation: Presentation
  worker: string
  line: number
  custodySim?: string
  certificates: Attachment[]
  letterOnly: boolean
  threeWay: boolean
  multiChannel: boolean
  /** Posing as the customer with a slightly wrong name. */
  variantName?: string
  fakeRelative: { name: string; relation: string }
  contacts: number
}

const FAKE_RELATIONS = ['表哥', '表姐', '哥哥', '姐姐', '妻子', '丈夫', '舅舅', '堂弟', '姑姑']

export function buildClient(a: Actor, agency: Agency): Client {
  const { rng, world, person } = a
  const p = world.profile
  const from = Math.max(agency.activeFrom, world.period.startMs)
  const to = Math.max(from + DAY_MS, agency.activeTo - 14 * DAY_MS)
  const start = from + Math.floor(rng.next() * (to - from))
  const kin = personName(rng)
  const certs = rng.chance(p.fakeCertificateShare)
    ? rng
        .sample(agency.certificates, rng.int(1, 2))
        .map((c) =>
          rng.chance(p.certificateResaveShare)
            ? resavedFile(rng, c, start)
            : reusedFile(rng, c, start),
        )
    : []
  return {
    a,
    agency,
    start,
    template: (rng.chance(0.5) ? agency.templates[0] : undefined) ?? rng.pick(agency.templates),
    presentation: rng.fromTable(tableOf(p.presentation)),
    worker: rng.pick(agency.staff),
    line: rng.int(0, agency.lines.length - 1),
    custodySim: rng.chance(p.custodySimShare) ? mobile(rng, 0.3) : undefined,
    certificates: certs,
    letterOnly: rng.chance(p.letterOnlyShare),
    threeWay: rng.chance(p.threeWayShare),
    multiChannel: rng.chance(p.multiChannelShare),
    variantName: rng.chance(p.nameVariantShare) ? nameVariant(rng, person.person) : undefined,
    fakeRelative: {
      name: rng.chance(0.5) ? person.person.surname + kin.name.slice(kin.surname.length) : kin.name,
      relation: rng.pick(FAKE_RELATIONS),
    },
    contacts: inRange(rng, p.contactsPerClient),
  }
}

/** The presentation for one contact: workers switch stories between calls. */
export function presentationFor(c: Client): Presentation {
  const { rng, world } = c.a
  return rng.chance(0.7) ? c.presentation : rng.fromTable(tableOf(world.profile.presentation))
}

export function agencyPhone(c: Client, at: number): string {
  const line = c.a.rng.chance(0.8) ? c.line : c.a.rng.int(0, c.agency.lines.length - 1)
  return phoneAt(c.agency, line, at)
}

function orgMention(c: Client): string | undefined {
  const { rng, world } = c.a
  return rng.chance(world.profile.orgMentionShare) ? rng.pick(c.agency.org.variants) : undefined
}

/** Who the worker says they are on this contact. */
export function representative(c: Client, as: Presentation, phone: string | undefined): Sender {
  const { rng, world, person } = c.a
  const wechat = rng.chance(world.profile.wechatShare) ? rng.pick(c.agency.wechats) : undefined
  const email = rng.chance(world.profile.emailShare) ? rng.pick(c.agency.emails) : undefined
  const base = { phone, wechat, email }
  switch (as) {
    case 'self':
      return { ...base, name: c.variantName ?? person.person.name, role: 'self', email: undefined }
    case 'agent':
      return { ...base, name: c.worker, role: 'agent', organization: orgMention(c) }
    case 'friend':
      return { ...base, name: c.worker, role: 'friend', relation: '朋友' }
    case 'relative':
      return {
        ...base,
        name: c.fakeRelative.name,
        role: 'relative',
        relation: c.fakeRelative.relation,
      }
    case 'lawyer':
      return {
        ...base,
        name: rng.chance(0.5) ? c.agency.lawyerName : `${c.agency.lawyerName.slice(0, 1)}律师`,
        role: 'lawyer',
        organization: rng.chance(0.7) ? c.agency.fakeLawFirm : c.agency.org.variants[0],
      }
  }
}

export function participant(s: Sender): Party {
  const p: Party = { name: s.name, role: s.role }
  if (s.phone) p.phone = s.phone
  if (s.organization) p.organization = s.organization
  if (s.relation) p.relation_claimed = s.relation
  if (s.wechat) p.wechat = s.wechat
  return p
}

/** Agency staff online: office lines and staff phones, or mobile data when careful. */
export function agencyNetwork(c: Client): { ip: string; device_id: string } {
  const { rng, world } = c.a
  if (rng.chance(world.profile.officeNetworkShare))
    return { ip: rng.pick(c.agency.officeIps), device_id: rng.pick(c.agency.devices) }
  return {
    ip: carrierIp(rng),
    device_id: rng.chance(0.6) ? rng.pick(c.agency.devices) : deviceId(rng),
  }
}

export function letterSlots(c: Client, at: number, agentPhone: string, as: Presentation): Slots {
  const { rng, world, person } = c.a
  const { lender } = world
  const principal = person.loan.principal
  return {
    name: as === 'self' ? (c.variantName ?? person.person.name) : person.person.name,
    id: person.idNumber,
    phone: rng.chance(0.5) && agentPhone ? agentPhone : person.phone,
    principal: formalAmount(rng, principal),
    loanDate: chineseDate(person.loan.loanDate),
    overdueDays: String(person.loan.overdueDays ?? rng.int(30, 200)),
    hardship: rng.pick(c.agency.hardships),
    months: String(c.agency.months),
    monthly: money(rng, principal / c.agency.months),
    fee: formalAmount(rng, rng.int(3, 30) * 100 + rng.int(0, 99)),
    rate: rng.pick(['35.9', '36', '42.6', '48', '53.2']),
    deadline: rng.pick(['3', '5', '7', '15']),
    lender: lender.short,
    lenderLegal: lender.legal,
    app: lender.app,
    org: c.agency.org.variants[rng.int(0, 2)] ?? c.agency.org.legal,
    agent:
      as === 'relative' ? c.fakeRelative.name : as === 'lawyer' ? c.agency.lawyerName : c.worker,
    agentPhone: agentPhone || '见委托书',
    date: chineseDate(at),
    relation: c.fakeRelative.relation,
    agentName: c.worker,
    thirdRole: rng.pick(['朋友', '表哥', '律师助理', '法务']),
    lawyer: c.agency.lawyerName,
    firm: c.agency.fakeLawFirm,
    licence: rng.chance(0.5) ? `1${rng.digits(16)}` : '（未提供）',
    lawyerPhone: agentPhone || '见委托书',
  }
}

export function isWritten(channel: Channel): boolean {
  return channel === 'letter' || channel === 'email' || channel === 'online_ticket'
}
