// "显示完整信息": for roles with pii:unmask only. The reason is asked first, the raw record is
// shown in a drawer that says the access was audited, and it is dropped when the drawer closes.
import { EyeOutlined } from '@ant-design/icons'
import { Alert, Button, Drawer, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { Unmasked } from '../api/types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'
import { JsonView } from './json-view'

export function UnmaskAction({ contactId }: { contactId: string }) {
  const { t } = useI18n()
  const reportError = useReportError()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [raw, setRaw] = useState<Unmasked | null>(null)
  const [form] = Form.useForm<{ reason: string }>()

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true)
    try {
      const path = `/contacts/${encodeURIComponent(contactId)}/unmask`
      setRaw(await api<Unmasked>(path, { body: { reason: reason.trim() } }))
      setAsking(false)
      form.resetFields()
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setAsking(true)}>
        {t('contact.unmask')}
      </Button>
      <Modal
        open={asking}
        title={t('contact.unmaskTitle')}
        okText={t('contact.unmaskSubmit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('contact.unmaskAudited')} className="dialog-note" />
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="reason"
            label={t('contact.unmaskReason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('contact.unmaskReason') }),
              },
              { min: 4, message: t('contact.unmaskReasonShort') },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={t('contact.unmaskReasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer
        open={raw !== null}
        onClose={() => setRaw(null)}
        title={t('contact.unmaskTitle')}
        size="large"
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('contact.unmaskAudited')} className="dialog-note" />
        <Typography.Title level={5}>{t('contact.rawContact')}</Typography.Title>
        <JsonView value={raw?.contact} />
        {raw?.customer && (
          <>
            <Typography.Title level={5} className="section">
              {t('contact.rawCustomer')}
            </Typography.Title>
            <JsonView value={raw.customer} />
          </>
        )}
      </Drawer>
    </>
  )
}
