// Routes and their guards. The screening, workbench and contact pages are in the first chunk (the
// agents' and handlers' daily pages); the dashboard (echarts) and the admin pages load on demand.
import { Spin } from 'antd'
import { lazy } from 'react'
import type { ReactNode } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router-dom'
import type { Permission } from './api/types'
import { homeFor, useAuth } from './auth/auth'
import { AppLayout } from './components/app-layout'
import { NoPermission } from './components/error-view'
import { NotFoundPage } from './pages/not-found-page'
import { CasePage } from './pages/case-page'
import { CasesPage } from './pages/cases-page'
import { ContactPage } from './pages/contact-page'
import { LoginPage } from './pages/login-page'
import { ScreenPage } from './pages/screen-page'
import { VerificationPage } from './pages/verification-page'
import { WorkbenchPage } from './pages/workbench-page'
import { PageErrorBoundary } from './components/page-error-boundary'

const DashboardPage = lazy(() => import('./pages/dashboard-page'))
const VictimReportsPage = lazy(() => import('./pages/victim-reports-page'))
const OperationsReportPage = lazy(() => import('./pages/operations-report-page'))
const GangsPage = lazy(() => import('./pages/gangs-page'))
const GangPage = lazy(() => import('./pages/gang-page'))
const UsersPage = lazy(() => import('./pages/admin/users-page'))
const TokensPage = lazy(() => import('./pages/admin/tokens-page'))
const WatchlistPage = lazy(() => import('./pages/admin/watchlist-page'))
const RulesPage = lazy(() => import('./pages/admin/rules-page'))
const AuditPage = lazy(() => import('./pages/admin/audit-page'))
const ImportPage = lazy(() => import('./pages/admin/import-page'))
const VoiceAgentsPage = lazy(() => import('./pages/admin/voice-agents-page'))
const CallScriptsPage = lazy(() => import('./pages/admin/call-scripts-page'))
const RepresentativesPage = lazy(() => import('./pages/admin/representatives-page'))
const ScriptAnalyticsPage = lazy(() => import('./pages/admin/script-analytics-page'))

function RequireLogin({ children }: { children: ReactNode }) {
  const { me, checking } = useAuth()
  const location = useLocation()
  if (checking) return <Spin className="page-spin" />
  if (!me) return <Navigate to="/login" replace state={{ from: location }} />
  return children
}

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth()
  return can(permission) ? children : <NoPermission />
}

function Home() {
  const { me } = useAuth()
  return <Navigate to={homeFor(me?.user.role)} replace />
}

const guarded: [string, Permission, ReactNode][] = [
  ['/screen', 'screen', <ScreenPage />],
  ['/workbench', 'contacts:read', <WorkbenchPage />],
  ['/verification', 'verification:work', <VerificationPage />],
  ['/contacts/:id', 'contacts:read', <ContactPage />],
  ['/dashboard', 'stats:read', <DashboardPage />],
  ['/cases', 'cases:read', <CasesPage />],
  ['/cases/:id', 'cases:read', <CasePage />],
  ['/victim-reports', 'cases:read', <VictimReportsPage />],
  ['/operations', 'operations:read', <OperationsReportPage />],
  ['/gangs', 'gangs:read', <GangsPage />],
  ['/gangs/:id', 'gangs:read', <GangPage />],
  ['/admin/users', 'users:manage', <UsersPage />],
  ['/admin/tokens', 'tokens:manage', <TokensPage />],
  ['/admin/watchlist', 'watchlist:read', <WatchlistPage />],
  ['/admin/rules', 'rules:read', <RulesPage />],
  ['/admin/audit', 'audit:read', <AuditPage />],
  ['/admin/import', 'import', <ImportPage />],
  ['/admin/voice-agents', 'voice:manage', <VoiceAgentsPage />],
  ['/admin/scripts', 'rules:read', <CallScriptsPage />],
  ['/admin/representatives', 'contacts:read', <RepresentativesPage />],
  ['/admin/script-analytics', 'stats:read', <ScriptAnalyticsPage />],
]

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireLogin>
            <AppLayout />
          </RequireLogin>
        }
      >
        <Route index element={<Home />} />
        {guarded.map(([path, permission, page]) => (
          <Route
            key={path}
            path={path}
            element={
              <Guard permission={permission}>
                <PageErrorBoundary>{page}</PageErrorBoundary>
              </Guard>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
