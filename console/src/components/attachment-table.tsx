// A contact's attachments: what kind, a short fingerprint, and how many customers sent the same
// file (a reused certificate is the agencies' habit, a single one is ordinary).
import { Table, Tooltip } from 'antd'
import type { TableColumnsType } from 'antd'
import type { AttachmentInfo } from '../api/types'
import { useI18n } from '../i18n/i18n'

export function AttachmentTable({ attachments }: { attachments: AttachmentInfo[] }) {
  const { t, label } = useI18n()
  const columns: TableColumnsType<AttachmentInfo> = [
    {
      title: t('col.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (v: string) => label('attachment', v),
    },
    {
      title: t('contact.fileName'),
      key: 'name',
      render: (_: unknown, r) => r.name ?? r.filename ?? '—',
    },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      width: 130,
      render: (v: string) => (
        <Tooltip title={<span className="mono">{v}</span>}>
          <span className="mono">{v.slice(0, 12)}…</span>
        </Tooltip>
      ),
    },
    {
      title: t('contact.reusedBy'),
      dataIndex: 'reused_by_customers',
      width: 110,
      align: 'right',
      render: (v: number) => (v > 1 ? <strong className="fan-out">{v}</strong> : v),
    },
  ]
  return (
    <Table<AttachmentInfo>
      size="small"
      rowKey={(r) => `${r.sha256}-${r.name ?? r.filename ?? ''}`}
      columns={columns}
      dataSource={attachments}
      pagination={false}
    />
  )
}
