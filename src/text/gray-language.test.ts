import { describe, expect, it } from 'vitest'
import {
  buildBorrower,
  fillLetter,
  GENUINE_LETTERS,
  POWER_OF_ATTORNEY_LETTER,
  STOP_INTEREST_LETTER,
} from './complaint-letters.fixture.js'
import { grayLanguage } from './gray-language.js'

const phrases = (text: string, demands?: string[]) =>
  grayLanguage(text, demands).hits.map((h) => h.phrase)

describe('grayLanguage', () => {
  it('finds agency phrasing, demands and threats in a power-of-attorney letter and scores it high', () => {
    const result = grayLanguage(fillLetter(POWER_OF_ATTORNEY_LETTER, buildBorrower(1)))
    expect(result.hits.map((h) => h.phrase)).toEqual(
      expect.arrayContaining([
        '全权委托',
        '勿再联系借款人本人',
        '请与代理人联系',
        '12378',
        '违规放贷',
      ]),
    )
    expect(result.hits.find((h) => h.phrase === '全权委托')?.category).toBe('agency')
    expect(result.score).toBeGreaterThan(0.8)
  })

  it('finds the demands agencies sell in a stop-interest letter', () => {
    expect(phrases(fillLetter(STOP_INTEREST_LETTER, buildBorrower(2)))).toEqual(
      expect.arrayContaining([
        '停息挂账',
        '只还本金',
        '砍头息',
        '超过法定利率',
        '向金融监管总局投诉',
      ]),
    )
  })

  it('scores a plain wish to negotiate repayment low', () => {
    const result = grayLanguage('我想协商还款')
    expect(result.hits).toEqual([{ phrase: '协商还款', category: 'demand', weight: 0.03 }])
    expect(result.score).toBeLessThan(0.1)
  })

  it('scores genuine letters and a bad-collection victim low', () => {
    for (const letter of GENUINE_LETTERS) expect(grayLanguage(letter).score).toBeLessThan(0.2)
    expect(grayLanguage('催收一天打几十个电话,这是暴力催收,我已经报警了').score).toBeLessThan(0.3)
  })

  it('counts a phrase spelled as a variant once, under its main spelling', () => {
    expect(phrases('要求停息挂帐,停息挂账,仅还本金')).toEqual(['停息挂账', '只还本金'])
  })

  it('skips negated threats and words that only contain a phrase', () => {
    expect(phrases('我不会起诉你们,也没有报警')).toEqual([])
    expect(phrases('我收到了贵司的起诉书,贵司法务部也来了电话')).toEqual([])
  })

  it('adds the recorded demands of the contact', () => {
    expect(phrases('请尽快处理', ['停息挂账', '删除征信'])).toEqual(['停息挂账', '删除征信'])
  })

  it('gives more hits a higher score with diminishing returns, staying below 1', () => {
    const one = grayLanguage('要求停息挂账').score
    const two = grayLanguage('要求停息挂账,全额退息').score
    const many = grayLanguage(
      '停息挂账,全额退息,只还本金,征信修复,删除征信,全权委托,请与代理人联系,债务优化,反催收',
    ).score
    expect(two).toBeGreaterThan(one)
    expect(two).toBeLessThan(one * 2)
    expect(many).toBeLessThan(1)
  })
})
