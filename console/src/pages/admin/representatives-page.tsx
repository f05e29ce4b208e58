// 代理人管理: representatives acting for customers by status (pending, verified, rejected, expired),
// the material standard for each kind, and one representative's checklist and review in a drawer.
// A representative is handled by the standards, never treated as an agency by default.
import { Card, Col, Collapse, Drawer, Row, Segmented, Skeleton, Table, Typography } from 'antd'
import { useState } from 'react'
import type {
  MaterialStandards,
  Representative,
  RepresentativeView,
} from '../../api/response-types'
import { ErrorView } from '../../components/error-view'
import { RepresentativeDetail } from '../../components/representative-detail'
import { RepresentativeStatusTag } from '../../components/representative-status-tag'
import { formatTime } from '../../format'
import { useApi } from '../../hooks/use-api'
import { useI18n } from '../../i18n/i18n'

const FILTERS = ['all', 'pending', 'verified', 'rejected', 'expired'] as const

export default function RepresentativesPage() {
  const { t, label } = useI18n()
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('all')
  const [open, setOpen] = useState<string>()
  const reps = useApi<{ items: Representative[] }>('/representatives', {
    status: status === 'all' ? undefined : status,
  })
  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('reps.title')}
      </Typography.Title>
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <Segmented
            value={status}
            onChange={setStatus}
            options={FILTERS.map((f) => ({
              value: f,
              label: f === 'all' ? t('reps.all') : label('repStatus', f),
            }))}
          />
          <div className="section">
            {reps.error !== undefined ? (
              <ErrorView error={reps.error} onRetry={reps.reload} />
            ) : (
              <Table<Representative>
                size="small"
                rowKey="representative_id"
                loading={reps.loading}
                dataSource={reps.data?.items ?? []}
                pagination={false}
                onRow={(r) => ({
                  onClick: () => setOpen(r.representative_id),
                  className: 'clickable',
                })}
                columns={[
                  { title: t('reps.name'), dataIndex: 'name' },
                  {
                    title: t('reps.kind'),
                    dataIndex: 'kind',
                    render: (v: string) => label('repKind', v),
                  },
                  { title: t('verify.customer'), dataIndex: 'customer_id' },
                  {
                    title: t('reps.organization'),
                    dataIndex: 'organization',
                    render: (v: string | null) => v ?? '—',
                  },
                  {
                    title: t('verify.status'),
                    dataIndex: 'status',
                    render: (v: string) => <RepresentativeStatusTag status={v} />,
                  },
                  {
                    title: t('reps.reviewedBy'),
                    dataIndex: 'reviewed_by',
                    render: (v: string | null) => v ?? '—',
                  },
                  {
                    title: t('reps.updated'),
                    dataIndex: 'updated_at',
                    render: (v: string) => formatTime(v),
                  },
                ]}
              />
            )}
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <StandardsCard />
        </Col>
      </Row>
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size="large"
        title={t('reps.detail')}
        destroyOnHidden
      >
        {open && <RepresentativeDrawerBody id={open} onChanged={reps.reload} />}
      </Drawer>
      <Typography.Paragraph type="secondary" className="principle">
        {t('reps.principle')}
      </Typography.Paragraph>
    </div>
  )
}

function RepresentativeDrawerBody({ id, onChanged }: { id: string; onChanged: () => void }) {
  const rep = useApi<RepresentativeView>(`/representatives/${encodeURIComponent(id)}`)
  if (rep.error !== undefined) return <ErrorView error={rep.error} onRetry={rep.reload} />
  if (!rep.data) return <Skeleton active />
  return (
    <RepresentativeDetail
      rep={rep.data}
      onReviewed={() => {
        rep.reload()
        onChanged()
      }}
    />
  )
}

/** The material standard: what each kind of representative must provide. */
function StandardsCard() {
  const { t, pick } = useI18n()
  const s = useApi<MaterialStandards>('/material-standards')
  return (
    <Card size="small" title={t('reps.standards', { version: s.data?.version ?? '—' })}>
      {s.error !== undefined && <ErrorView error={s.error} />}
      {s.data && (
        <Collapse
          size="small"
          defaultActiveKey={Object.keys(s.data.kinds)}
          items={Object.entries(s.data.kinds).map(([kind, k]) => ({
            key: kind,
            label: pick(k.label),
            children: (
              <ul className="rep-standard">
                {k.items.map((i) => (
                  <li key={i.item}>{pick(i.label)}</li>
                ))}
              </ul>
            ),
          }))}
        />
      )}
    </Card>
  )
}
