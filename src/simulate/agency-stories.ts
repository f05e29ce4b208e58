// An agency working one client: a few contacts over weeks on its phone lines and office
// network, multi-channel pushes, three-way calls, forged papers, and sometimes the client
// coming to report the agency afterwards.
import type { Attachment, Category, Party } from '../contract/index.js'
import type { Actor } from './actor.js'
import { momentOn, ownNetwork } from './actor.js'
import type { Agency } from './agency.js'
import type { Client } from './agency-client.js'
import {
  agencyNetwork,
  agencyPhone,
  buildClient,
  isWritten,
  letterSlots,
  participant,
  presentationFor,
  representative,
} from './agency-client.js'
import { spokenDemands, spokenThreats } from './agency-phrases.js'
import { renderLetter } from './agency-text.js'
import { freshFile, resavedFile, reusedFile } from './attachments.js'
import type { CallFacts, CallerStance } from './call-notes.js'
import { checks } from './call-notes.js'
import type { Sender } from './capture.js'
import { capture } from './capture.js'
import { DAY_MS, dayStart } from './clock.js'
import type { Step } from './agency-schedule.js'
import { schedule } from './agency-schedule.js'
import { renderOnChannel } from './compose.js'
import type { Draft, Emitted } from './contact-builder.js'
import { emit, pickSource } from './contact-builder.js'
import { lawyerClosing, lawyerOpening } from './lawyer-letter.js'
import type { Presentation } from './profile.js'
import type { Slots } from './slots.js'
import { fill, formalAmount } from './slots.js'
import { priorOwnComplaint, victimReport } from './victim-report.js'

type Mode = 'posing' | 'declared' | 'three_way' | 'coached' | 'custody'

function modeFor(c: Client, step: Step, as: Presentation): Mode {
  const { rng } = c.a
  if (step.threeWay) return 'three_way'
  if (c.agency.kind === 'alliance' && !c.letterOnly && rng.chance(0.35)) return 'coached'
  if (c.custodySim && step.channel === 'call' && rng.chance(0.7)) return 'custody'
  if (step.channel === 'social') return 'posing'
  return as === 'self' ? 'posing' : 'declared'
}

function senderFor(
  c: Client,
  mode: Mode,
  as: Presentation,
  step: Step,
  agentPhone: string,
): Sender {
  const { rng, person } = c.a
  const own: Sender = { phone: person.phone, name: person.person.name, role: 'self' }
  if (mode === 'three_way' || mode === 'coached') return own
  if (mode === 'custody') return { ...own, phone: c.custodySim }
  if (step.channel === 'app_feedback')
    return { ...representative(c, as, undefined), phone: person.phone }
  const phone = c.letterOnly
    ? undefined
    : step.channel === 'call' || rng.chance(0.7)
      ? agentPhone
      : person.phone
  const s = representative(c, mode === 'posing' ? 'self' : as, phone)
  return step.channel === 'email' ? { ...s, email: rng.pick(c.agency.emails) } : s
}

function attachments(
  c: Client,
  step: Step,
  mode: Mode,
  as: Presentation,
  refusal: boolean,
): Attachment[] {
  const { rng, world } = c.a
  const p = world.profile
  if (!isWritten(step.channel)) return []
  const out: Attachment[] = []
  const form = rng.pick(c.agency.poaForms)
  if (mode === 'declared' && rng.chance(p.poaShare))
    out.push(
      rng.chance(p.poaIdenticalShare)
        ? reusedFile(rng, form, step.at)
        : resavedFile(rng, form, step.at),
    )
  if (mode === 'declared' && as === 'lawyer')
    out.push(
      rng.chance(0.5)
        ? reusedFile(rng, c.agency.lawyerLetter, step.at)
        : resavedFile(rng, c.agency.lawyerLetter, step.at, 4),
    )
  if (refusal) out.push(...c.certificates)
  if (rng.chance(0.4)) out.push(freshFile(rng, 'id_copy', step.at))
  if (c.agency.kind === 'alliance' && rng.chance(0.3))
    out.push(reusedFile(rng, c.agency.recording, step.at))
  return out
}

function callFacts(
  c: Client,
  mode: Mode,
  as: Presentation,
  slots: Slots,
  demands: string[],
): CallFacts {
  const { rng } = c.a
  const stance: CallerStance =
    mode === 'three_way' ? 'three_way' : mode === 'declared' ? as : 'self'
  const said = `${rng.pick(c.agency.tics)}${fill(rng.pick(spokenDemands), slots)}`
  const identity =
    stance === 'self' || stance === 'three_way'
      ? `我就是${slots.name ?? ''}本人，身份证${slots.id ?? ''}。`
      : rng.pick([
          '我是他委托的，授权书已经寄给你们了。',
          '你不用管我是谁，我是受他委托的。',
          `我是他${slots.relation ?? '朋友'}，他现在不方便接电话。`,
        ])
  const verify =
    mode === 'three_way'
      ? [
          rng.pick(checks.onFile),
          rng.pick([
            '通话中第三人多次插话代为回答。',
            '客户回答问题前多次停顿，背景有人提示。',
            '第三人要求由其代为沟通。',
          ]),
        ]
      : mode === 'coached'
        ? [rng.pick(checks.onFile)]
        : mode === 'declared'
          ? [rng.pick(checks.noDocs), ...(rng.chance(0.6) ? [rng.pick(checks.insists)] : [])]
          : [
              rng.chance(0.5) || mode === 'custody'
                ? rng.pick(checks.newPhoneOk)
                : rng.pick(rng.chance(0.6) ? checks.partial : checks.failed),
            ]
  if (rng.chance(0.1)) verify.push(rng.pick(checks.suspicion))
  return {
    stance,
    issue: `称${stance === 'self' || stance === 'three_way' ? '其' : '客户'}因${slots.hardship ?? ''}无力还款，并反映${rng.pick(['利息过高', '催收违规', '收取砍头息', '暴力催收', '未告知年化利率'])}，`,
    demand: demands.slice(0, 3).join('、'),
    checks: verify,
    lines: {
      opening: said,
      identity,
      closing: rng.chance(0.6) ? fill(rng.pick(spokenThreats), slots) : undefined,
    },
  }
}

