// The case API as the team uses it: open a case from a flagged contact, move it with reasons,
// upload evidence and read it back on the chain of custody, link victim reports — with roles,
// masking and problem+json errors naming the field.
import { describe, expect, it } from 'vitest'
import { AGENT_PHONE, as, login, openApi } from './api-fixture.js'
import { testStores, useStore } from './stores.js'

const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(32, 3)])

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----grayline-test'
  const parts = [
    ...Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    ),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ]
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  }
}

describe.each(testStores)('case API on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)(
    'opens, moves and documents a case; roles and errors as everywhere',
    async () => {
      process.env.GRAYLINE_EVIDENCE_DIR = `${t.dir}/evidence`
      const app = await openApi(t.ctx, t.dir)
      try {
        const inv = as(app, await login(app, 'investigator'))
        const agent = as(app, await login(app, 'agent'))
        expect((await agent({ method: 'GET', url: '/api/cases' })).statusCode).toBe(403)

        const opened = await inv({
          method: 'POST',
          url: '/api/cases',
          payload: { origin: 'contact', ref: 'A1' },
        })
        expect(opened.statusCode).toBe(201)
        const id = opened.json().case_id as string
        expect(id).toMatch(/^GL-\d{8}-[A-Z2-9]{5}$/)

        const bad = await inv({
          method: 'POST',
          url: `/api/cases/${id}/transitions`,
          payload: { to: 'filed', reason: '跳过' },
        })
        expect(bad.statusCode).toBe(409)
        expect(bad.headers['content-type']).toContain('application/problem+json')
        expect(bad.json().errors).toEqual([
          { field: 'to', message: expect.stringContaining('lead to filed') },
        ])
        const noReason = await inv({
          method: 'POST',
          url: `/api/cases/${id}/transitions`,
          payload: { to: 'investigating' },
        })
        expect(noReason.statusCode).toBe(400)
        expect(noReason.json().errors[0].field).toBe('reason')
        const moved = await inv({
          method: 'POST',
          url: `/api/cases/${id}/transitions`,
          payload: { to: 'investigating', reason: '四名客户同一代理号码' },
        })
        expect(moved.json().state).toBe('investigating')

        const upload = await inv({
          method: 'POST',
          url: `/api/cases/${id}/evidence`,
          ...multipart(
            { kind: 'screenshot', description: '代理群聊截图' },
            { name: '群聊.png', bytes: PNG },
          ),
        })
        expect(upload.statusCode).toBe(201)
        const evidenceId = upload.json().evidence_id as string
        const wrongType = await inv({
          method: 'POST',
          url: `/api/cases/${id}/evidence`,
          ...multipart({ kind: 'recording' }, { name: 'x.png', bytes: PNG }),
        })
        expect(wrongType.statusCode).toBe(400)
        expect(wrongType.json().errors[0].field).toBe('kind')

        const content = await inv({
          method: 'GET',
          url: `/api/evidence/${evidenceId}/content?purpose=${encodeURIComponent('制作报案材料')}`,
        })
        expect(content.statusCode).toBe(200)
        expect(content.rawPayload.equals(PNG)).toBe(true)

        const file = await inv({ method: 'GET', url: `/api/cases/${id}` })
        const body = file.body
        expect(body).not.toContain(AGENT_PHONE)
        expect(body).not.toContain('王建国')
        const json = file.json()
        expect(json.members.customers.map((c: { name: string }) => c.name)).toContain('王**')
        expect(json.evidence[0].custody.map((l: { action: string }) => l.action)).toEqual([
          'added',
          'viewed',
        ])
        expect(json.timeline.map((e: { kind: string }) => e.kind)).toEqual(
          expect.arrayContaining(['opened', 'transition', 'evidence_added']),
        )

        const verify = await as(
          app,
          await login(app, 'auditor'),
        )({ method: 'GET', url: '/api/evidence/verify' })
        expect(verify.json()).toMatchObject({ ok: true, items: 1 })

        const pdf = await inv({ method: 'GET', url: `/api/cases/${id}/dossier.pdf` })
        expect(pdf.statusCode).toBe(200)
        expect(pdf.headers['content-type']).toBe('application/pdf')
        expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
        const zip = await inv({ method: 'GET', url: `/api/cases/${id}/dossier.zip` })
        expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK')
        const handler = as(app, await login(app, 'handler'))
        expect(
          (await handler({ method: 'GET', url: `/api/cases/${id}/dossier.pdf` })).statusCode,
        ).toBe(403)
        const svg = await handler({ method: 'GET', url: `/api/cases/${id}/graph.svg` })
        expect(svg.body).toMatch(/^<svg/)
        expect(svg.body).toContain('<circle')

        const reports = await inv({ method: 'GET', url: '/api/victim-reports' })
        expect(reports.json().reply_template['zh-CN']).toContain('从不通过任何第三方')
      } finally {
        await app.close()
        delete process.env.GRAYLINE_EVIDENCE_DIR
      }
    },
  )
})
