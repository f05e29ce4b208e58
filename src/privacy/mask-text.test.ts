import { describe, expect, it } from 'vitest'
import { maskPersonalNumbers, maskText } from './mask-text.js'

describe('maskText', () => {
  it('masks the personal numbers of a complaint letter', () => {
    const letter =
      '本人张三，身份证号11010119900307123X，手机+86 138-0013-8000。' +
      '还款卡6222 0212 3456 7890，请联系我的代理人邮箱 daili@163.com 或座机(0755)23456789转8001。'
    expect(maskText(letter, ['张三'])).toBe(
      '本人张*，身份证号110101********123X，手机138****8000。' +
        '还款卡622202******7890，请联系我的代理人邮箱 d***@163.com 或座机075*****6789转8001。',
    )
  })

  it('finds mobiles written every usual way', () => {
    for (const written of [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '+8613800138000',
      '0086 13800138000',
      '１３８００１３８０００',
    ])
      expect(maskText(`电话：${written}。`)).toBe('电话：138****8000。')
  })

  it('finds old 15-digit IDs, landlines without brackets and solid card numbers', () => {
    expect(maskText('旧证110101900307123')).toBe('旧证110101******123')
    expect(maskText('办公室010-62345678')).toBe('办公室010****5678')
    expect(maskText('卡号6217000010001234567')).toBe('卡号621700*********4567')
  })

  it('leaves dates, amounts and short ids alone', () => {
    const text = '2026年3月5日逾期，欠款12,345.67元，合同号HT-2026-0001，工单K10。'
    expect(maskText(text)).toBe(text)
  })

  it('masks every given name wherever it occurs, longest first', () => {
    expect(
      maskText('欧阳娜娜委托欧阳律师，Zhang San 也在场', ['欧阳', '欧阳娜娜', 'zhang san']),
    ).toBe('欧***委托欧*律师，Z*** 也在场')
  })

  it('ignores one-character names and names with regex characters are matched literally', () => {
    expect(maskText('王先生来电', ['王'])).toBe('王先生来电')
    expect(maskText('a.b 与 axb', ['a.b'])).toBe('a*** 与 axb')
  })

  it('is stable on masked text and empty input', () => {
    const masked = maskText('手机13800138000，身份证11010119900307123X，邮箱zs@qq.com', [])
    expect(maskText(masked)).toBe(masked)
    expect(maskText('')).toBe('')
  })
})

describe('maskPersonalNumbers', () => {
  it('masks mobiles and ID numbers only', () => {
    expect(maskPersonalNumbers('13800138000 / 11010119900307123X / zs@qq.com / 2026-03-05')).toBe(
      '138****8000 / 110101********123X / zs@qq.com / 2026-03-05',
    )
  })
})
