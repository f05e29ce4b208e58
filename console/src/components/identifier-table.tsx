// A contact's identifiers with how far each reaches (customers and contacts it spoke for) and
// whether it is watched; each opens the workbench filtered by it.
import { Button, Table, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import { Link } from 'react-router-dom'
import type { LinkedIdentifier } from '../api/types'
import { useI18n } from '../i18n/i18n'
import { canWatch } from './watchlist-add-dialog'

type Props = {
  identifiers: LinkedIdentifier[]
  canWrite: boolean
  onWatch: (identifier: LinkedIdentifier) => void
}

export function IdentifierTable({ identifiers, canWrite, onWatch }: Props) {
  const { t, label } = useI18n()
  const columns: TableColumnsType<LinkedIdentifier> = [
    {
      title: t('col.identifier'),
      dataIndex: 'identifier',
      render: (v: string, r) => (
        <Link to={`/workbench?identifier=${encodeURIComponent(r.ref)}`} className="mono break-all">
          {v}
        </Link>
      ),
    },
    {
      title: t('col.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (v: string) => label('idKind', v),
    },
    {
      title: t('col.role'),
      dataIndex: 'role',
      width: 110,
      render: (v: string) => <span className="nowrap">{label('linkRole', v)}</span>,
    },
    {
      title: t('col.customers'),
      dataIndex: 'customers',
      width: 76,
      align: 'right',
      render: (v: number) => (v >= 3 ? <strong className="fan-out">{v}</strong> : v),
    },
    { title: t('col.contacts'), dataIndex: 'contacts', width: 76, align: 'right' },
    {
      title: t('nav.watchlist'),
      key: 'watch',
      width: 130,
      render: (_: unknown, r) =>
        r.watchlisted ? (
          <Tag color="volcano">{t('contact.watchlisted')}</Tag>
        ) : canWrite && canWatch(r) ? (
          <Button size="small" type="link" onClick={() => onWatch(r)}>
            {t('contact.addToWatchlist')}
          </Button>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ]
  return (
    <Table<LinkedIdentifier>
      size="small"
      rowKey="ref"
      columns={columns}
      dataSource={identifiers}
      pagination={false}
      tableLayout="fixed"
    />
  )
}
