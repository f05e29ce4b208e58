import { describe, expect, it } from 'vitest'
import { phoneIdentifier } from '../links/identifier.js'
import { SharingAllowlist } from './allowlist.js'

const id = (raw: string) => phoneIdentifier(raw)!.identifier

describe('sharing allowlist', () => {
  const allowlist = new SharingAllowlist(new Map([[id('021-62345678'), 'lender switchboard']]))

  it('holds emergency, regulator and bank hotlines, 400/800 lines and the operator list', () => {
    for (const n of ['110', '12315', '12378', '95588', '95017', '4008123123', '8008101234'])
      expect(allowlist.has(id(n)), n).toBe(true)
    expect(allowlist.check(id('021-62345678')).reason).toBe('lender switchboard')
  })

  it('does not hold an ordinary mobile', () => {
    expect(allowlist.has(id('13912345678'))).toBe(false)
  })
})
