// The fields every watchlist entry carries — label, reason, optional expiry — shared by the dialog
// that watches a contact's identifier and the one that adds or edits an entry by hand.
import { DatePicker, Form, Input } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '../i18n/i18n'

export type EntryFields = { label: string; reason: string; expires_at?: Dayjs | null }

/** The entry's expiry as the API takes it: the end of the day picked, in UTC. */
export function expiryOf(v: Pick<EntryFields, 'expires_at'>): string | undefined {
  return v.expires_at ? v.expires_at.endOf('day').toISOString() : undefined
}

export function WatchlistEntryFields() {
  const { t } = useI18n()
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.required', { field }) },
  ]
  return (
    <>
      <Form.Item name="label" label={t('watch.label')} rules={required(t('watch.label'))}>
        <Input maxLength={500} placeholder={t('watch.labelPlaceholder')} />
      </Form.Item>
      <Form.Item name="reason" label={t('watch.reason')} rules={required(t('watch.reason'))}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="expires_at" label={t('watch.expiresAt')}>
        <DatePicker />
      </Form.Item>
    </>
  )
}
