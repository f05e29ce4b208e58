// Who is signed in and what they may do, from GET /api/auth/me. Every 401 anywhere clears it and
// the router sends the user to the login page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { api, isApiError, onUnauthorized } from '../api/client'
import type { Me, Permission, Role } from '../api/types'

type AuthState = {
  me: Me | null
  /** True until the first /auth/me answers, so a reload does not flash the login page. */
  checking: boolean
  can: (permission: Permission) => boolean
  login: (username: string, password: string) => Promise<Me>
  logout: () => Promise<void>
}

const AuthContext = createContext<AuthState | null>(null)

export function homeFor(role: Role | undefined): string {
  if (role === 'agent') return '/screen'
  if (role === 'auditor') return '/admin/audit'
  return '/workbench'
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null)
  const [checking, setChecking] = useState(true)

  useEffect(() => {
    onUnauthorized(() => setMe(null))
    api<Me>('/auth/me')
      .then(setMe)
      .catch((e: unknown) => {
        if (!isApiError(e, 401)) console.error(e)
      })
      .finally(() => setChecking(false))
    return () => onUnauthorized(null)
  }, [])

  const login = useCallback(async (username: string, password: string) => {
    await api('/auth/login', { body: { username, password } })
    const current = await api<Me>('/auth/me')
    setMe(current)
    return current
  }, [])

  const logout = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST' })
    } finally {
      setMe(null)
    }
  }, [])

  const value = useMemo<AuthState>(
    () => ({
      me,
      checking,
      can: (p) => me?.permissions.includes(p) ?? false,
      login,
      logout,
    }),
    [me, checking, login, logout],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext)
  if (!ctx) throw new Error('useAuth outside AuthProvider')
  return ctx
}
