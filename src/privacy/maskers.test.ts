import { describe, expect, it } from 'vitest'
import {
  maskAddress,
  maskBankCard,
  maskDevice,
  maskEmail,
  maskIdNumber,
  maskIp,
  maskMiddle,
  maskName,
  maskPhone,
  maskWechat,
} from './maskers.js'

describe('maskPhone', () => {
  it.each([
    ['+8613800138000', '138****8000'],
    ['13800138000', '138****8000'],
    ['138 0013 8000', '138****8000'],
    ['+86-138-0013-8000', '138****8000'],
    ['0086 139 1234 5678', '139****5678'],
    ['１３８００１３８０００', '138****8000'],
  ])('shows a Chinese mobile %s nationally with its middle hidden', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked)
  })

  it('shows a landline with its trunk 0 and area code', () => {
    expect(maskPhone('010-62345678')).toBe('010****5678')
    expect(maskPhone('0755-23456789')).toBe('075*****6789')
  })

  it('keeps the calling code of other countries', () => {
    expect(maskPhone('+852 9123 4567')).toBe('+852 912***67')
    expect(maskPhone('+1 202 555 0123')).toBe('+1 202*****23')
  })

  it('keeps at most 3 + 2 digits of short numbers and always hides one', () => {
    expect(maskPhone('95588')).toBe('95*88')
    expect(maskPhone('110')).toBe('1*0')
    expect(maskPhone('7')).toBe('*')
  })

  it('masks what it cannot parse, and leaves empty and masked values alone', () => {
    expect(maskPhone('')).toBe('')
    expect(maskPhone('   ')).toBe('')
    expect(maskPhone('无')).toBe('***')
    expect(maskPhone('12345678901234')).toMatch(/^123\*+1234$/)
    expect(maskPhone('138****8000')).toBe('138****8000')
    expect(maskPhone(maskPhone('+85291234567'))).toBe('+852 912***67')
  })

  it('does not take stars beside a whole number for an earlier masking', () => {
    expect(maskPhone('13800138000*')).toBe('138****8000')
  })
})

describe('maskIdNumber', () => {
  it('keeps the region and the last four of an 18-character ID', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X')
    expect(maskIdNumber('320102198808083145')).toBe('320102********3145')
    expect(maskIdNumber(' 11010119900307123x ')).toBe('110101********123X')
  })

  it('keeps the region and the last three of a 15-digit ID', () => {
    expect(maskIdNumber('110101900307123')).toBe('110101******123')
  })

  it('masks a malformed number harder, and leaves empty and masked ones alone', () => {
    expect(maskIdNumber('1101011990')).toBe('110*****90')
    expect(maskIdNumber('')).toBe('')
    expect(maskIdNumber('110101********123X')).toBe('110101********123X')
  })
})

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['李晓明', '李**'],
    ['欧阳娜娜', '欧***'],
    ['阿卜杜拉·买买提', '阿*******'],
    ['王', '王*'],
    ['Zhang San', 'Z***'],
    [' 陈经理 ', '陈**'],
  ])('%s → %s', (raw, masked) => {
    expect(maskName(raw)).toBe(masked)
  })

  it('is empty for empty input and stable on its own output', () => {
    expect(maskName('')).toBe('')
    expect(maskName('张*')).toBe('张*')
    expect(maskName('Z***')).toBe('Z***')
  })
})

describe('maskAddress', () => {
  it('keeps the first six characters', () => {
    expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市朝阳区****')
    expect(maskAddress('广东省深圳市南山区科技园南区深南大道10000号')).toBe('广东省深圳市****')
  })

  it('keeps half of a short address, and leaves empty and masked ones alone', () => {
    expect(maskAddress('朝阳区')).toBe('朝****')
    expect(maskAddress('')).toBe('')
    expect(maskAddress('北京市朝阳区****')).toBe('北京市朝阳区****')
    expect(maskAddress('朝****')).toBe('朝****')
  })
})

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('zhangsan@qq.com')).toBe('z***@qq.com')
    expect(maskEmail('13800138000@163.com')).toBe('1***@163.com')
  })

  it('handles odd input', () => {
    expect(maskEmail('')).toBe('')
    expect(maskEmail('@qq.com')).toBe('***@qq.com')
    expect(maskEmail('not-an-email')).toBe('n***')
    expect(maskEmail('z***@qq.com')).toBe('z***@qq.com')
  })
})

describe('maskWechat', () => {
  it('keeps two characters at each end', () => {
    expect(maskWechat('wxid_abc12389')).toBe('wx***89')
    expect(maskWechat('zhangsan_1990')).toBe('zh***90')
  })

  it('keeps only the first character of short ids', () => {
    expect(maskWechat('abcd')).toBe('a***')
    expect(maskWechat('a')).toBe('***')
    expect(maskWechat('')).toBe('')
    expect(maskWechat('wx***89')).toBe('wx***89')
  })
})

describe('maskIp and maskDevice', () => {
  it('keeps the ends of an address', () => {
    expect(maskIp('10.1.2.3')).toBe('10.*.*.3')
    expect(maskIp('2001:db8::1')).toBe('2001:****:1')
    expect(maskIp('')).toBe('')
    expect(maskIp('10.*.*.3')).toBe('10.*.*.3')
  })

  it('keeps a quarter of a device id at each end', () => {
    expect(maskDevice('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe('3f25****3301')
    expect(maskDevice('A1B2C3D4')).toBe('A1****D4')
    expect(maskDevice('abc')).toBe('****')
    expect(maskDevice('3f25****3301')).toBe('3f25****3301')
  })
})

describe('maskBankCard and maskMiddle', () => {
  it('keeps the issuer prefix and the last four', () => {
    expect(maskBankCard('6222 0212 3456 7890')).toBe('622202******7890')
  })

  it('always hides at least one character', () => {
    expect(maskMiddle('abcdef', 3, 2)).toBe('abc*ef')
    expect(maskMiddle('abcde', 3, 2)).toBe('ab*de')
    expect(maskMiddle('ab', 3, 2)).toBe('*b')
    expect(maskMiddle('', 3, 2)).toBe('')
  })
})
