// 投诉工作台: the contacts queue, filtered on the server, newest first, paged by keyset. Handlers
// select rows and record a review decision for all of them at once.
import { Button, Table, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import type { ContactPage, ContactRow } from '../api/types'
import { useAuth } from '../auth/auth'
import { ContactFilters, filterQuery } from '../components/contact-filters'
import { ErrorView } from '../components/error-view'
import { ListFooter } from '../components/list-footer'
import { ReviewDialog } from '../components/review-dialog'
import { CategoryTags, ReviewCell, RiskTag, SeverityTag } from '../components/risk-tags'
import { useKeysetPages } from '../hooks/use-keyset-pages'
import { formatNumber, formatTime } from '../format'
import { useI18n } from '../i18n/i18n'
import type { I18n } from '../i18n/i18n'

export function WorkbenchPage() {
  const { t } = useI18n()
  const { can } = useAuth()
  const [params, setParams] = useSearchParams()
  const query = useMemo(() => ({ ...filterQuery(params), limit: 50 }), [params])
  const pages = useKeysetPages<ContactRow, ContactPage>('/contacts', query)
  const [selected, setSelected] = useState<string[]>([])
  const [reviewing, setReviewing] = useState(false)
  const canReview = can('contacts:review')
  const columns = useColumns()

  const total = pages.first
    ? pages.first.total_is_lower_bound
      ? t('common.totalAtLeast', { n: formatNumber(pages.first.total) })
      : t('common.total', { n: formatNumber(pages.first.total) })
    : ''

  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('workbench.title')}
        </Typography.Title>
        <span className="muted">{total}</span>
      </div>
      <ContactFilters
        params={params}
        onChange={(next) => {
          setSelected([])
          setParams(next)
        }}
      />
      {canReview && (
        <div className="bulk-bar section">
          {selected.length ? (
            <>
              <span>{t('workbench.selected', { n: selected.length })}</span>
              <Button type="primary" size="small" onClick={() => setReviewing(true)}>
                {t('workbench.bulkReview')}
              </Button>
              <Button size="small" type="link" onClick={() => setSelected([])}>
                {t('workbench.clearSelection')}
              </Button>
            </>
          ) : (
            <span className="muted">{t('workbench.selectHint')}</span>
          )}
        </div>
      )}
      {pages.error !== undefined && <ErrorView error={pages.error} onRetry={pages.reload} />}
      <Table<ContactRow>
        className={canReview ? undefined : 'section'}
        size="small"
        rowKey="contact_id"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        scroll={{ x: 1200 }}
        rowSelection={
          canReview
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
      />
      <ListFooter
        count={pages.items.length}
        hasMore={pages.hasMore}
        loading={pages.loading}
        onMore={pages.loadMore}
      />
      <ReviewDialog
        contactIds={selected}
        open={reviewing}
        onClose={() => setReviewing(false)}
        onDone={() => {
          setReviewing(false)
          setSelected([])
          pages.reload()
        }}
      />
    </div>
  )
}

function useColumns(): TableColumnsType<ContactRow> {
  const i18n = useI18n()
  return useMemo(() => columnsFor(i18n), [i18n])
}

function columnsFor({ t, label }: I18n): TableColumnsType<ContactRow> {
  return [
    {
      title: t('col.time'),
      dataIndex: 'received_at',
      width: 148,
      render: (v: string, r) => (
        <Link to={`/contacts/${encodeURIComponent(r.contact_id)}`} className="nowrap">
          {formatTime(v)}
        </Link>
      ),
    },
    {
      title: t('col.channel'),
      dataIndex: 'channel',
      width: 92,
      render: (v: string) => label('channel', v),
    },
    {
      title: t('col.customer'),
      dataIndex: 'customer_id',
      width: 120,
      render: (_: unknown, r) =>
        r.customer_id ? (
          <div>
            <div>{r.customer_name ?? '—'}</div>
            <div className="mono muted">{r.customer_id}</div>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: t('col.caller'),
      dataIndex: 'caller',
      width: 170,
      render: (v: string | null, r) => (
        <div>
          <div className="mono">{v ?? '—'}</div>
          {r.caller_role && <div className="muted small">{label('partyRole', r.caller_role)}</div>}
        </div>
      ),
    },
    {
      title: t('col.summary'),
      dataIndex: 'summary',
      render: (v: string | null, r) => (
        <Tooltip title={v} placement="topLeft" mouseEnterDelay={0.6}>
          <Link to={`/contacts/${encodeURIComponent(r.contact_id)}`} className="summary-cell">
            {v || '—'}
          </Link>
        </Tooltip>
      ),
    },
    {
      title: t('col.risk'),
      dataIndex: 'risk',
      width: 86,
      render: (v: ContactRow['risk']) => <RiskTag risk={v} />,
    },
    {
      title: t('col.severity'),
      dataIndex: 'severity',
      width: 112,
      render: (v: ContactRow['severity']) => <SeverityTag severity={v} />,
    },
    {
      title: t('col.categories'),
      dataIndex: 'categories',
      width: 220,
      render: (v: ContactRow['categories']) => <CategoryTags categories={v} max={2} />,
    },
    {
      title: t('col.review'),
      dataIndex: 'review',
      width: 104,
      render: (v: ContactRow['review']) => <ReviewCell review={v} />,
    },
  ]
}
