// The TAXII 2.1 server on both stores: discovery and API roots per peer (its groups, and its own
// for joint cases), collections, objects with
// added_after / limit / next and match filters, manifest, versions, POST with a status resource,
// the exact media type, TAXII error bodies and the Accept check.
import { randomBytes } from 'node:crypto'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { AuditLog } from '../../src/audit/index.js'
import type { Context } from '../../src/context.js'
import { registerSharing } from '../../src/server/sharing-setup.js'
import { confirmIndicator } from '../../src/sharing/confirmation.service.js'
import { publishConfirmed } from '../../src/sharing/publish.service.js'
import { createPeer } from '../../src/sharing/sharing-peers.js'
import { randomStixId } from '../../src/sharing/stix/stix-id.js'
import { sightingObject } from '../../src/sharing/stix/stix-objects.js'
import { StixValidator } from '../../src/sharing/stix/stix-validator.js'
import { TAXII_MEDIA } from '../../src/taxii/taxii-media.js'
import { localTokeniser } from './sharing-support.js'
import { testStores, useStore } from './stores.js'

const NOW = new Date('2026-05-20T08:00:00Z')
const author = { identityId: randomStixId('identity'), name: 'Lender B' }

async function serve(base: Context) {
  const ctx = { ...base, clock: { now: () => NOW } }
  const app = Fastify().withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const audit = new AuditLog(ctx)
  registerSharing(app, { ctx, audit }, randomBytes(32), { installation: 'Lender B' })
  await app.ready()
  const east = (await createPeer(ctx, { peer_id: 'lender-a', name: 'A', groups: ['east'] })).token
  const west = (await createPeer(ctx, { peer_id: 'lender-w', name: 'W', groups: ['west'] })).token
  const get = (url: string, token = east, accept = TAXII_MEDIA) =>
    app.inject({ method: 'GET', url, headers: { accept, authorization: `Bearer ${token}` } })
  return { ctx, app, audit, east, west, get, close: () => app.close().then(() => audit.close()) }
}

async function publish(ctx: Context, audit: AuditLog, phones: string[], scope: 'east' | 'own') {
  for (const value of phones)
    await confirmIndicator(ctx, audit, {
      kind: 'phone',
      value,
      standard_of_proof: 'case',
      confirmed_by: 'investigator',
      distribution: scope === 'own' ? { scope: 'own' } : { scope: 'group', group: 'east' },
      valid_until: '2099-01-01T00:00:00Z',
    })
  return publishConfirmed({
    ctx,
    tokeniser: localTokeniser(),
    validator: new StixValidator(),
    author,
    consortium: 'cfc-east',
  })
}

const OBJECTS = '/taxii2/group-east/collections/collection-group-east/objects/'

