// 来电预警: the agent types the ringing number and sees, in one screen, how careful to be, why,
// and the script to read out. A genuine caller gets a calm "serve as usual".
import { PhoneOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { CallState, ScreenResult } from '../api/types'
import { useAuth } from '../auth/auth'
import { CallScriptRunner } from '../components/call-script-runner'
import { ErrorView } from '../components/error-view'
import { RecentContacts } from '../components/recent-contacts'
import { RiskBanner } from '../components/risk-banner'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'

type Fields = { phone: string; customer_id?: string }

export function ScreenPage() {
  const { t } = useI18n()
  const { can } = useAuth()
  const [result, setResult] = useState<ScreenResult>()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const [call, setCall] = useState<CallState>()
  const [asked, setAsked] = useState<Fields>()

  const submit = async ({ phone, customer_id }: Fields) => {
    setBusy(true)
    setError(undefined)
    try {
      const body = { phone: phone.trim(), customer_id: customer_id?.trim() || undefined }
      setResult(await api<ScreenResult>('/screen', { body }))
      setAsked(body)
      setCall(undefined)
    } catch (e) {
      setError(e)
      setResult(undefined)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('screen.title')}
      </Typography.Title>
      <Card size="small" className="screen-form">
        <Form<Fields> layout="inline" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="phone"
            rules={[
              { required: true, message: t('common.required', { field: t('screen.phone') }) },
            ]}
          >
            <Input
              size="large"
              prefix={<PhoneOutlined />}
              placeholder={t('screen.phonePlaceholder')}
              aria-label={t('screen.phone')}
              className="screen-phone"
              autoFocus
              allowClear
            />
          </Form.Item>
          <Form.Item name="customer_id">
            <Input
              size="large"
              placeholder={t('screen.customerId')}
              aria-label={t('screen.customerId')}
              allowClear
            />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>
            {t('screen.submit')}
          </Button>
        </Form>
      </Card>
      {error !== undefined && <ErrorView error={error} />}
      {result ? (
        <ScreenResultView
          result={result}
          linkable={can('contacts:read')}
          call={call}
          phone={asked?.phone}
          onCall={can('calls:run') ? setCall : undefined}
        />
      ) : call ? (
        <CallScriptRunner call={call} onChange={setCall} />
      ) : (
        error === undefined && (
          <Card className="screen-idle">
            <Empty description={t('screen.idle')} />
          </Card>
        )
      )}
      {!call && can('calls:run') && <OpenCalls onResume={setCall} />}
      <Typography.Paragraph type="secondary" className="principle">
        {t('screen.principle')}
      </Typography.Paragraph>
    </div>
  )
}

function ScreenResultView({
  result,
  linkable,
  call,
  phone,
  onCall,
}: {
  result: ScreenResult
  linkable: boolean
  call: CallState | undefined
  phone: string | undefined
  onCall?: (c: CallState) => void
}) {
  const { t, pick, label } = useI18n()
  const steps = result.script?.steps ?? []
  const who = result.customer_id
    ? t('screen.customer', { id: result.customer_id })
    : t('screen.noCustomer')
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <RiskBanner
        risk={result.risk}
        severity={result.severity}
        categories={result.categories}
        extra={
          <div className="screen-who">
            <div className="mono screen-phone-shown">{result.phone ?? '—'}</div>
            <div>{who}</div>
          </div>
        }
      />
      {result.trusted_representative && (
        <Alert
          type="success"
          showIcon
          className="screen-trusted"
          title={t('screen.trusted')}
          description={pick(result.trusted_representative)}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          {call ? (
            <CallScriptRunner call={call} onChange={(c) => onCall?.(c)} />
          ) : (
            <Card
              size="small"
              title={
                result.script
                  ? `${pick(result.script.title)} · v${result.script.version}`
                  : t('screen.script')
              }
              extra={
                onCall &&
                result.script && <StartCall result={result} phone={phone} onStarted={onCall} />
              }
              className="screen-script"
            >
              {steps.length ? (
                <Typography.Paragraph className="call-say">
                  {pick(steps[0]!.say)}
                </Typography.Paragraph>
              ) : (
                <Typography.Text>
                  {result.risk === 'none'
                    ? t('screen.noScript')
                    : label('action', result.recommended_script.replace(/^script:/, ''))}
                </Typography.Text>
              )}
              <span className="muted">{t('screen.scriptHint')}</span>
            </Card>
          )}
          {result.reasons.length > 0 && (
            <Card size="small" title={t('screen.reasons')} className="section">
              <ul className="reasons">
                {result.reasons.map((r, i) => (
                  <li key={`${r.code}-${i}`}>
                    <span className="reason-code">{label('signal', r.code)}</span>
                    {pick(r)}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('screen.recent')}>
            <RecentContacts items={result.recent_contacts} linkable={linkable} />
          </Card>
          <div className="muted small section">
            {t('screen.rulesVersion', { version: result.rules_version })}
          </div>
        </Col>
      </Row>
    </Space>
  )
}

function StartCall({
  result,
  phone,
  onStarted,
}: {
  result: ScreenResult
  phone: string | undefined
  onStarted: (c: CallState) => void
}) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const start = async () => {
    setBusy(true)
    try {
      const body = {
        script_id: result.script?.id ?? result.recommended_script,
        phone,
        customer_id: result.customer_id ?? undefined,
      }
      onStarted(await api<CallState>('/calls', { body }))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Space>
      {error !== undefined && <span className="error-text">{t('error.generic')}</span>}
      <Button type="primary" loading={busy} onClick={() => void start()}>
        {t('call.start')}
      </Button>
    </Space>
  )
}

/** Calls this agent left unfinished (a dropped line, a closed tab): resumed where they stopped. */
function OpenCalls({ onResume }: { onResume: (c: CallState) => void }) {
  const { t, pick } = useI18n()
  const open = useApi<{ items: CallState[] }>('/calls')
  const items = open.data?.items ?? []
  if (!items.length) return null
  return (
    <Card size="small" title={t('call.open')} className="section">
      <Space orientation="vertical" className="full-width">
        {items.map((c) => (
          <Space key={c.call_id} className="open-call">
            <span>{pick(c.script.title)}</span>
            <span className="mono">
              {c.caller_identifier?.replace(/^phone:/, '') ?? c.customer_id}
            </span>
            <span className="muted">{c.step ? pick(c.step.say).slice(0, 30) : ''}</span>
            <Button size="small" onClick={() => onResume(c)}>
              {t('call.resume')}
            </Button>
          </Space>
        ))}
      </Space>
    </Card>
  )
}
