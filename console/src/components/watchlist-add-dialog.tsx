// Putting one of a contact's identifiers on the watchlist. The identifier is sent by its opaque
// ref: the console never holds the raw value.
import { App, Form, Modal } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { LinkedIdentifier, WatchlistKind } from '../api/types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'
import type { EntryFields } from './watchlist-entry-fields'
import { expiryOf, WatchlistEntryFields } from './watchlist-entry-fields'

/** Identifier kinds that a watchlist entry can name (files and images are matched otherwise). */
const watchKindOf: Record<string, WatchlistKind | undefined> = {
  phone: 'phone',
  id_number: 'id_number',
  email: 'email',
  wechat: 'wechat',
  organization: 'organization',
  device: 'device_id',
  ip: 'ip',
}

export function canWatch(identifier: LinkedIdentifier): boolean {
  return !identifier.watchlisted && watchKindOf[identifier.kind] !== undefined
}

type Props = { identifier: LinkedIdentifier | null; onClose: () => void; onDone: () => void }

export function WatchlistAddDialog({ identifier, onClose, onDone }: Props) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [form] = Form.useForm<EntryFields>()
  const [busy, setBusy] = useState(false)

  const submit = async (v: EntryFields) => {
    if (!identifier) return
    setBusy(true)
    try {
      await api('/watchlist', {
        body: {
          ref: identifier.ref,
          label: v.label.trim(),
          reason: v.reason.trim(),
          expires_at: expiryOf(v),
        },
      })
      void message.success(t('watch.added'))
      form.resetFields()
      onDone()
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={identifier !== null}
      title={t('watch.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EntryFields> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('watch.identifier')}>
          <span className="mono">{identifier?.identifier}</span>
        </Form.Item>
        <WatchlistEntryFields />
      </Form>
    </Modal>
  )
}
