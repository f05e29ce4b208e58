// 看板: this month's figures, contacts by channel and day with the flagged share, categories,
// severity, and the identifiers that speak for the most customers. The range lives in the URL.
import { Card, Col, DatePicker, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import type { Stats } from '../api/types'
import { useAuth } from '../auth/auth'
import { EChart } from '../components/echart'
import { ErrorView } from '../components/error-view'
import { useApi } from '../hooks/use-api'
import { formatPercent } from '../format'
import { useI18n } from '../i18n/i18n'
import { categoryOption, channelDayOption, severityOption } from './dashboard-charts'

const monthFigures = [
  'contacts',
  'flagged',
  'level1',
  'level2',
  'gangs',
  'reviewed',
  'confirmed_agency',
  'genuine',
] as const

export default function DashboardPage() {
  const { t, label } = useI18n()
  const [params, setParams] = useSearchParams()
  const from = params.get('from')
  const to = params.get('to')
  const query = useMemo(
    () => ({
      from: from ? dayjs(from).startOf('day').toISOString() : undefined,
      to: to ? dayjs(to).add(1, 'day').startOf('day').toISOString() : undefined,
    }),
    [from, to],
  )
  const stats = useApi<Stats>('/stats', query)
  const s = stats.data

  const options = useMemo(
    () =>
      s && {
        channelDay: channelDayOption(s, (c) => label('channel', c), t('dash.flaggedShare')),
        category: categoryOption(s, (c) => label('category', c)),
        severity: severityOption(s, (c) => label('severity', c)),
      },
    [s, label, t],
  )

  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('dash.title')}
        </Typography.Title>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[
            from ? dayjs(from) : s ? dayjs(s.range.from) : null,
            to ? dayjs(to) : s ? dayjs(s.range.to) : null,
          ]}
          onChange={(range) => {
            const next = new URLSearchParams()
            if (range?.[0]) next.set('from', range[0].format('YYYY-MM-DD'))
            if (range?.[1]) next.set('to', range[1].format('YYYY-MM-DD'))
            setParams(next)
          }}
        />
      </div>
      {stats.error !== undefined && <ErrorView error={stats.error} onRetry={stats.reload} />}
      <Typography.Text type="secondary">
        {s ? t('dash.month', { month: s.month.month }) : '\u00a0'}
      </Typography.Text>
      <Row gutter={[12, 12]} className="stat-row section">
        {monthFigures.map((k) => (
          <Col key={k} xs={12} md={6} xl={3}>
            <Card size="small">
              <Statistic title={t(`stat.${k}`)} value={s?.month[k] ?? 0} loading={!s} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} className="section">
        <Col xs={24}>
          <Card
            size="small"
            title={t('dash.byChannelDay')}
            extra={
              s && (
                <span className="muted">
                  {t('dash.rangeShare', { p: formatPercent(s.flagged_share) })}
                </span>
              )
            }
          >
            {options ? (
              s?.by_channel_day.length ? (
                <EChart option={options.channelDay} ariaLabel={t('dash.byChannelDay')} />
              ) : (
                <Empty className="chart-empty" />
              )
            ) : (
              <Skeleton active className="chart" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dash.byCategory')}>
            {options ? (
              <EChart
                option={options.category}
                className="chart chart-small"
                ariaLabel={t('dash.byCategory')}
              />
            ) : (
              <Skeleton active className="chart chart-small" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dash.bySeverity')}>
            {options ? (
              <EChart
                option={options.severity}
                className="chart chart-small"
                ariaLabel={t('dash.bySeverity')}
              />
            ) : (
              <Skeleton active className="chart chart-small" />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dash.topFanOut')}>
            <TopFanOut rows={s?.top_fan_out} loading={stats.loading} />
          </Card>
        </Col>
      </Row>
    </div>
  )
}

function TopFanOut({
  rows,
  loading,
}: {
  rows: Stats['top_fan_out'] | undefined
  loading: boolean
}) {
  const { t, label } = useI18n()
  const canRead = useAuth().can('contacts:read')
  return (
    <Table<Stats['top_fan_out'][number]>
      size="small"
      rowKey={(r) => `${r.kind}:${r.identifier}`}
      loading={loading}
      dataSource={rows ?? []}
      pagination={false}
      columns={[
        {
          title: '#',
          key: 'rank',
          width: 48,
          render: (_: unknown, __: unknown, i: number) => i + 1,
        },
        {
          title: t('col.identifier'),
          dataIndex: 'identifier',
          render: (v: string, r) =>
            r.ref && canRead ? (
              <Link to={`/workbench?identifier=${encodeURIComponent(r.ref)}`} className="mono">
                {v}
              </Link>
            ) : (
              <span className="mono">{v}</span>
            ),
        },
        {
          title: t('col.kind'),
          dataIndex: 'kind',
          width: 120,
          render: (v: string) => label('idKind', v),
        },
        { title: t('col.customers'), dataIndex: 'customers', width: 100, align: 'right' },
        { title: t('col.contacts'), dataIndex: 'contacts', width: 100, align: 'right' },
      ]}
    />
  )
}
