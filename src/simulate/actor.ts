// A customer acting for themselves: their device and networks, the slots their messages draw
// on, and the draft of a contact they send. Agency clients act for themselves too, sometimes.
import type { Attachment, Channel } from '../contract/index.js'
import { freshFile, nearPhash } from './attachments.js'
import type { CallerStance, CallFacts } from './call-notes.js'
import { checks } from './call-notes.js'
import { capture, rhythmFor } from './capture.js'
import type { Envelope } from './channel-format.js'
import { sentence } from './channel-format.js'
import { DAY_MS, chineseDate, clampToPeriod, compactDate, dayStart, timeInDay } from './clock.js'
import { renderOnChannel } from './compose.js'
import type { Draft } from './contact-builder.js'
import { pickSource } from './contact-builder.js'
import type { Person } from './customers.js'
import type { Message } from './genuine-text.js'
import { maskedId, wechatId } from './identity.js'
import { carrierIp, deviceId, pooledDevice, pooledIp } from './network.js'
import { Rng } from './random.js'
import type { Slots } from './slots.js'
import { casualDate, countWord, formalAmount, money, thirdPerson } from './slots.js'
import type { World } from './world.js'

export type Actor = { world: World; rng: Rng; person: Person; device: string }

export function actorFor(world: World, rng: Rng, person: Person): Actor {
  const p = world.profile
  const shared = rng.chance(p.sharedDeviceShare)
  const device = shared
    ? pooledDevice(world.seed, 'household-device', rng.int(0, world.sharedDevicePool - 1))
    : deviceId(rng)
  return { world, rng, person, device }
}

export function ownNetwork(a: Actor): { ip: string; device_id: string } {
  const { world, rng } = a
  const ip = rng.chance(world.profile.sharedIpShare)
    ? pooledIp(world.seed, 'shared-ip', rng.int(0, world.sharedIpPool - 1))
    : carrierIp(rng)
  return { ip, device_id: a.device }
}

export function slotsFor(a: Actor, at: number): Slots {
  const { rng, world, person } = a
  return {
    app: world.lender.app,
    lender: world.lender.short,
    lenderLegal: world.lender.legal,
    name: person.person.name,
    id: person.idNumber,
    phone: person.phone,
    amount: money(rng, rng.int(4, 80) * 50 + rng.int(0, 99) / 100),
    date: casualDate(rng, at),
    times: countWord(rng),
    card: rng.digits(4),
    fee: money(rng, rng.pick([29, 39, 99, 199, 299, 399, 598])),
    days: String(rng.int(1, 60)),
    principal: money(rng, person.loan.principal),
    monthly: money(rng, rng.int(3, 15) * 100),
    loanDate: chineseDate(person.loan.loanDate),
    ticket: `GD${compactDate(at - rng.int(3, 30) * DAY_MS)}${rng.digits(5)}`,
  }
}

/** A day in the period (as midnight) and a time in it fitting the channel. */
export function momentOn(a: Actor, midnight: number, channel: Channel, office = false): number {
  return clampToPeriod(
    timeInDay(a.rng, midnight, rhythmFor(a.rng, channel, office)),
    a.world.period,
  )
}

export function randomDay(a: Actor): number {
  const { period } = a.world
  return dayStart(period.startMs + a.rng.int(0, period.days - 1) * DAY_MS)
}

/** A screenshot or photo a consumer attaches; app screens look alike across consumers. */
export function ownUpload(a: Actor, at: number): Attachment {
  const { rng, world } = a
  const kind = rng.chance(0.7) ? 'screenshot' : 'other'
  if (kind === 'screenshot' && rng.chance(0.4)) {
    const screen = new Rng(world.seed, 'app-screen', rng.int(0, 5)).hex(16)
    return freshFile(rng, 'screenshot', at, nearPhash(rng, screen, 4, 14))
  }
  return freshFile(rng, kind, at)
}

export type OwnContact = {
  channel: Channel
  at: number
  message: Message
  core: string
  issue: string
  phone?: string
  onFile?: boolean
  creditMatter?: boolean
  extraChecks?: string[]
  stance?: CallerStance
}

/** The customer contacting the lender about their own matter. */
export function ownDraft(a: Actor, o: OwnContact): Draft {
  const { rng, person, world } = a
  const phone = o.phone ?? person.phone
  const onFile = o.onFile ?? true
  const source = pickSource(rng, o.channel, o.creditMatter)
  const slots = slotsFor(a, o.at)
  const env: Envelope = {
    name: person.person.name,
    body: o.message.text,
    summary: o.core,
    demands: o.message.demands,
    issue: o.issue,
    amount: `${formalAmount(rng, person.loan.principal)}元`,
  }
  const idSaid = rng.chance(0.5) ? person.idNumber : maskedId(person.idNumber)
  const call: CallFacts = {
    stance: o.stance ?? 'self',
    issue: `反映${o.issue}，称${sentence(thirdPerson(o.core))}`,
    demand: o.message.demands.join('、') || undefined,
    checks: [
      ...(onFile ? [rng.pick(checks.onFile)] : [rng.pick(checks.newPhoneOk)]),
      ...(o.extraChecks ?? []),
      // Staff misjudge too: a forceful hardship caller is sometimes noted as a suspected proxy.
      ...(o.issue === '协商还款' && rng.chance(0.03) ? [rng.pick(checks.suspicion)] : []),
    ],
    lines: { opening: o.core, identity: `我是本人，${person.person.name}，身份证号${idSaid}。` },
  }
  const rendered = renderOnChannel(rng, world, o.channel, source, o.at, env, call, slots)
  const online = o.channel === 'app_feedback' || o.channel === 'online_ticket'
  const sender = {
    phone,
    name: person.person.name,
    role: 'self' as const,
    email: person.email,
    ...(o.channel === 'online_ticket' && rng.chance(0.04) ? { wechat: wechatId(rng) } : {}),
  }
  return {
    channel: o.channel,
    source,
    at: o.at,
    about: person,
    caller: capture(rng, o.channel, sender),
    callerOnFile: onFile,
    claims: { name: person.person.name, idNumber: person.idNumber, phone: person.phone },
    text: rendered.text,
    demands: o.message.demands,
    attachments: rng.chance(online || o.channel === 'email' ? 0.18 : 0.05)
      ? [ownUpload(a, o.at)]
      : undefined,
    network: online ? ownNetwork(a) : undefined,
    regulatorRef: rendered.regulatorRef,
  }
}
