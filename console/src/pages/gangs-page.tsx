// 团伙: the gangs found in the identifier graph, largest first (or by severity, growth this month,
// last activity), paged on the server.
import { Select, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { Link, useSearchParams } from 'react-router-dom'
import type { GangRow, GangSort } from '../api/gang-types'
import { gangSorts } from '../api/gang-types'
import { ErrorView } from '../components/error-view'
import { SeverityTag } from '../components/risk-tags'
import { formatDay, formatNumber, formatTime } from '../format'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'

const PAGE_SIZE = 20

export default function GangsPage() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const sort = (params.get('sort') as GangSort | null) ?? 'size'
  const page = Number(params.get('page') ?? '1') || 1
  const list = useApi<{ items: GangRow[]; total: number }>('/gangs', {
    sort,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  })
  const columns: TableColumnsType<GangRow> = [
    {
      title: t('gangs.id'),
      key: 'id',
      render: (_, g) => <Link to={`/gangs/${g.gang_id}`}>{g.gang_id}</Link>,
    },
    { title: t('gangs.customers'), dataIndex: 'customers', align: 'right' },
    { title: t('gangs.contacts'), dataIndex: 'contacts', align: 'right' },
    {
      title: t('gangs.severity'),
      key: 'severity',
      render: (_, g) => <SeverityTag severity={g.severity} />,
    },
    {
      title: t('gangs.growth'),
      dataIndex: 'growth',
      align: 'right',
      render: (n: number) => (n > 0 ? <strong>+{formatNumber(n)}</strong> : '0'),
    },
    {
      title: t('gangs.organizations'),
      key: 'org',
      render: (_, g) => g.organizations.map((o) => o.names[0] ?? o.key).join('、') || '—',
    },
    {
      title: t('gangs.agentPhones'),
      key: 'phones',
      render: (_, g) =>
        g.agent_phones.map((p) => p.identifier.replace(/^phone:/, '')).join('、') || '—',
    },
    { title: t('gangs.lastSeen'), dataIndex: 'last_seen', render: (v: string) => formatDay(v) },
  ]
  const first = list.data?.items[0]
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('gangs.title')}
        </Typography.Title>
        <Space>
          {first && (
            <span className="muted">
              {t('gangs.computedAt', { time: formatTime(first.computed_at) })}
            </span>
          )}
          <Select
            aria-label={t('gangs.sort')}
            style={{ width: 160 }}
            value={sort}
            onChange={(v: GangSort) => setParams({ sort: v })}
            options={gangSorts.map((s) => ({ value: s, label: t(`gangs.sort.${s}`) }))}
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('gangs.intro')}</Typography.Paragraph>
      {list.error !== undefined ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          rowKey="gang_id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('gangs.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => setParams({ sort, page: String(p) }),
          }}
        />
      )}
    </div>
  )
}
