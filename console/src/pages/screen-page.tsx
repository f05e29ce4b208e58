// 来电预警: the agent types the ringing number and sees, in one screen, how careful to be, why,
// and the script to read out. A genuine caller gets a calm "serve as usual".
import { PhoneOutlined } from '@ant-design/icons'
import { Button, Card, Col, Empty, Form, Input, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { ScreenResult } from '../api/types'
import { useAuth } from '../auth/auth'
import { ErrorView } from '../components/error-view'
import { RecentContacts } from '../components/recent-contacts'
import { RiskBanner } from '../components/risk-banner'
import { useI18n } from '../i18n/i18n'

type Fields = { phone: string; customer_id?: string }

export function ScreenPage() {
  const { t } = useI18n()
  const { can } = useAuth()
  const [result, setResult] = useState<ScreenResult>()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  const submit = async ({ phone, customer_id }: Fields) => {
    setBusy(true)
    setError(undefined)
    try {
      const body = { phone: phone.trim(), customer_id: customer_id?.trim() || undefined }
      setResult(await api<ScreenResult>('/screen', { body }))
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
        <ScreenResultView result={result} linkable={can('contacts:read')} />
      ) : (
        error === undefined && (
          <Card className="screen-idle">
            <Empty description={t('screen.idle')} />
          </Card>
        )
      )}
      <Typography.Paragraph type="secondary" className="principle">
        {t('screen.principle')}
      </Typography.Paragraph>
    </div>
  )
}

function ScreenResultView({ result, linkable }: { result: ScreenResult; linkable: boolean }) {
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
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={result.script ? pick(result.script.title) : t('screen.script')}
            extra={steps.length > 0 && <span className="muted">{t('screen.scriptHint')}</span>}
            className="screen-script"
          >
            {steps.length ? (
              <ol className="script-steps">
                {steps.map((s, i) => (
                  <li key={i}>{pick(s)}</li>
                ))}
              </ol>
            ) : (
              <Typography.Text>
                {result.risk === 'none'
                  ? t('screen.noScript')
                  : label('action', result.recommended_script.replace(/^script:/, ''))}
              </Typography.Text>
            )}
          </Card>
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
