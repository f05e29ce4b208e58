// Feedback on shared indicators, on both stores: a match is reported back as a hit, or as a false
// positive once every reviewed contact carrying it was found genuine; the publisher counts what
// peers posted by distinct institution and republishes one sighting per indicator and outcome.
import { describe, expect, it } from 'vitest'
import { assessFiles, loadRuleSet } from '../../src/detect/index.js'
import type { MatchWithSources } from '../../src/detect/shared-indicators.js'
import { querySharedMatches } from '../../src/detect/shared-indicators.js'
import { publishAggregatedSightings } from '../../src/sharing/sighting-aggregate.service.js'
import { randomStixId } from '../../src/sharing/stix/stix-id.js'
import { indicatorObjects, sightingObject } from '../../src/sharing/stix/stix-objects.js'
import { StixValidator } from '../../src/sharing/stix/stix-validator.js'
import { storeObjects } from '../../src/sharing/publish.service.js'
import { recordAcceptedSightings, sightingsToReport } from '../../src/taxii/sighting-report.js'
import { contacts, customers } from './api-fixture.js'
import { writeJsonl } from './builders.js'
import { testStores, useStore } from './stores.js'

const AGENT = 'phone:+8619912345678'
const at = '2026-05-20T08:00:00.000Z'
const me = { identityId: randomStixId('identity'), name: 'Lender A' }

function matchOf(indicatorId: string): Map<string, MatchWithSources> {
  const source = 'lender-b/group-east/collection-group-east'
  return new Map([
    [
      AGENT,
      {
        identifier: AGENT,
        indicatorIds: [indicatorId],
        seenAt: 1,
        falsePositives: 0,
        tlp: 'amber',
        indicators: [{ stixId: indicatorId, source, tlp: 'amber' }],
      },
    ],
  ])
}

