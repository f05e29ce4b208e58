// What changed this contact's risk after it first came in, and why — a call answer, the customer's
// own word on a representative — latest first, each with who recorded it. From there an agent can
// ask the customer directly (a verification task).
import { Card, Empty } from 'antd'
import { Link } from 'react-router-dom'
import type { AssessmentChange } from '../api/types'
import { useAuth } from '../auth/auth'
import { formatTime } from '../format'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'
import { ErrorView } from './error-view'
import { RiskTag } from './risk-tags'

type Props = { contactId: string; customerId: string | null }

export function AssessmentChanges({ contactId, customerId }: Props) {
  const { t } = useI18n()
  const { can } = useAuth()
  const changes = useApi<{ items: AssessmentChange[] }>('/assessment-changes', {
    contact_id: contactId,
  })
  const verify =
    customerId && can('verification:work') ? (
      <Link
        to={`/verification?${new URLSearchParams({ customer_id: customerId, contact_id: contactId })}`}
      >
        {t('changes.verify')}
      </Link>
    ) : null
  return (
    <Card
      size="small"
      title={t('changes.title')}
      extra={verify}
      className="section assessment-changes"
    >
      {changes.error !== undefined ? (
        <ErrorView error={changes.error} onRetry={changes.reload} />
      ) : changes.data?.items.length ? (
        <ChangeTimeline items={changes.data.items} />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={changes.loading ? ' ' : t('changes.none')}
        />
      )}
    </Card>
  )
}

function ChangeTimeline({ items }: { items: AssessmentChange[] }) {
  const { t, label, lang } = useI18n()
  // The server writes each reason as "中文（…）/ English".
  const reasonText = (text: string) => {
    const [zh, en] = text.split(/\s?\/\s(?=[A-Za-z])/)
    return (lang === 'en' ? en : zh) ?? text
  }
  const signals = (codes: string[]) => codes.map((c) => label('signal', c)).join('、')
  return (
    <div className="assessment-change-list">
      {items.map((c, i) => (
        <div key={`${c.changed_at}-${i}`} className="assessment-change">
          <div>
            <RiskTag risk={c.risk_before ?? 'none'} /> → <RiskTag risk={c.risk_after} />
            <span className="muted small">
              {t('changes.score', { before: c.score_before ?? '—', after: c.score_after })}
            </span>
          </div>
          <div>{reasonText(c.reason.text)}</div>
          {c.signals_added.length > 0 && (
            <div className="small">{t('changes.added', { signals: signals(c.signals_added) })}</div>
          )}
          {c.signals_removed.length > 0 && (
            <div className="small">
              {t('changes.removed', { signals: signals(c.signals_removed) })}
            </div>
          )}
          <div className="muted small">
            {formatTime(c.changed_at)} · {label('changeKind', c.reason.kind)} · {c.reason.actor}
          </div>
        </div>
      ))}
    </div>
  )
}
