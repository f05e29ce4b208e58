import { describe, expect, it } from 'vitest'
import { nameKey, normalizeName, normalizeOrganization } from './name.js'

function orgKey(raw: string): string | undefined {
  return normalizeOrganization(raw)?.key
}

describe('normalizeName', () => {
  it('removes spaces people put between Chinese characters', () => {
    expect(normalizeName('张 三')).toBe('张三')
    expect(normalizeName(' 欧阳　娜娜 ')).toBe('欧阳娜娜')
    expect(normalizeName('李\t小\n龙')).toBe('李小龙')
  })

  it('turns full-width letters into half-width and collapses Latin spacing to one space', () => {
    expect(normalizeName('ＺＨＡＮＧ　Ｓａｎ')).toBe('ZHANG San')
    expect(normalizeName('  John    Smith ')).toBe('John Smith')
  })

  it('writes every middle-dot variant of a transliterated name as ·', () => {
    for (const form of [
      '阿卜杜拉·买买提',
      '阿卜杜拉•买买提',
      '阿卜杜拉・买买提',
      '阿卜杜拉‧买买提',
      '阿卜杜拉 · 买买提',
      '阿卜杜拉･买买提',
    ]) {
      expect(normalizeName(form), form).toBe('阿卜杜拉·买买提')
    }
  })

  it('keeps one space between Chinese and Latin parts', () => {
    expect(normalizeName('张  San')).toBe('张 San')
  })

  it('returns an empty string for empty or blank input', () => {
    expect(normalizeName('')).toBe('')
    expect(normalizeName(' \u3000 ')).toBe('')
  })
})

describe('nameKey', () => {
  it('makes spacing, width, case and the middle dot irrelevant', () => {
    expect(nameKey('张 三')).toBe(nameKey('张三'))
    expect(nameKey('阿卜杜拉 • 买买提')).toBe('阿卜杜拉买买提')
    expect(nameKey('ＪＯＨＮ smith')).toBe('johnsmith')
  })

  it('keeps different people apart', () => {
    expect(nameKey('张三')).not.toBe(nameKey('张山'))
    expect(nameKey('王伟')).not.toBe(nameKey('王玮'))
  })
})

describe('normalizeOrganization', () => {
  it('brings the written variants of one agency to one key', () => {
    const variants = [
      '深圳市信和法务咨询有限公司',
      '信和法务',
      '信和法务咨询（深圳）有限公司',
      '广东信和法务咨询服务有限公司',
      '信和 法务 工作室',
      '广东省深圳市信和企业管理咨询有限公司',
      '信和法务深圳分公司',
      '【信和】法务',
    ]
    const keys = new Set(variants.map(orgKey))
    expect([...keys]).toEqual(['信和'])
  })

  it('keeps agencies with different trade names apart', () => {
    const keys = ['信和法务', '恒信法务', '信达法务'].map(orgKey)
    expect(new Set(keys).size).toBe(3)
  })

  it('strips suffixes repeatedly, but never below two characters', () => {
    expect(orgKey('法务咨询有限公司')).toBe('法务')
    expect(orgKey('深圳市')).toBe('深圳市')
    expect(orgKey('和法务')).toBe('和法务')
  })

  it('keeps 律师 in a law firm’s key so a 法务 agency borrowing the name does not join it', () => {
    expect(orgKey('北京市金杜律师事务所')).toBe('金杜律师')
    expect(orgKey('金杜律师事务所（深圳）')).toBe('金杜律师')
    expect(orgKey('金杜律所深圳分所')).toBe('金杜律师')
    expect(orgKey('金杜法务咨询有限公司')).toBe('金杜')
  })

  it('shows the name cleaned but whole, with half-width brackets', () => {
    expect(normalizeOrganization(' 信和法务咨询（深圳）有限公司 ')).toEqual({
      display: '信和法务咨询(深圳)有限公司',
      key: '信和',
    })
    expect(normalizeOrganization('〔信和〕法务')?.display).toBe('[信和]法务')
  })

  it('lowercases Latin names and drops their punctuation in the key', () => {
    expect(orgKey('XinHe Legal Co., Ltd.')).toBe(orgKey('xinhe legal co ltd'))
  })

  it('returns null when there is no name to key', () => {
    expect(normalizeOrganization('')).toBeNull()
    expect(normalizeOrganization('  ')).toBeNull()
    expect(normalizeOrganization('（）——')).toBeNull()
  })
})
