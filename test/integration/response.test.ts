/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies are read as parsed JSON */
// The response to a suspected agency through the API: a guided call on a pinned script version,
// answers that become signals, a verification task, the customer's answer changing assessments
// with the reason logged, the outbox and its delivery status, and representatives' materials.
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { App } from '../../src/server/app.js'
import type { OutboxMessage } from '../../src/verification/index.js'
import {
  dispatchDue,
  enqueueMessage,
  LocalInboxAdapter,
  loadMessage,
  MAX_ATTEMPTS,
  recordReceipt,
  WebhookAdapter,
} from '../../src/verification/index.js'
import { AGENT_PHONE, as, login, openApi } from './api-fixture.js'
import { testStores, useStore } from './stores.js'

type Inject = ReturnType<typeof as>

async function answerAll(agent: Inject, callId: string, answers: [string, unknown][]) {
  let last: Record<string, any> = {}
  for (const [step_id, value] of answers) {
    const r = await agent({
      method: 'POST',
      url: `/api/calls/${callId}/answers`,
      payload: { step_id, value },
    })
    expect(r.statusCode, `${step_id}: ${r.body}`).toBe(200)
    last = r.json()
  }
  return last
}

const AGENCY_ANSWERS: [string, unknown][] = [
  ['who-is-calling', 'relative'],
  ['authorisation', 'refuses'],
  ['customer-contact', 'will_not_speak'],
  ['record-request', '要求停息挂账，只还本金，借款人本人不方便接电话'],
  ['accept', null],
  ['fee-warning', null],
]

