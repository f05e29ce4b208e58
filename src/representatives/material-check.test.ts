import { describe, expect, it } from 'vitest'
import { checkMaterials } from './material-check.js'
import { loadMaterialStandards } from './material-standards.js'

const standards = loadMaterialStandards()
const sha = (c: string) => c.repeat(64)

describe('material checklists', () => {
  it('counts a lawyer complete with the certificate, the firm letter attachment and the signed authorisation', () => {
    const check = checkMaterials(
      standards,
      'lawyer',
      [{ item: 'practising_certificate', sha256: sha('a') }],
      [
        { kind: 'lawyer_letter', sha256: sha('b') },
        { kind: 'poa', sha256: sha('c') },
      ],
      new Set(),
    )
    expect(check.complete).toBe(true)
    expect(check.items.map((i) => [i.item, i.status])).toEqual([
      ['practising_certificate', 'present'],
      ['firm_letter', 'present'],
      ['signed_authorisation', 'present'],
    ])
  })

  it('lists what a relative still owes: proof of relationship cannot come from an ID copy', () => {
    const check = checkMaterials(
      standards,
      'relative',
      [],
      [{ kind: 'id_copy', sha256: sha('d') }],
      new Set(),
    )
    expect(check.complete).toBe(false)
    expect(check.items.filter((i) => i.status === 'missing').map((i) => i.item)).toEqual([
      'relationship_proof',
      'signed_authorisation',
    ])
  })

  it('marks an authorisation already submitted for other customers as suspicious, not present', () => {
    const check = checkMaterials(
      standards,
      'other_agent',
      [{ item: 'notarised_authorisation', sha256: sha('E') }],
      [],
      new Set([sha('e')]),
    )
    expect(check.items[0]).toMatchObject({ status: 'suspicious', files: [sha('e')] })
    expect(check.complete).toBe(false)
  })

  it('does not take a plain power of attorney for the notarised one another representative needs', () => {
    const check = checkMaterials(
      standards,
      'other_agent',
      [],
      [{ kind: 'poa', sha256: sha('f') }],
      new Set(),
    )
    expect(check.items[0]?.status).toBe('missing')
  })
})
