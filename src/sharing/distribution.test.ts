import { describe, expect, it } from 'vitest'
import type { Distribution } from './distribution.js'
import { apiRootOf, mostRestrictive, parseScopeLabel, scopeLabel } from './distribution.js'

const own: Distribution = { scope: 'own' }
const east: Distribution = { scope: 'group', group: 'east' }
const west: Distribution = { scope: 'group', group: 'west' }
const all: Distribution = { scope: 'consortium' }

describe('distribution', () => {
  it('keeps an own-institution indicator out of every API root', () => {
    expect(apiRootOf(own)).toBeNull()
    expect(apiRootOf(mostRestrictive(own, all))).toBeNull()
  })

  it('publishes group and consortium indicators in their own roots', () => {
    expect(apiRootOf(east)).toBe('group-east')
    expect(apiRootOf(all)).toBe('consortium')
  })

  it('across two hops, keeps a group indicator in its group even when re-shared to all', () => {
    // Hop 1: B shares to the east group; A receives it and records the container it came in.
    const received = parseScopeLabel(scopeLabel(mostRestrictive(east)))
    // Hop 2: A asks to share its sighting of it with the whole consortium.
    expect(mostRestrictive(all, received)).toEqual(east)
    expect(apiRootOf(mostRestrictive(all, received))).toBe('group-east')
  })

  it('across two hops, lets two different groups meet nowhere', () => {
    const received = parseScopeLabel(scopeLabel(east))
    expect(mostRestrictive(west, received)).toEqual(own)
  })

  it('across two hops, lets a consortium indicator narrow to a group but never widen', () => {
    const received = parseScopeLabel(scopeLabel(all))
    expect(mostRestrictive(west, received)).toEqual(west)
    expect(mostRestrictive(own, received)).toEqual(own)
  })
})
