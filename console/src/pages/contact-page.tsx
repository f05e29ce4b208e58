// One contact: the record, the assessment with every signal and its evidence, what links it to
// other customers, similar texts, attachments, and the reviews. Actions: review, watch, unmask.
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import type { ContactDetail, LinkedIdentifier } from '../api/types'
import { useAuth } from '../auth/auth'
import { AssessmentChanges } from '../components/assessment-changes'
import { AttachmentTable } from '../components/attachment-table'
import { ContactRecordView } from '../components/contact-record-view'
import { CustomerCard } from '../components/customer-card'
import { OpenCaseButton } from '../components/open-case-button'
import { ErrorView } from '../components/error-view'
import { IdentifierTable } from '../components/identifier-table'
import { LinkedCustomers } from '../components/linked-customers'
import { RecentContacts } from '../components/recent-contacts'
import { ReviewDialog } from '../components/review-dialog'
import { ReviewHistory } from '../components/review-history'
import { CategoryTags, RiskTag, SeverityTag } from '../components/risk-tags'
import { SignalList } from '../components/signal-list'
import { SimilarTexts } from '../components/similar-texts'
import { UnmaskAction } from '../components/unmask-action'
import { VoiceMatches } from '../components/voice-matches'
import { WatchlistAddDialog } from '../components/watchlist-add-dialog'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'

export function ContactPage() {
  const { id = '' } = useParams()
  const { t } = useI18n()
  const { can } = useAuth()
  const detail = useApi<ContactDetail>(`/contacts/${encodeURIComponent(id)}`)
  const [reviewing, setReviewing] = useState(false)
  const [watching, setWatching] = useState<LinkedIdentifier | null>(null)
  const d = detail.data?.contact.contact_id === id ? detail.data : undefined

  if (detail.error !== undefined)
    return (
      <div className="page">
        <ErrorView error={detail.error} onRetry={detail.reload} />
      </div>
    )

  return (
    <div className="page">
      <div className="page-head">
        <Space size="middle">
          <Link to="/workbench">← {t('contact.backToWorkbench')}</Link>
          <Typography.Title level={4} className="page-title">
            {t('contact.title', { id })}
          </Typography.Title>
          {d && <RiskTag risk={d.assessment?.risk} />}
        </Space>
        <Space>
          {can('contacts:review') && (
            <Button type="primary" onClick={() => setReviewing(true)} disabled={!d}>
              {t('contact.review')}
            </Button>
          )}
          {can('pii:unmask') && <UnmaskAction contactId={id} />}
          {can('cases:write') && <OpenCaseButton contactId={id} />}
        </Space>
      </div>
      {!d ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <DetailBody detail={d} canWatch={can('watchlist:write')} onWatch={setWatching} />
      )}
      <ReviewDialog
        contactIds={[id]}
        open={reviewing}
        onClose={() => setReviewing(false)}
        onDone={() => {
          setReviewing(false)
          detail.reload()
        }}
      />
      <WatchlistAddDialog
        identifier={watching}
        onClose={() => setWatching(null)}
        onDone={() => {
          setWatching(null)
          detail.reload()
        }}
      />
    </div>
  )
}

type BodyProps = {
  detail: ContactDetail
  canWatch: boolean
  onWatch: (identifier: LinkedIdentifier) => void
}

function DetailBody({ detail: d, canWatch, onWatch }: BodyProps) {
  const { t } = useI18n()
  const a = d.assessment
  const flagged = a?.risk === 'medium' || a?.risk === 'high'
  return (
    <Row gutter={12}>
      <Col xs={24} xl={15}>
        {flagged && <Alert type="info" showIcon title={t('contact.flagPrinciple')} />}
        <Card size="small" title={t('contact.basics')} className={flagged ? 'section' : undefined}>
          <ContactRecordView contact={d.contact} />
        </Card>
        <Card size="small" title={t('contact.signals')} className="section">
          <SignalList signals={a?.signals ?? []} />
        </Card>
        <VoiceMatches contactId={d.contact.contact_id} />
        {d.similar.length > 0 && (
          <Card size="small" title={t('contact.similar')} className="section">
            <SimilarTexts text={d.contact.text ?? ''} similar={d.similar} />
          </Card>
        )}
        <Card size="small" title={t('contact.identifiers')} className="section">
          <IdentifierTable identifiers={d.identifiers} canWrite={canWatch} onWatch={onWatch} />
        </Card>
        {d.attachments.length > 0 && (
          <Card size="small" title={t('contact.attachments')} className="section">
            <AttachmentTable attachments={d.attachments} />
          </Card>
        )}
      </Col>
      <Col xs={24} xl={9}>
        <AssessmentCard detail={d} />
        <AssessmentChanges
          contactId={d.contact.contact_id}
          customerId={d.contact.customer_id ?? null}
        />
        <CustomerCard customer={d.customer} />
        {d.linked_customers.length > 0 && (
          <Card size="small" title={t('contact.linkedCustomers')} className="section">
            <LinkedCustomers items={d.linked_customers} />
          </Card>
        )}
        <Card size="small" title={t('contact.recent')} className="section">
          <RecentContacts items={d.recent_contacts} linkable />
        </Card>
        <Card size="small" title={t('contact.reviews')} className="section">
          <ReviewHistory reviews={d.reviews} />
        </Card>
      </Col>
    </Row>
  )
}

function AssessmentCard({ detail: d }: { detail: ContactDetail }) {
  const { t, label } = useI18n()
  const a = d.assessment
  if (!a)
    return (
      <Card size="small" title={t('contact.assessment')}>
        <span className="muted">{t('contact.noAssessment')}</span>
      </Card>
    )
  const items = [
    { key: 'risk', label: t('col.risk'), children: <RiskTag risk={a.risk} /> },
    { key: 'severity', label: t('col.severity'), children: <SeverityTag severity={a.severity} /> },
    {
      key: 'categories',
      label: t('col.categories'),
      children: <CategoryTags categories={a.categories} />,
    },
    {
      key: 'action',
      label: t('contact.recommended'),
      children: label('action', a.recommended_action.replace(/^script:/, '')),
    },
    ...(a.gang_id
      ? [
          {
            key: 'gang',
            label: t('contact.gang'),
            children: (
              <Space>
                <span className="mono">{a.gang_id}</span>
                <Link to={`/workbench?gang_id=${encodeURIComponent(a.gang_id)}`}>
                  {t('contact.gangContacts')}
                </Link>
              </Space>
            ),
          },
        ]
      : []),
    { key: 'rules', label: t('contact.rulesVersion'), children: a.rules_version },
  ]
  return (
    <Card size="small" title={t('contact.assessment')}>
      <Descriptions size="small" column={1} items={items} />
    </Card>
  )
}