describe.each(testStores)('response on $kind', (store) => {
  const t = useStore(store)
  const withApp = (fn: (app: App) => Promise<void>) => async () => {
    const app = await openApi(t.ctx, t.dir)
    try {
      await fn(app)
    } finally {
      await app.close()
    }
  }

  it.skipIf(!store.available)(
    'runs a flagged call on its pinned script version to a verification task, answers becoming signals',
    withApp(async (app) => {
      const agent = as(app, await login(app, 'agent'))
      const admin = as(app, await login(app, 'admin'))
      const screen = (
        await agent({
          method: 'POST',
          url: '/api/screen',
          payload: { phone: AGENT_PHONE, customer_id: 'C1' },
        })
      ).json()
      expect(screen.recommended_script).toBe('suspected-agency')

      const started = await agent({
        method: 'POST',
        url: '/api/calls',
        payload: { script_id: 'suspected-agency', phone: AGENT_PHONE, customer_id: 'C1' },
      })
      expect(started.statusCode).toBe(201)
      const call = started.json()
      expect(call).toMatchObject({
        status: 'in_progress',
        current_step: 'who-is-calling',
        script: { id: 'suspected-agency', version: 1 },
        customer_id: 'C1',
        caller_identifier: 'phone:199****5678',
      })
      expect(started.body).not.toContain(AGENT_PHONE)

      // An admin publishes v2 mid-call: new calls take it, this one finishes on v1.
      const v1 = (await admin({ method: 'GET', url: '/api/scripts/suspected-agency' })).json()
      const edited = structuredClone(v1)
      edited.steps[0].say['zh-CN'] = '您好，这里是客户服务中心。请问您是借款人本人吗？'
      const pub = await admin({
        method: 'PUT',
        url: '/api/scripts/suspected-agency',
        payload: edited,
      })
      expect(pub.statusCode, pub.body).toBe(200)
      expect(pub.json().version).toBe(2)
      expect(
        (await agent({ method: 'PUT', url: '/api/scripts/suspected-agency', payload: edited }))
          .statusCode,
      ).toBe(403)
      const broken = await admin({
        method: 'PUT',
        url: '/api/scripts/suspected-agency',
        payload: { ...edited, start: 'nowhere' },
      })
      expect(broken.statusCode).toBe(400)
      expect(broken.json().errors[0].field).toBe('start')
      const check = await admin({
        method: 'POST',
        url: '/api/scripts/suspected-agency/check',
        payload: { ...edited, start: 'nowhere' },
      })
      expect(check.json()).toMatchObject({ ok: false, problems: [{ field: 'start', step: null }] })

      // Answers are validated against the step; a stale step is a conflict, not a fork.
      const bad = await agent({
        method: 'POST',
        url: `/api/calls/${call.call_id}/answers`,
        payload: { step_id: 'who-is-calling', value: 'cousin' },
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'value' })])
      const stale = await agent({
        method: 'POST',
        url: `/api/calls/${call.call_id}/answers`,
        payload: { step_id: 'authorisation', value: 'refuses' },
      })
      expect(stale.statusCode).toBe(409)

      // Interrupted after two answers: the call resumes where it stopped, still on v1.
      await answerAll(agent, call.call_id, AGENCY_ANSWERS.slice(0, 2))
      const open = (await agent({ method: 'GET', url: '/api/calls' })).json()
      expect(open.items.map((c: any) => c.call_id)).toContain(call.call_id)
      const resumed = (await agent({ method: 'GET', url: `/api/calls/${call.call_id}` })).json()
      expect(resumed).toMatchObject({ current_step: 'customer-contact', script: { version: 1 } })
      expect(resumed.answers.map((a: any) => a.signal)).toEqual([null, 'refuses_materials'])

      const done = await answerAll(agent, call.call_id, AGENCY_ANSWERS.slice(2))
      expect(done).toMatchObject({
        status: 'completed',
        outcome: 'verify_with_customer',
        step: null,
      })
      expect(done.verification.task_id).toMatch(/^vt_/)

      // The answers are signals on the recorded call contact.
      const detail = (
        await agent({ method: 'GET', url: `/api/contacts/${call.contact_id}` })
      ).json()
      const codes = detail.assessment.signals.map((s: any) => s.code)
      expect(codes).toEqual(
        expect.arrayContaining(['refuses_materials', 'customer_will_not_speak']),
      )

      const next = (
        await agent({
          method: 'POST',
          url: '/api/calls',
          payload: { script_id: 'suspected-agency', phone: AGENT_PHONE, customer_id: 'C1' },
        })
      ).json()
      expect(next.script.version).toBe(2)
      expect(next.step.say['zh-CN']).toContain('客户服务中心')
      await agent({
        method: 'POST',
        url: `/api/calls/${next.call_id}/end`,
        payload: { reason: 'caller_hung_up' },
      })

      const stats = (
        await agent({ method: 'GET', url: '/api/scripts/suspected-agency/analytics' })
      ).json()
      expect(stats.calls).toBe(2)
      expect(stats.by_outcome).toEqual([{ outcome: 'verify_with_customer', calls: 1 }])
      expect(stats.stopped_at).toEqual([
        { step_id: 'who-is-calling', status: 'ended_early', calls: 1 },
      ])
      expect(stats.answers).toContainEqual({
        step_id: 'authorisation',
        value: 'refuses',
        calls: 1,
        outcomes: { verify_with_customer: 1 },
      })

      // The task waits in the call-back queue.
      const queue = (
        await agent({ method: 'GET', url: '/api/verification/tasks?status=open' })
      ).json()
      expect(queue.items).toEqual([
        expect.objectContaining({
          task_id: done.verification.task_id,
          channel: 'callback',
          customer_id: 'C1',
          representative: '199****5678',
        }),
      ])
    }),
  )

  it.skipIf(!store.available)(
    'a denial marks the representative an unauthorised proxy and a confirmation lowers the risk, each change logged with its reason',
    withApp(async (app) => {
      const agent = as(app, await login(app, 'agent'))
      const handler = as(app, await login(app, 'handler'))
      const riskOf = async (id: string) =>
        (await handler({ method: 'GET', url: `/api/contacts/${id}` })).json().assessment

      const denied = (
        await agent({
          method: 'POST',
          url: '/api/verification/tasks',
          payload: { customer_id: 'C1', contact_id: 'A1', channel: 'callback' },
        })
      ).json()
      expect(denied.created).toBe(true)
      const again = await agent({
        method: 'POST',
        url: '/api/verification/tasks',
        payload: { customer_id: 'C1', contact_id: 'A1', channel: 'callback' },
      })
      expect(again.json()).toMatchObject({ task_id: denied.task_id, created: false })

      const unreachable = (
        await agent({
          method: 'POST',
          url: `/api/verification/tasks/${denied.task_id}/outcome`,
          payload: { outcome: 'unreachable' },
        })
      ).json()
      expect(unreachable.task).toMatchObject({ status: 'open', attempts: 1, outcome: null })
      expect(unreachable.assessment_changes).toEqual([])

      const r = (
        await agent({
          method: 'POST',
          url: `/api/verification/tasks/${denied.task_id}/outcome`,
          payload: { outcome: 'denied', note: '客户称从未委托任何人' },
        })
      ).json()
      expect(r.task).toMatchObject({
        status: 'completed',
        outcome: 'denied',
        completed_by: 'agent',
      })
      const a1 = r.assessment_changes.find((c: any) => c.contact_id === 'A1')
      expect(a1.signals_added).toContain('customer_denied_authority')
      expect(a1.score_after).toBeGreaterThan(a1.score_before)
      expect((await riskOf('A1')).signals.map((s: any) => s.code)).toContain(
        'customer_denied_authority',
      )
      const logged = (
        await handler({ method: 'GET', url: '/api/assessment-changes?contact_id=A1' })
      ).json()
      expect(logged.items[0]).toMatchObject({
        reason: { kind: 'verification_outcome', ref: denied.task_id, actor: 'agent' },
      })
      expect(logged.items[0].reason.text).toContain('否认授权')
      const twice = await agent({
        method: 'POST',
        url: `/api/verification/tasks/${denied.task_id}/outcome`,
        payload: { outcome: 'confirmed' },
      })
      expect(twice.statusCode).toBe(409)

      // C2 confirms by SMS that the same number acts for them: its contacts for C2 weigh less.
      const before = await riskOf('A2')
      const sms = (
        await agent({
          method: 'POST',
          url: '/api/verification/tasks',
          payload: { customer_id: 'C2', contact_id: 'A2', channel: 'sms' },
        })
      ).json()
      expect(sms.status).toBe('awaiting_reply')
      const confirmed = (
        await agent({
          method: 'POST',
          url: `/api/verification/tasks/${sms.task_id}/outcome`,
          payload: { outcome: 'confirmed' },
        })
      ).json()
      const a2 = confirmed.assessment_changes.find((c: any) => c.contact_id === 'A2')
      expect(a2.signals_added).toContain('customer_confirmed_representative')
      const after = await riskOf('A2')
      expect(a2.score_after).toBeLessThan(a2.score_before)
      expect(after.signals.find((s: any) => s.code === 'fan_out')?.weight).toBeLessThan(
        before.signals.find((s: any) => s.code === 'fan_out')?.weight,
      )
      // Another customer of the same number is not touched by C2's word.
      expect(confirmed.assessment_changes.map((c: any) => c.contact_id)).not.toContain('A3')
      // Screening a new call from that number for C2 lowers the risk and says whom C2 trusts.
      const screenFor = async (customer_id: string) =>
        (
          await agent({
            method: 'POST',
            url: '/api/screen',
            payload: { phone: AGENT_PHONE, customer_id },
          })
        ).json()
      const trusted = await screenFor('C2')
      expect(trusted.trusted_representative).toMatchObject({ task_id: sms.task_id })
      expect(trusted.reasons.map((x: any) => x.code)).toContain('customer_confirmed_representative')
      expect((await screenFor('C3')).trusted_representative).toBeNull()
    }),
  )

  it.skipIf(!store.available)(
    'delivers verification messages through the local inbox and records failures as failures',
    withApp(async (app) => {
      const agent = as(app, await login(app, 'agent'))
      const preview = (
        await agent({
          method: 'GET',
          url: '/api/verification/message-preview?customer_id=C3&contact_id=A3',
        })
      ).json()
      expect(preview).toMatchObject({ representative: '199****5678', has_registered_phone: true })
      expect(preview.message['zh-CN']).toContain('（199****5678）')
      const task = (
        await agent({
          method: 'POST',
          url: '/api/verification/tasks',
          payload: { customer_id: 'C3', contact_id: 'A3', channel: 'sms' },
        })
      ).json()
      const queued = (
        await agent({ method: 'GET', url: `/api/verification/outbox?task_id=${task.task_id}` })
      ).json()
      expect(queued.items).toHaveLength(1)
      const messageId = queued.items[0].message_id

      // The server's pump hands it to the local adapter as soon as it is queued.
      let delivered: any = null
      for (let i = 0; i < 50 && delivered?.status !== 'delivered'; i++) {
        await new Promise((r) => setTimeout(r, 50))
        delivered = (
          await agent({ method: 'GET', url: `/api/verification/outbox?task_id=${task.task_id}` })
        ).json().items[0]
      }
      expect(delivered).toMatchObject({
        status: 'delivered',
        adapter: 'local',
        attempts: 1,
        recipient: '139****1002',
      })
      const waiting = (
        await agent({ method: 'GET', url: '/api/verification/tasks?status=awaiting_reply' })
      ).json()
      expect(waiting.items.find((x: any) => x.task_id === task.task_id).delivery).toMatchObject({
        message_id: messageId,
        status: 'delivered',
        attempts: 1,
      })
      const line = JSON.parse(readFileSync(join(t.dir, 'outbox', 'sms.jsonl'), 'utf8').trim())
      expect(line).toMatchObject({ message_id: messageId, recipient: '+8613900001002' })
      expect(line.body).toContain('是否授权')
      const inbox = (await agent({ method: 'GET', url: '/api/verification/local-inbox' })).json()
      expect(inbox.items).toEqual([
        expect.objectContaining({ message_id: messageId, recipient: '139****1002' }),
      ])
      expect(JSON.stringify(inbox)).not.toContain('13900001002')

      // A local inbox that cannot be written: retried, then failed — never delivered.
      const blocked = join(t.dir, 'not-a-dir')
      writeFileSync(blocked, 'a file where the inbox should be')
      const m = message('om_fail', t.ctx.clock.now().toISOString())
      await enqueueMessage(t.ctx.db, m)
      const failing = new LocalInboxAdapter(blocked)
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await t.ctx.db
          .updateTable('outbox_messages')
          .set({ next_attempt_at: '2000-01-01T00:00:00.000Z' })
          .where('message_id', '=', m.message_id)
          .execute()
        await dispatchDue(t.ctx, failing)
        const now = await loadMessage(t.ctx.db, m.message_id)
        expect(now?.status).toBe(i < MAX_ATTEMPTS - 1 ? 'retrying' : 'failed')
        expect(now?.last_error).toMatch(/EEXIST|ENOTDIR/)
        expect(now?.delivered_at).toBeNull()
      }
    }),
  )

  it.skipIf(!store.available)(
    'treats a webhook 2xx as sent until the receipt, and a 5xx as a failed attempt',
    async () => {
      const received: { body: string; signature: string | undefined }[] = []
      let answer = 500
      const server = createServer((req, res) => {
        let body = ''
        req.on('data', (c: Buffer) => (body += c.toString()))
        req.on('end', () => {
          received.push({
            body,
            signature: req.headers['x-grayline-signature'] as string | undefined,
          })
          res
            .writeHead(answer, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: 'gw-77' }))
        })
      })
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`
        const hook = new WebhookAdapter({ url, secret: 'shared-secret' })
        const m = message('om_hook', t.ctx.clock.now().toISOString())
        await enqueueMessage(t.ctx.db, m)
        await dispatchDue(t.ctx, hook)
        expect(await loadMessage(t.ctx.db, m.message_id)).toMatchObject({
          status: 'retrying',
          last_error: expect.stringContaining('500'),
        })
        answer = 200
        await t.ctx.db
          .updateTable('outbox_messages')
          .set({ next_attempt_at: '2000-01-01T00:00:00.000Z' })
          .where('message_id', '=', m.message_id)
          .execute()
        await dispatchDue(t.ctx, hook)
        expect(await loadMessage(t.ctx.db, m.message_id)).toMatchObject({
          status: 'sent',
          external_id: 'gw-77',
          delivered_at: null,
        })
        expect(received.at(-1)?.signature).toMatch(/^sha256=[0-9a-f]{64}$/)
        expect(JSON.parse(received.at(-1)!.body)).toMatchObject({
          message_id: 'om_hook',
          channel: 'sms',
        })
        const receipt = await recordReceipt(t.ctx, m.message_id, { status: 'delivered' })
        expect(receipt).toMatchObject({ status: 'delivered', delivered_at: expect.any(String) })
      } finally {
        server.close()
      }
    },
  )

  it.skipIf(!store.available)(
    'checks a representative’s materials against the standard before anyone may verify them',
    withApp(async (app) => {
      const agent = as(app, await login(app, 'agent'))
      const handler = as(app, await login(app, 'handler'))
      const reg = await agent({
        method: 'POST',
        url: '/api/representatives',
        payload: {
          customer_id: 'C4',
          contact_id: 'A4',
          kind: 'lawyer',
          name: '周律师',
          phone: '13811112222',
          organization: '浙江某某律师事务所',
          materials: [{ item: 'practising_certificate', sha256: 'a'.repeat(64) }],
        },
      })
      expect(reg.statusCode, reg.body).toBe(201)
      const rep = reg.json()
      expect(rep).toMatchObject({
        status: 'pending',
        name: '周**',
        phone_identifier: 'phone:138****2222',
      })
      expect(rep.check.items.map((i: any) => [i.item, i.status])).toEqual([
        ['practising_certificate', 'present'],
        ['firm_letter', 'missing'],
        ['signed_authorisation', 'missing'],
      ])
      expect(
        (
          await agent({
            method: 'POST',
            url: `/api/representatives/${rep.representative_id}/review`,
            payload: { status: 'verified', reason: '材料齐全' },
          })
        ).statusCode,
      ).toBe(403)
      const early = await handler({
        method: 'POST',
        url: `/api/representatives/${rep.representative_id}/review`,
        payload: { status: 'verified', reason: '材料齐全' },
      })
      expect(early.statusCode).toBe(400)
      expect(early.json().errors[0]).toMatchObject({
        field: 'status',
        message: expect.stringContaining('firm_letter (missing)'),
      })

      await agent({
        method: 'POST',
        url: `/api/representatives/${rep.representative_id}/materials`,
        payload: {
          materials: [
            { item: 'firm_letter', sha256: 'b'.repeat(64) },
            { item: 'signed_authorisation', sha256: 'c'.repeat(64) },
          ],
        },
      })
      const ok = await handler({
        method: 'POST',
        url: `/api/representatives/${rep.representative_id}/review`,
        payload: { status: 'verified', reason: '执业证、律所函与授权书已核对' },
      })
      expect(ok.statusCode, ok.body).toBe(200)
      expect(ok.json()).toMatchObject({
        status: 'verified',
        reviewed_by: 'handler',
        status_reason: '执业证、律所函与授权书已核对',
      })
      expect(ok.json().reviews).toHaveLength(1)

      // The same authorisation file turning up for another customer makes it suspicious there.
      const other = (
        await agent({
          method: 'POST',
          url: '/api/representatives',
          payload: {
            customer_id: 'C5',
            kind: 'lawyer',
            name: '周律师',
            materials: [{ item: 'signed_authorisation', sha256: 'c'.repeat(64) }],
          },
        })
      ).json()
      expect(other.check.items.find((i: any) => i.item === 'signed_authorisation').status).toBe(
        'suspicious',
      )
    }),
  )
})

function message(id: string, now: string): OutboxMessage {
  return {
    message_id: id,
    task_id: null,
    channel: 'sms',
    customer_id: 'C1',
    recipient: '+8613900001000',
    body: '测试消息',
    status: 'pending',
    attempts: 0,
    adapter: null,
    external_id: null,
    last_error: null,
    next_attempt_at: now,
    created_at: now,
    updated_at: now,
    delivered_at: null,
  }
}
