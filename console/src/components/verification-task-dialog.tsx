// Creating a verification task by hand: ask a customer, through a channel they registered with us,
// whether they authorised whoever contacted us in their name. SMS and in-app tasks show the exact
// message the server will send (the server words it; the console only shows it).
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { VerificationMessagePreview, VerificationTask } from '../api/types'
import { useApi } from '../hooks/use-api'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'
import { ErrorView } from './error-view'

const CHANNELS = ['callback', 'sms', 'in_app'] as const
type Channel = (typeof CHANNELS)[number]
type Fields = { customer_id: string; contact_id?: string; channel: Channel }

type Props = {
  initial: { customer_id?: string; contact_id?: string }
  onClose: () => void
  onCreated: (task: VerificationTask & { created: boolean }) => void
}

export function VerificationTaskDialog({ initial, onClose, onCreated }: Props) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [form] = Form.useForm<Fields>()
  const channel = Form.useWatch('channel', form) ?? 'sms'
  // The preview follows the ids once typed (on blur), not on every keystroke.
  const [asked, setAsked] = useState({ ...initial })
  const [busy, setBusy] = useState(false)

  const submit = async (f: Fields) => {
    setBusy(true)
    try {
      const body = { ...f, contact_id: f.contact_id?.trim() || undefined }
      const task = await api<VerificationTask & { created: boolean }>('/verification/tasks', {
        body,
      })
      void message.success(t(task.created ? 'verifyNew.created' : 'verifyNew.existing'))
      onCreated(task)
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }
  const refreshPreview = () => {
    const v = form.getFieldsValue()
    setAsked({ customer_id: v.customer_id?.trim(), contact_id: v.contact_id?.trim() || undefined })
  }

  return (
    <Modal
      open
      title={t('verifyNew.title')}
      okText={t('verifyNew.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('verify.principle')} className="dialog-note" />
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={{ ...initial, channel: 'sms' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="customer_id"
          label={t('verify.customer')}
          rules={[
            { required: true, message: t('common.required', { field: t('verify.customer') }) },
          ]}
        >
          <Input onBlur={refreshPreview} />
        </Form.Item>
        <Form.Item
          name="contact_id"
          label={t('verifyNew.contact')}
          extra={t('verifyNew.contactHint')}
        >
          <Input onBlur={refreshPreview} />
        </Form.Item>
        <Form.Item name="channel" label={t('verify.channel')}>
          <Radio.Group
            optionType="button"
            options={CHANNELS.map((c) => ({ value: c, label: t(`verifyChannel.${c}`) }))}
          />
        </Form.Item>
      </Form>
      {asked.customer_id && <MessagePreview asked={asked} channel={channel} />}
    </Modal>
  )
}

function MessagePreview({
  asked,
  channel,
}: {
  asked: { customer_id?: string; contact_id?: string }
  channel: Channel
}) {
  const { t, pick } = useI18n()
  const preview = useApi<VerificationMessagePreview>('/verification/message-preview', asked)
  if (preview.error !== undefined) return <ErrorView error={preview.error} />
  const p = preview.data
  if (!p) return null
  if (channel === 'callback')
    return (
      <div className="verification-preview">
        <Typography.Text type="secondary">{t('verifyNew.callbackHint')}</Typography.Text>
      </div>
    )
  return (
    <div className="verification-preview">
      <Typography.Text strong>{t('verifyNew.message')}</Typography.Text>
      <Typography.Paragraph className="verification-message">
        {pick(p.message)}
      </Typography.Paragraph>
      {channel === 'sms' && !p.has_registered_phone && (
        <Alert type="warning" showIcon title={t('verifyNew.noPhone')} />
      )}
    </div>
  )
}
