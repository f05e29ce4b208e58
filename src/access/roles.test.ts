import { describe, expect, it } from 'vitest'
import type { Permission, Role } from './roles.js'
import { can, isRole, permissions, permissionsOf, roleLabels, roles } from './roles.js'

// docs/api.md, row by row: agent, handler, investigator, admin, auditor.
const table: Record<Permission, [number, number, number, number, number]> = {
  screen: [1, 1, 1, 1, 0],
  'contacts:read': [1, 1, 1, 1, 1],
  'contacts:review': [0, 1, 1, 1, 0],
  'pii:unmask': [0, 1, 1, 1, 0],
  import: [0, 1, 1, 1, 0],
  'watchlist:read': [1, 1, 1, 1, 1],
  'watchlist:write': [0, 1, 1, 1, 0],
  'rules:read': [1, 1, 1, 1, 1],
  'stats:read': [1, 1, 1, 1, 1],
  'users:manage': [0, 0, 0, 1, 0],
  'tokens:manage': [0, 0, 0, 1, 0],
  'audit:read': [0, 0, 0, 1, 1],
  'cases:read': [0, 1, 1, 1, 1],
  'cases:write': [0, 1, 1, 1, 0],
  'evidence:export': [0, 0, 1, 1, 0],
  'operations:read': [0, 0, 1, 1, 1],
  'gangs:read': [0, 0, 1, 1, 1],
  'calls:run': [1, 1, 1, 1, 0],
  'verification:work': [1, 1, 1, 1, 0],
  'representatives:review': [0, 1, 1, 1, 0],
  'scripts:manage': [0, 0, 0, 1, 0],
  'voice:read': [0, 1, 1, 1, 1],
  'voice:play': [0, 0, 1, 1, 0],
  'voice:manage': [0, 0, 0, 1, 0],
}

describe('roles and permissions', () => {
  it('grant exactly the table of docs/api.md', () => {
    expect(Object.keys(table).sort()).toEqual([...permissions].sort())
    for (const permission of permissions)
      roles.forEach((role, i) => {
        expect(can(role, permission), `${role} ${permission}`).toBe(table[permission][i] === 1)
      })
  })

  it('lists a role’s permissions', () => {
    expect(permissionsOf('auditor')).toEqual([
      'contacts:read',
      'watchlist:read',
      'rules:read',
      'stats:read',
      'audit:read',
      'cases:read',
      'operations:read',
      'gangs:read',
      'voice:read',
    ])
    expect(permissionsOf('admin')).toEqual([...permissions])
  })

  it('recognises roles', () => {
    expect(roles.every(isRole)).toBe(true)
    expect(isRole('root')).toBe(false)
    expect(isRole('Admin')).toBe(false)
    expect(isRole(undefined)).toBe(false)
  })

  it('labels every role in both languages', () => {
    expect(Object.keys(roleLabels)).toEqual([...roles])
    expect(roleLabels.investigator['zh-CN']).toBe('反催收专项组')
    const chinese: Record<Role, string> = {
      agent: '坐席',
      handler: '投诉处理',
      investigator: '反催收专项组',
      admin: '管理员',
      auditor: '合规审计',
    }
    for (const role of roles) expect(roleLabels[role]['zh-CN']).toBe(chinese[role])
  })
})