function categoryFor(c: Client, mode: Mode, step: Step, refusal: boolean, k: number): Category {
  if (mode === 'three_way') return 'accompanying_agent'
  if (refusal) return 'false_evidence_and_refusal'
  if (step.burst || (k >= 3 && step.channel === 'regulator'))
    return 'orchestrated_repeat_complaints'
  return c.agency.kind === 'alliance' ? 'anti_collection_alliance' : 'proxy_in_consumer_name'
}

function agencyContact(c: Client, step: Step, k: number): Emitted {
  const { rng, world, person } = c.a
  const as = presentationFor(c)
  const mode = modeFor(c, step, as)
  const agentPhone = c.letterOnly ? '' : agencyPhone(c, step.at)
  const slots = letterSlots(c, step.at, agentPhone, mode === 'declared' ? as : 'self')
  const refusal =
    c.certificates.length > 0 && isWritten(step.channel) && mode !== 'coached' && rng.chance(0.8)
  const condensed =
    step.channel === 'app_feedback' ||
    step.channel === 'social' ||
    (step.channel === 'regulator' && rng.chance(0.5))
  const lawyerFrame = mode === 'declared' && as === 'lawyer' && isWritten(step.channel)
  const letter = renderLetter(rng, c.template, slots, {
    paraphrase: world.profile.paraphrase,
    declared: mode === 'declared',
    refusal,
    condensed,
    untitled: lawyerFrame,
  })
  const body = lawyerFrame
    ? [lawyerOpening(rng, slots), letter.text, lawyerClosing(rng, slots)].join('\n')
    : letter.text
  const issue = rng.pick(['暴力催收', '高利贷', '违规收费', '停息挂账', '协商还款'])
  const summary = `其因${slots.hardship ?? ''}无力偿还在${world.lender.short}的借款，反映该机构${rng.pick(['利息过高', '违规收费', '暴力催收', '未告知实际利率'])}。`
  const env = {
    name: person.person.name,
    body,
    summary,
    demands: letter.demands,
    issue,
    amount: `${formalAmount(rng, person.loan.principal)}元`,
  }
  const source = pickSource(rng, step.channel)
  const rendered = renderOnChannel(
    rng,
    world,
    step.channel,
    source,
    step.at,
    env,
    callFacts(c, mode, as, slots, letter.demands),
    slots,
  )
  const sender = senderFor(c, mode, as, step, agentPhone)
  let participants: Party[] | undefined
  if (mode === 'three_way')
    participants = [
      participant(
        representative(c, as === 'self' ? 'friend' : as, rng.chance(0.5) ? agentPhone : undefined),
      ),
    ]
  const online = step.channel === 'app_feedback' || step.channel === 'online_ticket'
  const draft: Draft = {
    channel: step.channel,
    source,
    at: step.at,
    about: person,
    caller: capture(rng, step.channel, sender),
    callerOnFile: sender.phone === person.phone,
    participants,
    claims: {
      name: slots.name ?? person.person.name,
      idNumber: person.idNumber,
      phone: person.phone,
    },
    text: rendered.text,
    demands: letter.demands,
    attachments: attachments(c, step, mode, as, refusal),
    network: online ? (mode === 'coached' ? ownNetwork(c.a) : agencyNetwork(c)) : undefined,
    regulatorRef: rendered.regulatorRef,
  }
  return emit(rng, draft, {
    kind: 'agency',
    gang: c.agency.gang,
    category: categoryFor(c, mode, step, refusal, k),
  })
}

export function agencyClientStory(a: Actor, agency: Agency): Emitted[] {
  const c = buildClient(a, agency)
  const out: Emitted[] = []
  if (
    a.rng.chance(a.world.profile.priorOwnComplaintShare) &&
    c.start - 10 * DAY_MS > a.world.period.startMs
  )
    out.push(priorOwnComplaint(c))
  const steps = schedule(c)
  steps.forEach((step, k) => out.push(agencyContact(c, step, k)))
  const last = steps[steps.length - 1]?.at ?? c.start
  if (a.rng.chance(a.world.profile.victimShare)) {
    const at = last + a.rng.int(7, 60) * DAY_MS
    if (at < a.world.period.endMs - DAY_MS)
      out.push(victimReport(c, momentOn(a, dayStart(at), 'victim_report'), c.start))
  }
  return out
}