describe.each(testStores)('TAXII 2.1 server ($kind)', (s) => {
  const t = useStore(s)

  it.skipIf(!s.available)('shows a peer only the API roots of its groups', async () => {
    const svc = await serve(t.ctx)
    try {
      const d = await svc.get('/taxii2/')
      expect(d.statusCode).toBe(200)
      expect(d.headers['content-type']).toBe(TAXII_MEDIA)
      expect(d.json().api_roots).toEqual([
        expect.stringMatching(/\/taxii2\/consortium\/$/),
        expect.stringMatching(/\/taxii2\/group-east\/$/),
        expect.stringMatching(/\/taxii2\/peer-lender-a\/$/),
      ])
      expect((await svc.get('/taxii2/peer-lender-a/', svc.west)).statusCode).toBe(404)
      expect((await svc.get('/taxii2/group-east/')).json().versions).toEqual([TAXII_MEDIA])
      const hidden = await svc.get('/taxii2/group-east/', svc.west)
      expect(hidden.statusCode).toBe(404)
      expect(hidden.json()).toMatchObject({ title: 'Not found', http_status: '404' })
      const collections = (await svc.get('/taxii2/group-east/collections/')).json()
      expect(collections.collections[0]).toMatchObject({
        id: 'collection-group-east',
        can_read: true,
        media_types: ['application/stix+json;version=2.1'],
      })
    } finally {
      await svc.close()
    }
  })

  it.skipIf(!s.available)('refuses a wrong Accept with 406 and no token with 401', async () => {
    const svc = await serve(t.ctx)
    try {
      const r = await svc.get('/taxii2/', svc.east, 'application/json')
      expect(r.statusCode).toBe(406)
      expect(r.headers['content-type']).toBe(TAXII_MEDIA)
      expect(r.json()).toMatchObject({ title: 'Not acceptable', http_status: '406' })
      const anon = await svc.get('/taxii2/', 'gls_nobody')
      expect(anon.statusCode).toBe(401)
      expect(anon.json().http_status).toBe('401')
    } finally {
      await svc.close()
    }
  })

  it.skipIf(!s.available)('pages objects with limit and next, and filters by match', async () => {
    const svc = await serve(t.ctx)
    try {
      await publish(svc.ctx, svc.audit, ['19912340001', '19912340002', '19912340003'], 'east')
      await publish(svc.ctx, svc.audit, ['19912349999'], 'own')
      const seen: string[] = []
      let url = `${OBJECTS}?limit=4`
      for (;;) {
        const r = await svc.get(url)
        expect(r.statusCode).toBe(200)
        expect(r.headers['x-taxii-date-added-first']).toBeDefined()
        const body = r.json()
        seen.push(...body.objects.map((o: { id: string }) => o.id))
        if (!body.more) break
        url = `${OBJECTS}?limit=4&next=${body.next}`
      }
      // identity, extension-definition, TLP marking; and an indicator + token per phone.
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen).toHaveLength(3 + 3 * 2)
      const indicators = (await svc.get(`${OBJECTS}?match[type]=indicator`)).json().objects
      expect(indicators).toHaveLength(3)
      const one = indicators[0].id as string
      const byId = (await svc.get(`${OBJECTS}?match[id]=${one}`)).json().objects
      expect(byId.map((o: { id: string }) => o.id)).toEqual([one])
      expect((await svc.get(`${OBJECTS}?match[spec_version]=2.0`)).json()).toEqual({ more: false })
      const later = await svc.get(`${OBJECTS}?added_after=${NOW.toISOString()}`)
      expect(later.json()).toEqual({ more: false })
      const all = JSON.stringify(seen) + (await svc.get(OBJECTS)).body
      expect(all).not.toContain('19912349999')
      const manifest = (await svc.get(OBJECTS.replace('objects/', 'manifest/'))).json()
      expect(manifest.objects[0]).toMatchObject({ media_type: 'application/stix+json;version=2.1' })
      const versions = (await svc.get(`${OBJECTS}${one}/versions/`)).json()
      expect(versions.versions).toEqual([NOW.toISOString()])
      expect((await svc.get(`${OBJECTS}${one}/`)).json().objects[0].id).toBe(one)
      expect(
        (await svc.get(`${OBJECTS}indicator--00000000-0000-4000-8000-000000000000/`)).statusCode,
      ).toBe(404)
    } finally {
      await svc.close()
    }
  })

  it.skipIf(!s.available)(
    'takes sightings by POST with a status, and refuses indicators',
    async () => {
      const svc = await serve(t.ctx)
      try {
        const peerAuthor = { identityId: randomStixId('identity'), name: 'Lender A' }
        const sighting = sightingObject(peerAuthor, {
          indicatorId: randomStixId('indicator'),
          count: 1,
          at: NOW.toISOString(),
          tlp: 'amber',
          outcome: 'hit',
        })
        const indicator = { ...sighting, type: 'indicator', id: randomStixId('indicator') }
        const post = (contentType: string) =>
          svc.app.inject({
            method: 'POST',
            url: OBJECTS,
            headers: {
              accept: TAXII_MEDIA,
              'content-type': contentType,
              authorization: `Bearer ${svc.east}`,
            },
            payload: JSON.stringify({ objects: [sighting, indicator] }),
          })
        expect((await post('application/json')).statusCode).toBe(415)
        const r = await post(TAXII_MEDIA)
        expect(r.statusCode).toBe(202)
        const status = r.json()
        expect(status).toMatchObject({
          status: 'complete',
          total_count: 2,
          success_count: 1,
          failure_count: 1,
        })
        expect(status.failures[0].message).toMatch(/may not post indicator/)
        const again = (await svc.get(`/taxii2/group-east/status/${status.id}/`)).json()
        expect(again.id).toBe(status.id)
        expect(
          (await svc.get(`/taxii2/group-east/status/${status.id}/`, svc.west)).statusCode,
        ).toBe(404)
        // Feedback is not republished as it came: the collection does not show A's sighting.
        expect((await svc.get(`${OBJECTS}?match[type]=sighting`)).json()).toEqual({ more: false })
      } finally {
        await svc.close()
      }
    },
  )
})
