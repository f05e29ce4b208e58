// Genuine contacts that look like someone else speaking: the customer on a new phone, a
// relative (or friend) calling once or twice, and a real lawyer with a firm and papers.
import type { Channel, Party } from '../contract/index.js'
import type { Actor } from './actor.js'
import { momentOn, ownDraft, randomDay, slotsFor } from './actor.js'
import { freshFile } from './attachments.js'
import type { CallFacts } from './call-notes.js'
import { checks } from './call-notes.js'
import { capture } from './capture.js'
import type { Envelope } from './channel-format.js'
import { DAY_MS, chineseDate } from './clock.js'
import { renderOnChannel } from './compose.js'
import type { Draft, Emitted, LabelKind } from './contact-builder.js'
import { emit, pickSource } from './contact-builder.js'
import { addOtherPhone } from './customers.js'
import { topics } from './genuine-topics.js'
import type { TopicKey } from './genuine-topics.js'
import { pickTopic, say } from './genuine-stories.js'
import { landline, mobile } from './identity.js'
import { genuineLawyerLetter } from './lawyer-letter.js'
import { personName } from './names.js'
import { formalAmount, thirdPerson } from './slots.js'
import type { Lawyer } from './world.js'

export function newPhoneStory(a: Actor): Emitted[] {
  const { rng } = a
  // Mostly a new SIM; sometimes the office or a shop's fixed line.
  const phone = rng.chance(0.9) ? mobile(rng) : landline(rng)
  const n = rng.chance(0.7) ? 1 : 2
  let day = randomDay(a)
  return Array.from({ length: n }, () => {
    const channel: Channel = rng.chance(0.75) ? 'call' : 'online_ticket'
    const topic = pickTopic(a)
    const at = momentOn(a, day, channel)
    day = Math.min(day + rng.int(1, 20) * DAY_MS, a.world.period.endMs - DAY_MS)
    const said = say(a, topic, channel, at)
    const draft = ownDraft(a, {
      channel,
      at,
      message: said.message,
      core: said.core,
      issue: topics[topic].label,
      phone,
      onFile: false,
    })
    return emit(rng, draft, { kind: 'new_phone' })
  })
}

const RELATIONS = [
  '母亲',
  '父亲',
  '配偶',
  '妻子',
  '丈夫',
  '儿子',
  '女儿',
  '哥哥',
  '姐姐',
  '弟弟',
  '妹妹',
]
const RELATIVE_LINES = [
  '{pron}最近生病住院了，这个月的钱还不上，想问问能不能缓一缓。',
  '你们的催收天天给我打电话，{pron}欠的钱我们会想办法还，别再打了。',
  '{pron}手机丢了，让我帮忙问一下还款的事。',
  '{pron}人在外地工地上，信号不好，让我打过来问问怎么协商。',
  '家里出了点事，想问问能不能先还一部分。',
]

/** One relative (sometimes a friend or colleague) calling for one customer, once or twice. */
export function relativeStory(a: Actor): Emitted[] {
  const { rng, person } = a
  const friend = rng.chance(0.15)
  const relation = friend ? rng.pick(['朋友', '同事']) : rng.pick(RELATIONS)
  const kin = personName(rng)
  const name =
    !friend && rng.chance(0.6)
      ? person.person.surname + kin.name.slice(kin.surname.length)
      : kin.name
  const phone = mobile(rng)
  if (rng.chance(0.25)) addOtherPhone(rng, person, phone)
  const topic: TopicKey = rng.chance(0.4)
    ? 'hardship'
    : rng.chance(0.4)
      ? 'collection_harass'
      : pickTopic(a)
  const pron = person.person.sex === 'M' ? '他' : '她'
  const line =
    RELATIVE_LINES[rng.int(0, RELATIVE_LINES.length - 1)]?.replaceAll('{pron}', pron) ?? ''
  let day = randomDay(a)
  return Array.from({ length: rng.chance(0.7) ? 1 : 2 }, () => {
    const at = momentOn(a, day, 'call')
    day = Math.min(day + rng.int(2, 25) * DAY_MS, a.world.period.endMs - DAY_MS)
    if (rng.chance(0.3)) {
      const helper: Party = {
        name,
        role: friend ? 'friend' : 'relative',
        relation_claimed: relation,
      }
      if (rng.chance(0.3)) helper.phone = phone
      return besideCustomer(a, topic, at, helper, 'relative')
    }
    const facts: CallFacts = {
      stance: friend ? 'friend' : 'relative',
      issue: `反映客户${topics[topic].label}问题，称${thirdPerson(line)}`,
      checks: [rng.pick(checks.relativeOk)],
      lines: { opening: line, identity: `我是${person.person.name}的${relation}，我叫${name}。` },
    }
    const draft = spokenFor(a, at, facts, {
      phone,
      name,
      role: friend ? 'friend' : 'relative',
      relation,
    })
    return emit(rng, draft, { kind: 'relative' })
  })
}