describe.each(testStores)('sighting feedback ($kind)', (s) => {
  const t = useStore(s)

  it.skipIf(!s.available)('reports a hit, then a false positive once found genuine', async () => {
    const ctx = { ...t.ctx, clock: { now: () => new Date(at) } }
    await assessFiles(ctx, {
      rules: loadRuleSet(),
      customers: writeJsonl(t.dir, 'customers.jsonl', customers),
      contacts: writeJsonl(t.dir, 'contacts.jsonl', contacts),
    })
    const outcome = async () => {
      const targets = await sightingsToReport(ctx, me, 'lender-b', matchOf('indicator--1'))
      const [target] = [...targets.values()]
      expect(target?.root).toBe('group-east')
      return target?.objects.map((o) => o.description)
    }
    expect(await outcome()).toEqual(['hit'])
    await ctx.db
      .insertInto('contact_reviews')
      .values(
        ['A1', 'A2'].map((id) => ({
          review_id: `r-${id}`,
          contact_id: id,
          decision: 'genuine',
          note: null,
          reviewed_by: 'handler',
          reviewed_at: at,
        })),
      )
      .execute()
    expect(await outcome()).toEqual(['false_positive'])
  })

  it.skipIf(!s.available)('counts posted hits by distinct institution', async () => {
    const ctx = { ...t.ctx, clock: { now: () => new Date(at) } }
    const validator = new StixValidator()
    const publisher = { identityId: randomStixId('identity'), name: 'Lender B' }
    const [indicator] = indicatorObjects(publisher, {
      kind: 'sha256',
      value: 'ab'.repeat(32),
      epoch: null,
      consortium: 'cfc-east',
      collection: 'group-east',
      tlp: 'amber',
      validFrom: at,
      validUntil: '2099-01-01T00:00:00.000Z',
      at,
      description: 'confirmed (case)',
    })
    await storeObjects({ ctx, validator }, 'group-east', [indicator!], at)
    const post = (peer: string, n: number) =>
      ctx.db
        .insertInto('taxii_inbound')
        .values({
          peer_id: peer,
          api_root: 'group-east',
          object_id: randomStixId('sighting'),
          version: at,
          object_type: 'sighting',
          object: JSON.stringify(
            sightingObject(me, {
              indicatorId: indicator!.id,
              count: n,
              at,
              tlp: 'amber',
              outcome: 'hit',
            }),
          ),
          received_at: at,
        })
        .execute()
    await post('lender-a', 1)
    await post('lender-a', 1)
    await post('lender-c', 1)
    expect(await publishAggregatedSightings({ ctx, validator, author: publisher })).toEqual({
      published: 1,
    })
    const rows = await ctx.db
      .selectFrom('taxii_objects')
      .select('object')
      .where('object_type', '=', 'sighting')
      .execute()
    const sighting = JSON.parse(rows[0]!.object) as { count: number; created_by_ref: string }
    expect(sighting.count).toBe(2)
    expect(sighting.created_by_ref).toBe(publisher.identityId)
    // Nothing new to say: a second run publishes nothing.
    expect(await publishAggregatedSightings({ ctx, validator, author: publisher })).toEqual({
      published: 0,
    })
  })

  it.skipIf(!s.available)(
    "counts another institution's hit before this one's own hit has round-tripped",
    async () => {
      const ctx = { ...t.ctx, clock: { now: () => new Date(at) } }
      const token = 'oprf-r255:' + 'cd'.repeat(32)
      await ctx.db
        .insertInto('identifier_tokens')
        .values({ epoch: '2026-05', identifier: AGENT, token })
        .execute()
      await ctx.db
        .insertInto('shared_indicators')
        .values({
          stix_id: 'indicator--b1',
          value: token,
          kind: 'phone',
          epoch: '2026-05',
          tlp: 'amber',
          source: 'lender-b/group-east/collection-group-east',
          scope: 'group:east',
          valid_until: '2099-01-01T00:00:00.000Z',
          revoked: 0,
          pulled_at: at,
        })
        .execute()
      // B's aggregate says one institution hit: lender C. This one (A) has reported nothing yet.
      const aggregate = (count: number, seenAt: string) =>
        ctx.db
          .insertInto('shared_sightings')
          .values({
            sighting_id: 'sighting--b1-hit',
            indicator_id: 'indicator--b1',
            outcome: 'hit',
            count,
            source: 'lender-b/group-east/collection-group-east',
            seen_at: seenAt,
          })
          .onConflict((oc) => oc.column('sighting_id').doUpdateSet({ count, seen_at: seenAt }))
          .execute()
      const seenAt = async () => (await querySharedMatches(ctx)).get(AGENT)?.seenAt
      await aggregate(1, '2026-05-19T00:00:00.000Z')
      expect(await seenAt()).toBe(2) // B, which published it, and C
      // A reports its hit; B accepts it after its last count: still B and C.
      const mine = sightingObject(me, {
        indicatorId: 'indicator--b1',
        count: 1,
        at,
        tlp: 'amber',
        outcome: 'hit',
      })
      const status = {
        id: 'status-1',
        status: 'complete' as const,
        request_timestamp: '2026-05-20T09:00:00.000Z',
        total_count: 1,
        success_count: 1,
        successes: [{ id: mine.id, version: at }],
        failure_count: 0,
        failures: [],
        pending_count: 0,
        pendings: [],
      }
      await recordAcceptedSightings(ctx, 'lender-b', [mine], status)
      expect(await seenAt()).toBe(2)
      // B's next count includes A and C: A counts itself out, and sees B and C.
      await aggregate(2, '2026-05-20T10:00:00.000Z')
      expect(await seenAt()).toBe(2)
      // A hit reported to another remote does not discount B's count.
      await ctx.db.deleteFrom('reported_sightings').execute()
      await recordAcceptedSightings(ctx, 'lender-x', [mine], status)
      expect(await seenAt()).toBe(3)
    },
  )
})
