// 工作月报: the month-by-month figures managers report upward — cases pushed to the police, filed,
// in preparation, closed, joint cases, victim reports, warnings and how many were confirmed.
import { Alert, Button, Input, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { buildQuery } from '../api/client'
import type { MonthFigures, OperationsReport } from '../api/case-types'
import { ErrorView } from '../components/error-view'
import { formatPercent } from '../format'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'

export default function OperationsReportPage() {
  const { t, lang } = useI18n()
  const [range, setRange] = useState<{ from?: string; to?: string }>({})
  const report = useApi<OperationsReport>('/operations-report', range)
  const r = report.data
  const n = (key: keyof MonthFigures, label: Parameters<typeof t>[0]) => ({
    title: t(label),
    dataIndex: key,
    align: 'right' as const,
  })
  const columns: TableColumnsType<MonthFigures> = [
    { title: t('ops.month'), dataIndex: 'month' },
    n('opened', 'ops.opened'),
    n('pushed', 'ops.pushed'),
    n('filed', 'ops.filed'),
    n('in_preparation', 'ops.inPreparation'),
    n('closed', 'ops.closed'),
    n('joint', 'ops.joint'),
    n('victim_reports', 'ops.victimReports'),
    n('warnings', 'ops.warnings'),
    n('confirmed', 'ops.confirmed'),
    {
      title: t('ops.confirmedShare'),
      dataIndex: 'confirmed_share',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : formatPercent(v)),
    },
  ]
  const q = buildQuery({ from: r?.from, to: r?.to })
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('ops.title')}
        </Typography.Title>
        <Space>
          <span>{t('ops.from')}</span>
          <Input
            type="month"
            value={range.from ?? r?.from ?? ''}
            onChange={(e) => setRange({ ...range, from: e.target.value || undefined })}
            style={{ width: 150 }}
          />
          <span>{t('ops.to')}</span>
          <Input
            type="month"
            value={range.to ?? r?.to ?? ''}
            onChange={(e) => setRange({ ...range, to: e.target.value || undefined })}
            style={{ width: 150 }}
          />
          <Button href={`/api/operations-report.csv${q}`} download>
            {t('ops.csv')}
          </Button>
          <Button type="primary" href={`/api/operations-report.pdf${q}`} download>
            {t('ops.pdf')}
          </Button>
        </Space>
      </div>
      {report.error !== undefined ? (
        <ErrorView error={report.error} onRetry={report.reload} />
      ) : (
        <>
          {/* The headline is written in Chinese, the language of the report itself. */}
          {r?.headline && lang === 'zh-CN' && (
            <Alert type="success" message={r.headline} className="section" />
          )}
          <Table
            rowKey="month"
            size="small"
            loading={report.loading}
            columns={columns}
            dataSource={r?.months ?? []}
            pagination={false}
          />
          <p className="muted section">{t('ops.definitions')}</p>
        </>
      )}
    </div>
  )
}
