import { describe, expect, it } from 'vitest'
import {
  normalizeDeviceId,
  normalizeEmail,
  normalizeIp,
  normalizePhash,
  normalizeSha256,
  normalizeWechat,
} from './contact-points.js'

describe('normalizeEmail', () => {
  it('trims and lowercases an address, including a full-width @ and mailto:', () => {
    expect(normalizeEmail('  XinHe.FaWu@QQ.com ')).toBe('xinhe.fawu@qq.com')
    expect(normalizeEmail('xinhe＠163.com')).toBe('xinhe@163.com')
    expect(normalizeEmail('mailto:Lawyer@xinhe-law.cn')).toBe('lawyer@xinhe-law.cn')
  })

  it('returns null for things that are not an address', () => {
    for (const bad of [
      '',
      'xinhe',
      'xinhe@',
      '@qq.com',
      'xin he@qq.com',
      'a@qq',
      'a@@qq.com',
      'a@qq..com',
    ]) {
      expect(normalizeEmail(bad), bad).toBeNull()
    }
  })
})

describe('normalizeWechat', () => {
  it('drops a label written in front of the id', () => {
    for (const form of [
      '微信: XinHe_2023',
      '微信号：xinhe_2023',
      'wx:xinhe_2023',
      'VX： xinhe_2023',
      'WeChat: xinhe_2023',
    ]) {
      expect(normalizeWechat(form), form).toBe('xinhe_2023')
    }
  })

  it('keeps wxid_ ids whole', () => {
    expect(normalizeWechat(' wxid_AB12cd34 ')).toBe('wxid_ab12cd34')
  })

  it('returns null when nothing is left', () => {
    expect(normalizeWechat('')).toBeNull()
    expect(normalizeWechat('微信：')).toBeNull()
  })
})

describe('normalizeIp', () => {
  it('keeps dotted IPv4 as it is', () => {
    expect(normalizeIp(' 203.0.113.7 ')).toBe('203.0.113.7')
  })

  it('writes IPv6 in RFC 5952 form: lowercase, no leading zeros, longest zero run as ::', () => {
    expect(normalizeIp('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1')
    expect(normalizeIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1')
    expect(normalizeIp('[240E:3A1:0:0::8]')).toBe('240e:3a1::8')
  })

  it('reads an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(normalizeIp('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(normalizeIp('::FFFF:cb00:7107')).toBe('203.0.113.7')
  })

  it('drops an IPv6 zone id', () => {
    expect(normalizeIp('fe80::1%eth0')).toBe('fe80::1')
  })

  it('returns null for invalid addresses', () => {
    for (const bad of ['', '999.1.1.1', '1.2.3', '01.2.3.4', 'localhost', '2001:db8::g']) {
      expect(normalizeIp(bad), bad).toBeNull()
    }
  })
})

describe('normalizeDeviceId', () => {
  it('lowercases and writes a UUID with dashes whatever the input form', () => {
    const forms = [
      '6D92078A-8246-4BA4-AE5B-76104861E7DC',
      '{6d92078a-8246-4ba4-ae5b-76104861e7dc}',
      '6D92078A82464BA4AE5B76104861E7DC',
    ]
    for (const form of forms) {
      expect(normalizeDeviceId(form), form).toBe('6d92078a-8246-4ba4-ae5b-76104861e7dc')
    }
  })

  it('lowercases other ids such as a 16-hex Android ID', () => {
    expect(normalizeDeviceId(' A1B2C3D4E5F60718 ')).toBe('a1b2c3d4e5f60718')
  })

  it('returns null for placeholder ids that many devices share, and for blanks', () => {
    expect(normalizeDeviceId('00000000-0000-0000-0000-000000000000')).toBeNull()
    expect(normalizeDeviceId('9774D56D682E549C')).toBeNull()
    expect(normalizeDeviceId('  ')).toBeNull()
  })
})

describe('normalizeSha256', () => {
  const hash = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855'

  it('lowercases 64 hex digits, with or without a sha256: prefix', () => {
    expect(normalizeSha256(hash)).toBe(hash.toLowerCase())
    expect(normalizeSha256(`sha256:${hash}`)).toBe(hash.toLowerCase())
  })

  it('returns null for anything else', () => {
    expect(normalizeSha256(hash.slice(1))).toBeNull()
    expect(normalizeSha256(hash.slice(1) + 'g')).toBeNull()
  })
})

describe('normalizePhash', () => {
  it('lowercases a hex perceptual hash and drops 0x', () => {
    expect(normalizePhash('0xD1C4E0F0F8F8B0A0')).toBe('d1c4e0f0f8f8b0a0')
  })

  it('returns null for non-hex or too short values', () => {
    expect(normalizePhash('d1c4e0f0f8f8b0az')).toBeNull()
    expect(normalizePhash('d1c4')).toBeNull()
  })
})
