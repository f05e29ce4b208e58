// A gang's summary: who and how many, through which identifiers, with which templates and forged
// files, since when, over which channels, and why its severity.
import { Descriptions, Tag } from 'antd'
import type { GangDetail } from '../api/gang-types'
import { formatDay, formatNumber } from '../format'
import { useI18n } from '../i18n/i18n'
import { SeverityTag } from './risk-tags'

const list = (xs: string[]) => (xs.length ? xs.join('、') : '—')

export function GangSummaryView({ gang }: { gang: GangDetail }) {
  const { t, label } = useI18n()
  const s = gang.summary
  const strip = (x: string) => x.replace(/^[a-z_0-9]+:/, '')
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label={t('gangs.customers')}>
        {formatNumber(s.customers)}
      </Descriptions.Item>
      <Descriptions.Item label={t('gangs.contacts')}>{formatNumber(s.contacts)}</Descriptions.Item>
      <Descriptions.Item label={t('gangs.growth')}>
        +{formatNumber(s.growth_this_month)}
      </Descriptions.Item>
      <Descriptions.Item label={t('gangs.severity')}>
        <SeverityTag severity={s.severity} />
        {s.severity_reasons.map((r) => (
          <Tag key={r}>{t(`gang.reason.${r}` as 'gang.reason.alliance')}</Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('gangs.firstSeen')}>{formatDay(s.first_seen)}</Descriptions.Item>
      <Descriptions.Item label={t('gangs.lastSeen')}>{formatDay(s.last_seen)}</Descriptions.Item>
      <Descriptions.Item label={t('gangs.organizations')}>
        {list(s.organizations.map((o) => (o.names.length ? o.names.join(' / ') : o.key)))}
      </Descriptions.Item>
      <Descriptions.Item label={t('gangs.agentPhones')}>
        {list(s.agent_phones.map((p) => strip(p.identifier)))}
      </Descriptions.Item>
      <Descriptions.Item label={t('gang.wechat')}>
        {list(s.wechat_ids.map((w) => strip(w.identifier)))}
      </Descriptions.Item>
      <Descriptions.Item label={t('gang.channels')}>
        {list(Object.entries(s.channels).map(([c, n]) => `${label('channel', c)} ${n}`))}
      </Descriptions.Item>
      <Descriptions.Item label={t('gang.templates')}>
        {list(s.templates.map((x) => `${strip(x.identifier)}（${x.customers}）`))}
      </Descriptions.Item>
      <Descriptions.Item label={t('gang.forged')}>
        {list(
          s.forged_files.map(
            (f) =>
              `${strip(f.identifier).slice(0, 12)}… ${f.kinds.map((k) => label('attachment', k)).join('/')}（${f.customers}）`,
          ),
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('gang.outstanding')}>
        {s.outstanding_fen === null ? '—' : `¥${formatNumber(Math.round(s.outstanding_fen / 100))}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('gang.detectorGangs')} span={2}>
        {list(s.detector_gang_ids)}
      </Descriptions.Item>
    </Descriptions>
  )
}
