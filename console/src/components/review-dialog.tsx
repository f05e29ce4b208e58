// Recording a handler's decision on one or many contacts. The dialog says it plainly: a review
// routes the work, it never closes or refuses the complaint.
import { Alert, App, Form, Input, Modal, Radio } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import { decisions } from '../api/types'
import type { Decision } from '../api/types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

type Props = {
  contactIds: string[]
  open: boolean
  onClose: () => void
  onDone: (reviewed: number) => void
}

type Fields = { decision: Decision; note?: string }

export function ReviewDialog({ contactIds, open, onClose, onDone }: Props) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [form] = Form.useForm<Fields>()
  const [busy, setBusy] = useState(false)

  const submit = async ({ decision, note }: Fields) => {
    setBusy(true)
    try {
      const body = { contact_ids: contactIds, decision, note: note?.trim() || undefined }
      const { reviewed } = await api<{ reviewed: number }>('/contacts/review', { body })
      void message.success(t('review.done', { n: reviewed }))
      form.resetFields()
      onDone(reviewed)
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={
        contactIds.length > 1 ? t('review.titleMany', { n: contactIds.length }) : t('review.title')
      }
      okText={t('review.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('review.principle')} className="dialog-note" />
      <Form<Fields> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="decision"
          label={t('review.decision')}
          rules={[
            { required: true, message: t('common.required', { field: t('review.decision') }) },
          ]}
        >
          <Radio.Group
            optionType="button"
            options={decisions.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('review.note')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('review.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
