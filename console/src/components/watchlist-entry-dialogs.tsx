// Adding or editing a watchlist entry, and expiring one with a reason. The raw value is typed
// only when adding; afterwards the server shows it masked and edits touch the label, reason, expiry.
import { App, Form, Input, Modal, Select } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import { watchlistKinds } from '../api/types'
import type { WatchlistEntry, WatchlistKind } from '../api/types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'
import type { EntryFields } from './watchlist-entry-fields'
import { expiryOf, WatchlistEntryFields } from './watchlist-entry-fields'

type Fields = EntryFields & { kind: WatchlistKind; value: string }

type EntryProps = {
  open: boolean
  entry: WatchlistEntry | null
  onClose: () => void
  onDone: () => void
}

export function WatchlistEntryDialog({ open, entry, onClose, onDone }: EntryProps) {
  const { t, label } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [form] = Form.useForm<Fields>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!open) return
    form.setFieldsValue({
      kind: entry?.kind ?? 'phone',
      value: entry?.value ?? '',
      label: entry?.label ?? '',
      reason: entry?.reason ?? '',
      expires_at: entry?.expires_at ? dayjs(entry.expires_at) : null,
    })
  }, [open, entry, form])

  const submit = async (v: Fields) => {
    setBusy(true)
    const expires_at = expiryOf(v)
    // Clearing the date of an entry that had one removes its expiry (null), not "no change".
    const patchedExpiry = expires_at ?? (entry?.expires_at ? null : undefined)
    try {
      if (entry)
        await api(`/watchlist/${encodeURIComponent(entry.entry_key)}`, {
          method: 'PATCH',
          body: { label: v.label.trim(), reason: v.reason.trim(), expires_at: patchedExpiry },
        })
      else
        await api('/watchlist', {
          body: {
            kind: v.kind,
            value: v.value.trim(),
            label: v.label.trim(),
            reason: v.reason.trim(),
            expires_at,
          },
        })
      void message.success(t('common.saved'))
      onDone()
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.required', { field }) },
  ]
  return (
    <Modal
      open={open}
      title={entry ? t('wl.editTitle') : t('wl.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<Fields> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('wl.kind')}>
          <Select
            disabled={entry !== null}
            options={watchlistKinds.map((k) => ({ value: k, label: label('idKind', k) }))}
          />
        </Form.Item>
        <Form.Item name="value" label={t('wl.value')} rules={entry ? [] : required(t('wl.value'))}>
          <Input
            disabled={entry !== null}
            className="mono"
            maxLength={2000}
            placeholder={t('wl.valuePlaceholder')}
          />
        </Form.Item>
        <WatchlistEntryFields />
      </Form>
    </Modal>
  )
}

type ExpireProps = { entry: WatchlistEntry | null; onClose: () => void; onDone: () => void }

export function WatchlistExpireDialog({ entry, onClose, onDone }: ExpireProps) {
  const { t } = useI18n()
  const reportError = useReportError()
  const [form] = Form.useForm<{ reason: string }>()
  const [busy, setBusy] = useState(false)

  const submit = async ({ reason }: { reason: string }) => {
    if (!entry) return
    setBusy(true)
    try {
      await api(`/watchlist/${encodeURIComponent(entry.entry_key)}`, {
        method: 'DELETE',
        body: { reason: reason.trim() },
      })
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
      open={entry !== null}
      title={`${t('wl.expireTitle')} · ${entry?.value ?? ''}`}
      okText={t('wl.expire')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('wl.expireReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('wl.expireReason') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
