import { describe, expect, it } from 'vitest'
import { maskIdentifier } from './mask-identifier.js'

describe('maskIdentifier', () => {
  it.each([
    ['phone:+8613800138000', 'phone:138****8000'],
    ['phone:+861062345678', 'phone:010****5678'],
    ['phone:invalid:12345', 'phone:invalid:12*45'],
    ['id_number:11010119900307123X', 'id_number:110101********123X'],
    ['email:zhangsan@qq.com', 'email:z***@qq.com'],
    ['wechat:wxid_abc12389', 'wechat:wx***89'],
    ['organization:信和', 'organization:信和'],
    ['device:3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'device:3f25****3301'],
    ['ip:10.1.2.3', 'ip:10.*.*.3'],
    [`sha256:${'ab'.repeat(32)}`, `sha256:${'ab'.repeat(32)}`],
    ['phash:f0e1d2c3b4a59687', 'phash:f0e1d2c3b4a59687'],
    ['agent_name:陈经理', 'agent_name:陈**'],
    ['name:张三', 'name:张*'],
    ['voiceprint:vp-20260301-0001', 'voiceprint:vp****01'],
  ])('%s → %s', (raw, masked) => {
    expect(maskIdentifier(raw)).toBe(masked)
  })

  it('masks a value without a kind as free text', () => {
    expect(maskIdentifier('13800138000')).toBe('138****8000')
    expect(maskIdentifier('')).toBe('')
  })
})
