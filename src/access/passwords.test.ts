import { describe, expect, it } from 'vitest'
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js'

describe('password hashes', () => {
  it('are scrypt with their parameters and a fresh salt each time', async () => {
    const a = await hashPassword('grayline-demo')
    const b = await hashPassword('grayline-demo')
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(a).not.toBe(b)
  })

  it('verify the right password only', async () => {
    const stored = await hashPassword('正确的密码-2026')
    expect(await verifyPassword('正确的密码-2026', stored)).toBe(true)
    expect(await verifyPassword('正确的密码-2025', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('refuse malformed or tampered hashes instead of throwing', async () => {
    const stored = await hashPassword('grayline-demo')
    const parts = stored.split('$')
    const withN = (n: string) => [parts[0], n, ...parts.slice(2)].join('$')
    for (const bad of [
      '',
      'plain-text-password',
      'bcrypt$10$abc',
      withN('16385'),
      withN('4294967296'),
      [...parts.slice(0, 5), 'c2hvcnQ='].join('$'),
    ])
      expect(await verifyPassword('grayline-demo', bad)).toBe(false)
  })
})

describe('passwordProblem', () => {
  it('asks for 10 to 200 characters, not all spaces', () => {
    expect(passwordProblem('grayline-demo')).toBeNull()
    expect(passwordProblem('反催收专项组密码一二三')).toBeNull()
    expect(passwordProblem('short')).toMatch(/at least 10/)
    expect(passwordProblem('')).toMatch(/at least 10/)
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/)
    expect(passwordProblem(' '.repeat(12))).toMatch(/spaces/)
  })
})
