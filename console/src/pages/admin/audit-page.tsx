// 审计日志 (auditors and admins): every read of personal data and every change, newest first,
// filtered on the server and paged by keyset; a row expands to its detail.
import { Card, Col, DatePicker, Row, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { AuditEntry } from '../../api/types'
import { ErrorView } from '../../components/error-view'
import { JsonView } from '../../components/json-view'
import { ListFooter } from '../../components/list-footer'
import { TextFilter } from '../../components/text-filter'
import { useKeysetPages } from '../../hooks/use-keyset-pages'
import { formatTime } from '../../format'
import { useI18n } from '../../i18n/i18n'

const textFilters = ['actor', 'action', 'target'] as const

export default function AuditPage() {
  const { t, label } = useI18n()
  const [params, setParams] = useSearchParams()
  const from = params.get('from')
  const to = params.get('to')
  const query = useMemo(
    () => ({
      actor: params.get('actor') ?? undefined,
      action: params.get('action') ?? undefined,
      target: params.get('target') ?? undefined,
      from: from ? dayjs(from).startOf('day').toISOString() : undefined,
      to: to ? dayjs(to).add(1, 'day').startOf('day').toISOString() : undefined,
      limit: 100,
    }),
    [params, from, to],
  )
  const pages = useKeysetPages<AuditEntry>('/audit', query)
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v)
      else next.delete(k)
    }
    setParams(next)
  }

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.seq'),
      dataIndex: 'seq',
      width: 80,
      render: (v: number) => <span className="mono">{v}</span>,
    },
    { title: t('audit.at'), dataIndex: 'at', width: 140, render: formatTime },
    { title: t('audit.actor'), dataIndex: 'actor', width: 120 },
    {
      title: t('audit.role'),
      dataIndex: 'actor_role',
      width: 120,
      render: (v: string | null) => (v ? label('role', v) : '—'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 170,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_: unknown, r) =>
        r.target_kind || r.target_id ? (
          <span className="mono">
            {r.target_kind}
            {r.target_id ? `:${r.target_id}` : ''}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (v: string) => <Tag color={v === 'ok' || v === 'success' ? 'green' : 'red'}>{v}</Tag>,
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 120,
      render: (v: string | null) => <span className="mono">{v ?? '—'}</span>,
    },
  ]

  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      <Card size="small" className="filters">
        <Row gutter={[8, 8]}>
          {textFilters.map((key) => (
            <Col key={key} xs={12} md={6}>
              <TextFilter
                value={params.get(key)}
                label={t(`audit.${key}`)}
                onApply={(v) => set({ [key]: v })}
              />
            </Col>
          ))}
          <Col xs={24} md={6}>
            <DatePicker.RangePicker
              className="full-width"
              allowEmpty={[true, true]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(range) =>
                set({
                  from: range?.[0]?.format('YYYY-MM-DD') ?? null,
                  to: range?.[1]?.format('YYYY-MM-DD') ?? null,
                })
              }
            />
          </Col>
        </Row>
      </Card>
      {pages.error !== undefined && <ErrorView error={pages.error} onRetry={pages.reload} />}
      <Table<AuditEntry>
        className="section"
        size="small"
        rowKey="seq"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => <JsonView value={r.detail} />,
          rowExpandable: (r) => r.detail != null && r.detail !== '',
        }}
      />
      <ListFooter
        count={pages.items.length}
        hasMore={pages.hasMore}
        loading={pages.loading}
        onMore={pages.loadMore}
      />
    </div>
  )
}
