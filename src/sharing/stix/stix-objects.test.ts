import { describe, expect, it } from 'vitest'
import {
  groupingObject,
  identityObject,
  indicatorObjects,
  indicatorValueOf,
  noteObject,
  sightingObject,
  tokenExtensionDefinition,
} from './stix-objects.js'
import { randomStixId } from './stix-id.js'
import { StixValidator } from './stix-validator.js'
import { tlpMarking, tlpOf } from './tlp.js'

const author = { identityId: randomStixId('identity'), name: 'Lender B' }
const at = '2026-05-20T08:00:00.000Z'
const TOKEN = `oprf-r255:${'ab'.repeat(32)}`
const base = {
  consortium: 'cfc-east',
  collection: 'group:east',
  tlp: 'amber' as const,
  validFrom: at,
  validUntil: '2026-08-20T08:00:00.000Z',
  at,
  description: 'confirmed by investigation',
}

describe('STIX 2.1 objects', () => {
  const validator = new StixValidator()
  const [indicator, token] = indicatorObjects(author, {
    ...base,
    kind: 'phone',
    value: TOKEN,
    epoch: '2026-05',
  })
  const [fileIndicator] = indicatorObjects(author, {
    ...base,
    kind: 'sha256',
    value: 'cd'.repeat(32),
    epoch: null,
  })
  const objects = [
    identityObject(author, at),
    tokenExtensionDefinition(author, at),
    indicator!,
    token!,
    fileIndicator!,
    sightingObject(author, {
      indicatorId: indicator!.id,
      count: 3,
      at,
      tlp: 'amber',
      outcome: 'hit',
    }),
    groupingObject(author, { name: 'gang 7', refs: [indicator!.id], at, tlp: 'amber' }),
    noteObject(author, { content: 'filed by police', refs: [indicator!.id], at, tlp: 'amber' }),
    tlpMarking('amber'),
  ]

  it('validate against the OASIS STIX 2.1 schemas', () => {
    expect(validator.validate(objects)).toEqual([])
  })

  it('carry a TLP marking and their author on every object but the marking itself', () => {
    for (const o of objects.filter((o) => o.type !== 'marking-definition')) {
      expect(tlpOf(o.object_marking_refs as string[]), o.type).not.toBeNull()
      if (o.type !== 'grayline-token') expect(o.created_by_ref, o.type).toBe(author.identityId)
    }
    expect(indicator!.valid_until).toBe('2026-08-20T08:00:00.000Z')
  })

  it('are refused by the schemas when malformed', () => {
    const broken = { ...indicator!, pattern_type: undefined, id: 'indicator--not-a-uuid' }
    const problems = validator.validate([broken])
    expect(problems).toHaveLength(1)
    expect(problems[0]!.errors.join()).toMatch(/pattern_type|pattern/)
  })

  it('give back the token or hash an indicator carries', () => {
    expect(indicatorValueOf(indicator!.pattern as string)).toEqual({ kind: 'token', value: TOKEN })
    expect(indicatorValueOf(fileIndicator!.pattern as string)).toEqual({
      kind: 'sha256',
      value: `sha256:${'cd'.repeat(32)}`,
    })
  })
})
