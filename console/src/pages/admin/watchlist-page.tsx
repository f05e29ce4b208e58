// 观察名单: identifiers known to belong to agencies. Entries are never deleted: editing keeps the
// earlier version and "expire" ends an entry now, with a reason, so the history stays readable.
import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { watchlistKinds } from '../../api/types'
import type { WatchlistEntry } from '../../api/types'
import { useAuth } from '../../auth/auth'
import { ErrorView } from '../../components/error-view'
import { ListFooter } from '../../components/list-footer'
import {
  WatchlistEntryDialog,
  WatchlistExpireDialog,
} from '../../components/watchlist-entry-dialogs'
import { WatchlistHistory } from '../../components/watchlist-history'
import { useKeysetPages } from '../../hooks/use-keyset-pages'
import { formatTime } from '../../format'
import { useI18n } from '../../i18n/i18n'

type Dialog =
  { kind: 'add' } | { kind: 'edit' | 'expire' | 'history'; entry: WatchlistEntry } | null

export default function WatchlistPage() {
  const { t, label } = useI18n()
  const { can } = useAuth()
  const [params, setParams] = useSearchParams()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [q, setQ] = useState(params.get('q') ?? '')
  const query = useMemo(
    () => ({
      kind: params.get('kind') ?? undefined,
      q: params.get('q') ?? undefined,
      include_expired: params.get('include_expired') === 'true' ? 'true' : undefined,
      limit: 50,
    }),
    [params],
  )
  const pages = useKeysetPages<WatchlistEntry>('/watchlist', query)
  const writable = can('watchlist:write')
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next)
  }

  const columns: TableColumnsType<WatchlistEntry> = [
    {
      title: t('wl.kind'),
      dataIndex: 'kind',
      width: 96,
      render: (v: string) => label('idKind', v),
    },
    {
      title: t('wl.value'),
      dataIndex: 'value',
      width: 200,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('wl.label'), dataIndex: 'label', width: 200 },
    {
      title: t('wl.reason'),
      dataIndex: 'reason',
      width: 220,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('wl.source'), dataIndex: 'source', width: 110 },
    {
      title: t('wl.addedBy'),
      dataIndex: 'added_by',
      width: 96,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('wl.addedAt'), dataIndex: 'added_at', width: 136, render: formatTime },
    {
      title: t('wl.expiresAt'),
      dataIndex: 'expires_at',
      width: 136,
      render: (v: string | null, r) =>
        isExpired(r) ? <Tag>{t('wl.expired')}</Tag> : v ? formatTime(v) : '—',
    },
    { title: t('wl.version'), dataIndex: 'version', width: 60, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: writable ? 170 : 70,
      render: (_: unknown, r) => (
        <Space size={0}>
          {writable && !isExpired(r) && (
            <>
              <Button
                size="small"
                type="link"
                onClick={() => setDialog({ kind: 'edit', entry: r })}
              >
                {t('common.edit')}
              </Button>
              <Button
                size="small"
                type="link"
                danger
                onClick={() => setDialog({ kind: 'expire', entry: r })}
              >
                {t('wl.expire')}
              </Button>
            </>
          )}
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'history', entry: r })}>
            {t('wl.history')}
          </Button>
        </Space>
      ),
    },
  ]

  const done = () => {
    setDialog(null)
    pages.reload()
  }
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('wl.title')}
        </Typography.Title>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('wl.add')}
          </Button>
        )}
      </div>
      <Card size="small" className="filters">
        <Space wrap>
          <Select
            allowClear
            className="filter-kind"
            placeholder={t('wl.allKinds')}
            aria-label={t('wl.kind')}
            value={params.get('kind') ?? undefined}
            onChange={(v?: string) => set('kind', v ?? null)}
            options={watchlistKinds.map((k) => ({ value: k, label: label('idKind', k) }))}
          />
          <Input.Search
            allowClear
            className="filter-search"
            placeholder={t('wl.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => set('q', v.trim() || null)}
          />
          <Checkbox
            checked={params.get('include_expired') === 'true'}
            onChange={(e) => set('include_expired', e.target.checked ? 'true' : null)}
          >
            {t('wl.includeExpired')}
          </Checkbox>
        </Space>
      </Card>
      {pages.error !== undefined && <ErrorView error={pages.error} onRetry={pages.reload} />}
      <Table<WatchlistEntry>
        className="section"
        size="small"
        rowKey="entry_key"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        scroll={{ x: 1200 }}
      />
      <ListFooter
        count={pages.items.length}
        hasMore={pages.hasMore}
        loading={pages.loading}
        onMore={pages.loadMore}
      />
      <WatchlistEntryDialog
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        entry={dialog?.kind === 'edit' ? dialog.entry : null}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <WatchlistExpireDialog
        entry={dialog?.kind === 'expire' ? dialog.entry : null}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <WatchlistHistory
        entry={dialog?.kind === 'history' ? dialog.entry : null}
        onClose={() => setDialog(null)}
      />
    </div>
  )
}

function isExpired(e: WatchlistEntry): boolean {
  if (e.active !== undefined) return !e.active
  return e.expires_at !== null && new Date(e.expires_at) <= new Date()
}
