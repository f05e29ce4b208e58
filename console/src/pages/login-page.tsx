// Sign-in. A wrong password and a locked account (with the minutes left) are told apart; after
// signing in the user lands on their role's home, or on the link they were opening.
import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input } from 'antd'
import { useState } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router-dom'
import type { Location } from 'react-router-dom'
import { isApiError } from '../api/client'
import { homeFor, useAuth } from '../auth/auth'
import { errorDetail, errorTitle } from '../components/error-view'
import { useI18n } from '../i18n/i18n'

type Fields = { username: string; password: string }

export function LoginPage() {
  const { me, login } = useAuth()
  const { t, lang, setLang } = useI18n()
  const navigate = useNavigate()
  const location = useLocation()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const from = (location.state as { from?: Location } | null)?.from

  if (me) return <Navigate to={homeFor(me.user.role)} replace />

  const submit = async ({ username, password }: Fields) => {
    setBusy(true)
    setError(undefined)
    try {
      const current = await login(username.trim(), password)
      const target = from && from.pathname !== '/' ? from : homeFor(current.user.role)
      await navigate(target, { replace: true })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="login-screen">
      <Button
        className="login-lang"
        size="small"
        icon={<TranslationOutlined />}
        onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
      >
        {t('header.language')}
      </Button>
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <span className="brand-mark">G</span>
          <div>
            <h1>{t('app.name')}</h1>
            <p>{t('login.subtitle')}</p>
          </div>
        </div>
        <div className="login-error">{error !== undefined && <LoginError error={error} />}</div>
        <Form<Fields> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[
              { required: true, message: t('common.required', { field: t('login.username') }) },
            ]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[
              { required: true, message: t('common.required', { field: t('login.password') }) },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}

function LoginError({ error }: { error: unknown }) {
  const { t } = useI18n()
  let text: string
  if (isApiError(error, 423)) {
    const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null
    text = minutes ? t('login.locked', { minutes }) : t('login.lockedNoTime')
  } else if (isApiError(error, 401)) text = t('login.invalid')
  else text = errorDetail(error, t('error.network')) ?? errorTitle(error, t('error.generic'))
  return <Alert type="error" showIcon title={text} />
}
