// The stored user row as the rest of the system sees it: no password hash, booleans as booleans.
import type { Selectable } from 'kysely'
import type { UserTable } from '../store/schema.js'
import type { Role } from './roles.js'

export type User = {
  user_id: string
  username: string
  display_name: string
  role: Role
  disabled: boolean
  locked_until: string | null
  last_login_at: string | null
  created_at: string
  must_change_password: boolean
}

export const userColumns = [
  'user_id',
  'username',
  'display_name',
  'role',
  'disabled',
  'locked_until',
  'last_login_at',
  'created_at',
  'must_change_password',
] as const

type UserColumns = Pick<Selectable<UserTable>, (typeof userColumns)[number]>

export function toUser(row: UserColumns): User {
  return {
    user_id: row.user_id,
    username: row.username,
    display_name: row.display_name,
    role: row.role as Role,
    disabled: Number(row.disabled) === 1,
    locked_until: row.locked_until,
    last_login_at: row.last_login_at,
    created_at: row.created_at,
    must_change_password: Number(row.must_change_password) === 1,
  }
}
