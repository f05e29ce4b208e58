// 受害人举报: consumers who report that an agency defrauded them. Each is linked to that agency's
// case (or can be), and the reply template tells them how to protect themselves.
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { Link } from 'react-router-dom'
import { api } from '../api/client'
import type { VictimReport } from '../api/case-types'
import type { Bilingual } from '../api/types'
import { useAuth } from '../auth/auth'
import { ErrorView } from '../components/error-view'
import { formatTime } from '../format'
import { useApi } from '../hooks/use-api'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

export default function VictimReportsPage() {
  const { t, lang } = useI18n()
  const { can } = useAuth()
  const { message } = App.useApp()
  const report = useReportError()
  const list = useApi<{ reply_template: Bilingual; items: VictimReport[] }>('/victim-reports')

  const link = async (contactId: string, caseId: string) => {
    try {
      await api(`/victim-reports/${encodeURIComponent(contactId)}/link`, {
        body: { case_id: caseId },
      })
      void message.success(t('victims.linked'))
      list.reload()
    } catch (e) {
      report(e)
    }
  }

  const columns: TableColumnsType<VictimReport> = [
    {
      title: 'ID',
      dataIndex: 'contact_id',
      width: 120,
      render: (v: string) => <Link to={`/contacts/${encodeURIComponent(v)}`}>{v}</Link>,
    },
    { title: '', dataIndex: 'received_at', width: 140, render: (v: string) => formatTime(v) },
    {
      title: '',
      key: 'who',
      width: 110,
      render: (_, r) => `${r.name ?? '—'} ${r.customer_id ?? ''}`,
    },
    { title: '', dataIndex: 'text', ellipsis: true },
    {
      title: t('victims.agency'),
      key: 'agency',
      render: (_, r) =>
        r.agency.map((a, i) => (
          <div key={i}>{[a.organization, a.name, a.phone].filter(Boolean).join(' · ')}</div>
        )),
    },
    {
      title: t('victims.cases'),
      key: 'cases',
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          {r.cases.map((c) => (
            <Link key={c} to={`/cases/${c}`}>
              <Tag color="blue">{c}</Tag>
            </Link>
          ))}
          {can('cases:write') &&
            r.suggested_cases.map((c) => (
              <Button key={c} size="small" onClick={() => void link(r.contact_id, c)}>
                {t('victims.link', { id: c })}
              </Button>
            ))}
        </Space>
      ),
    },
  ]

  if (list.error !== undefined)
    return (
      <div className="page">
        <ErrorView error={list.error} onRetry={list.reload} />
      </div>
    )
  const reply = list.data?.reply_template[lang] ?? ''
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('victims.title')}
        </Typography.Title>
      </div>
      <Alert type="info" showIcon message={t('victims.hint')} className="section" />
      <Card
        size="small"
        title={t('victims.reply')}
        className="section"
        extra={
          <Button
            size="small"
            onClick={() =>
              void navigator.clipboard
                ?.writeText(reply)
                .then(() => message.success(t('common.copied')))
            }
          >
            {t('victims.copyReply')}
          </Button>
        }
      >
        <pre className="reply-template">{reply}</pre>
      </Card>
      <Table
        rowKey="contact_id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50 }}
      />
    </div>
  )
}
