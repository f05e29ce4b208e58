import { describe, expect, it } from 'vitest'
import { recordKindNames } from '../intake/index.js'
import { importKinds } from './vocabulary.js'

describe('vocabulary', () => {
  it('names the same importable kinds as the intake that reads them', () => {
    expect([...importKinds]).toEqual([...recordKindNames])
  })
})