/** The customer calls with a relative, friend or their lawyer on the line helping to explain. */
function besideCustomer(
  a: Actor,
  topic: TopicKey,
  at: number,
  helper: Party,
  kind: LabelKind,
): Emitted {
  const said = say(a, topic, 'call', at)
  const note = `其${helper.role === 'lawyer' ? '代理律师' : (helper.relation_claimed ?? '家人')}在旁协助沟通。`
  const draft = ownDraft(a, {
    channel: 'call',
    at,
    message: said.message,
    core: said.core,
    issue: topics[topic].label,
    extraChecks: [note],
  })
  draft.participants = [helper]
  return emit(a.rng, draft, { kind })
}

function spokenFor(
  a: Actor,
  at: number,
  facts: CallFacts,
  sender: Parameters<typeof capture>[2],
): Draft {
  const { rng, person, world } = a
  const env: Envelope = {
    name: person.person.name,
    body: facts.lines.opening,
    summary: facts.lines.opening,
    demands: [],
    issue: facts.issue,
    amount: '',
  }
  const slots = {
    ...slotsFor(a, at),
    relation: sender.relation ?? '',
    org: sender.organization ?? '',
    agentName: sender.name,
  }
  return {
    channel: 'call',
    source: pickSource(rng, 'call'),
    at,
    about: person,
    caller: capture(rng, 'call', sender),
    callerOnFile: person.phonesOther.includes(sender.phone ?? ''),
    claims: { name: person.person.name, idNumber: rng.chance(0.5) ? person.idNumber : undefined },
    text: renderOnChannel(rng, world, 'call', 'hotline', at, env, facts, slots).text,
    demands: [],
  }
}

/** A real lawyer: a firm, a licence, and a letter and power of attorney for this client only. */
export function lawyerStory(a: Actor, lawyer: Lawyer): Emitted[] {
  const { rng, person, world } = a
  const sender = {
    phone: lawyer.phone,
    name: lawyer.name,
    role: 'lawyer' as const,
    organization: lawyer.firm,
    email: lawyer.email,
  }
  let day = randomDay(a)
  return Array.from({ length: rng.chance(0.6) ? 1 : 2 }, (_, i) => {
    const channel: Channel =
      i === 0
        ? rng.pick<Channel>(['letter', 'letter', 'email', 'call'])
        : rng.pick<Channel>(['call', 'email'])
    const at = momentOn(a, day, channel, true)
    day = Math.min(day + rng.int(5, 25) * DAY_MS, world.period.endMs - DAY_MS)
    if (channel === 'call' && rng.chance(0.3)) {
      const helper: Party = { name: lawyer.name, role: 'lawyer', organization: lawyer.firm }
      if (rng.chance(0.4)) helper.phone = lawyer.phone
      return besideCustomer(a, pickTopic(a), at, helper, 'lawyer')
    }
    const slots = {
      ...slotsFor(a, at),
      firm: lawyer.firm,
      lawyer: lawyer.name,
      licence: lawyer.licence,
      lawyerPhone: lawyer.phone,
      principal: formalAmount(rng, person.loan.principal),
      id: person.idNumber,
      date: chineseDate(at),
      org: lawyer.firm,
      agentName: lawyer.name,
    }
    const letter = genuineLawyerLetter(rng, slots)
    const facts: CallFacts = {
      stance: 'lawyer',
      issue: '就客户借款事宜沟通，希望核实欠款金额并协商还款方案。',
      checks: [rng.pick(checks.lawyerOk)],
      lines: {
        opening: '我这边受客户委托，想核实一下欠款金额，看能不能协商一个还款方案。',
        identity: `我是${lawyer.firm}的${lawyer.name}律师，执业证号${lawyer.licence}。`,
      },
    }
    const env: Envelope = {
      name: person.person.name,
      body: letter.text,
      summary: '其委托律师就借款事宜与该机构协商还款。',
      demands: letter.demands,
      issue: '律师函',
      amount: `${formalAmount(rng, person.loan.principal)}元`,
    }
    const written = channel !== 'call'
    const source = pickSource(rng, channel)
    const draft: Draft = {
      channel,
      source,
      at,
      about: person,
      caller: capture(rng, channel, sender),
      callerOnFile: false,
      claims: { name: person.person.name, idNumber: person.idNumber },
      text: renderOnChannel(rng, world, channel, source, at, env, facts, slots).text,
      demands: written ? letter.demands : ['协商还款'],
      attachments: written
        ? [
            freshFile(rng, 'lawyer_letter', at),
            freshFile(rng, 'poa', at),
            ...(rng.chance(0.5) ? [freshFile(rng, 'id_copy', at)] : []),
          ]
        : undefined,
    }
    return emit(rng, draft, { kind: 'lawyer' })
  })
}
