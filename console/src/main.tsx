// Entry point: language, session and router around the app.
import { createRoot } from 'react-dom/client'
import { StrictMode } from 'react'
import { App as AntApp } from 'antd'
import { BrowserRouter } from 'react-router-dom'
import { AppRoutes } from './app-routes'
import { AuthProvider } from './auth/auth'
import { I18nProvider } from './i18n/i18n'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </I18nProvider>
  </StrictMode>,
)
