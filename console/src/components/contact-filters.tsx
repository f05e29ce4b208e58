// The workbench's filters, read from and written to the URL's query string so that a copied link
// reproduces the view. Lists apply at once; typed text applies on Enter.
import { Button, Card, Col, DatePicker, Row, Select, Tag } from 'antd'
import dayjs from 'dayjs'
import type { URLSearchParamsInit } from 'react-router-dom'
import { categories, channels, decisions, risks, severities } from '../api/types'
import { useI18n } from '../i18n/i18n'
import { TextFilter } from './text-filter'

export const filterKeys = [
  'risk',
  'category',
  'severity',
  'channel',
  'source',
  'from',
  'to',
  'customer_id',
  'identifier',
  'review',
  'gang_id',
] as const
export type FilterKey = (typeof filterKeys)[number]

type Props = {
  params: URLSearchParams
  onChange: (next: URLSearchParamsInit) => void
}

function list(params: URLSearchParams, key: FilterKey): string[] {
  return (params.get(key) ?? '').split(',').filter(Boolean)
}

export function ContactFilters({ params, onChange }: Props) {
  const { t, label: labelOf } = useI18n()
  const set = (changes: Partial<Record<FilterKey, string | string[] | null>>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      const v = Array.isArray(value) ? value.join(',') : value
      if (v) next.set(key, v)
      else next.delete(key)
    }
    onChange(next)
  }
  const multi = (key: FilterKey, values: readonly string[], prefix: string, label: string) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      className="full-width"
      placeholder={label}
      aria-label={label}
      value={list(params, key)}
      onChange={(v: string[]) => set({ [key]: v })}
      options={values.map((v) => ({ value: v, label: labelOf(prefix, v) }))}
    />
  )
  const from = params.get('from')
  const to = params.get('to')

  return (
    <Card size="small" className="filters">
      <Row gutter={[8, 8]}>
        <Col xs={12} md={8} xl={4}>
          {multi('risk', risks, 'risk', t('filter.risk'))}
        </Col>
        <Col xs={12} md={8} xl={5}>
          {multi('category', categories, 'category', t('filter.category'))}
        </Col>
        <Col xs={12} md={8} xl={4}>
          {multi('severity', severities, 'severity', t('filter.severity'))}
        </Col>
        <Col xs={12} md={8} xl={5}>
          {multi('channel', channels, 'channel', t('filter.channel'))}
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            className="full-width"
            placeholder={t('filter.review')}
            aria-label={t('filter.review')}
            value={list(params, 'review')}
            onChange={(v: string[]) => set({ review: v })}
            options={['unreviewed', ...decisions].map((d) => ({
              value: d,
              label: labelOf('decision', d),
            }))}
          />
        </Col>
        <Col xs={24} md={8} xl={6}>
          <DatePicker.RangePicker
            className="full-width"
            placeholder={[t('filter.start'), t('filter.end')]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              set({
                from: range?.[0]?.format('YYYY-MM-DD') ?? null,
                to: range?.[1]?.format('YYYY-MM-DD') ?? null,
              })
            }
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <TextFilter
            value={params.get('customer_id')}
            label={t('filter.customer')}
            onApply={(v) => set({ customer_id: v })}
          />
        </Col>
        <Col xs={12} md={10} xl={7}>
          <TextFilter
            value={params.get('identifier')}
            label={t('filter.identifier')}
            onApply={(v) => set({ identifier: v })}
          />
        </Col>
        <Col xs={12} md={4} xl={4}>
          <TextFilter
            value={params.get('source')}
            label={t('filter.source')}
            onApply={(v) => set({ source: v })}
          />
        </Col>
        <Col xs={12} md={4} xl={3}>
          <Button
            block
            disabled={!filterKeys.some((k) => params.has(k))}
            onClick={() => onChange(new URLSearchParams())}
          >
            {t('filter.clear')}
          </Button>
        </Col>
      </Row>
      {params.get('gang_id') && (
        <Tag closable className="section" onClose={() => set({ gang_id: null })}>
          {t('filter.gang', { id: params.get('gang_id') ?? '' })}
        </Tag>
      )}
    </Card>
  )
}

/** The URL's filters as the API's query: inclusive dates become [from, next day). */
export function filterQuery(params: URLSearchParams): Record<string, string | undefined> {
  const q: Record<string, string | undefined> = {}
  for (const key of filterKeys) q[key] = params.get(key) ?? undefined
  if (q.from) q.from = dayjs(q.from).startOf('day').toISOString()
  if (q.to) q.to = dayjs(q.to).add(1, 'day').startOf('day').toISOString()
  return q
}
