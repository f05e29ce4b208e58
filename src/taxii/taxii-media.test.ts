import { describe, expect, it } from 'vitest'
import { acceptsTaxii, isTaxiiContentType, TaxiiError } from './taxii-media.js'
import { parseTaxiiQuery } from './taxii-query.js'

describe('TAXII media types', () => {
  it('accepts TAXII 2.1, with or without the version, among other types', () => {
    expect(acceptsTaxii('application/taxii+json;version=2.1')).toBe(true)
    expect(acceptsTaxii('application/json, application/taxii+json; version=2.1')).toBe(true)
    expect(acceptsTaxii('application/taxii+json')).toBe(true)
  })

  it('refuses another version, plain JSON, STIX and nothing', () => {
    expect(acceptsTaxii('application/taxii+json;version=2.0')).toBe(false)
    expect(acceptsTaxii('application/json')).toBe(false)
    expect(acceptsTaxii('application/stix+json;version=2.1')).toBe(false)
    expect(acceptsTaxii(undefined)).toBe(false)
    expect(isTaxiiContentType('application/json')).toBe(false)
  })
})

describe('TAXII query', () => {
  it('reads match filters as lists and defaults to the last version', () => {
    const q = parseTaxiiQuery({ 'match[type]': 'indicator,sighting', limit: '5000' })
    expect(q.types).toEqual(['indicator', 'sighting'])
    expect(q.limit).toBe(1000)
    expect(q.version).toEqual({ kind: 'last' })
  })

  it('answers a bad filter or a forged next with a TAXII 400', () => {
    expect(() => parseTaxiiQuery({ 'match[version]': 'yesterday' })).toThrow(TaxiiError)
    const e = (() => {
      try {
        parseTaxiiQuery({ next: 'not-ours' })
      } catch (err) {
        return err as TaxiiError
      }
    })()
    expect(e?.body()).toMatchObject({ title: 'Bad request', http_status: '400' })
  })
})
