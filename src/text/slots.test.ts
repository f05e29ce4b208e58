import { describe, expect, it } from 'vitest'
import { maskSlots } from './slots.js'

describe('maskSlots', () => {
  it('masks PRC ID numbers, mobile and landline phones, bank cards and loan numbers', () => {
    const text =
      '身份证号110101199003071234,手机13812345678,座机010-12345678,卡号6222021234567890123,合同编号HT20240305001'
    expect(maskSlots(text)).toBe('身份证号{ID},手机{PHONE},座机{PHONE},卡号{CARD},合同编号{NO}')
  })

  it('masks amounts written with digits, separators, currency and Chinese numerals', () => {
    expect(maskSlots('借款12,345.67元,到手5万元,月供人民币3000元,共二万元整')).toBe(
      '借款{AMOUNT},到手{AMOUNT},月供{AMOUNT},共{AMOUNT}',
    )
  })

  it('leaves 千万 alone when it is not an amount', () => {
    expect(maskSlots('千万不要再打电话了')).toBe('千万不要再打电话了')
  })

  it('masks dates and times in the usual spellings', () => {
    expect(maskSlots('2024年3月5日借款,2023-11-20还款,3月5日下午3点20分来电,14:30又打')).toBe(
      '{DATE}借款,{DATE}还款,{DATE}{TIME}来电,{TIME}又打',
    )
    expect(maskSlots('二〇二四年三月五日')).toBe('{DATE}')
  })

  it('masks names after cues such as 本人, 我叫, 借款人 and 姓名', () => {
    expect(maskSlots('本人张伟,我叫李小红,借款人王秀英于去年借款,姓名:欧阳娜娜。')).toBe(
      '本人{NAME},我叫{NAME},借款人{NAME}于去年借款,姓名:{NAME}。',
    )
  })

  it('does not take ordinary words after 本人 for a name', () => {
    expect(maskSlots('本人因疫情失业,本人高度重视,本人于近日收到短信')).toBe(
      '本人因疫情失业,本人高度重视,本人于近日收到短信',
    )
  })

  it('masks product names after 在贵司 and 通过', () => {
    expect(maskSlots('在贵司安逸花平台申请借款,通过借呗借款')).toBe(
      '在贵司{PRODUCT}平台申请借款,通过{PRODUCT}借款',
    )
    expect(maskSlots('在贵司名下借款')).toBe('在贵司名下借款')
  })

  it('turns two copies of a letter for different borrowers into the same text', () => {
    const copy = (name: string, id: string, amount: string, date: string) =>
      `本人${name},身份证号${id},于${date}借款${amount},现要求停息挂账。`
    expect(maskSlots(copy('张伟', '110101199003071234', '5万元', '2024年3月5日'))).toBe(
      maskSlots(copy('陈静', '44030519850612345X', '12,000元', '2023-01-09')),
    )
  })
})
