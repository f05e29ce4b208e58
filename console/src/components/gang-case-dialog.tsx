// Selected nodes of a gang into a case: a new case (title optional), or an existing one by its id.
import { App, Form, Input, Modal, Radio } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { api } from '../api/client'
import type { GangCaseResult } from '../api/gang-types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

type Props = { open: boolean; gangId: string; nodes: string[]; onClose: () => void }

export function GangCaseDialog({ open, gangId, nodes, onClose }: Props) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const report = useReportError()
  const [mode, setMode] = useState<'new' | 'existing'>('new')
  const [form] = Form.useForm<{ title?: string; case_id?: string }>()
  const submit = async () => {
    const v = await form.validateFields()
    try {
      const r = await api<GangCaseResult>(`/gangs/${gangId}/case`, {
        body: { nodes, ...(mode === 'new' ? { title: v.title } : { case_id: v.case_id }) },
      })
      void message.success(
        <Link to={`/cases/${r.case_id}`}>{t('gang.caseDone', { id: r.case_id, ...r.added })}</Link>,
      )
      onClose()
    } catch (e) {
      report(e)
    }
  }
  return (
    <Modal
      open={open}
      title={t('gang.selected', { n: nodes.length })}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'new' | 'existing')}>
        <Radio value="new">{t('gang.openCase')}</Radio>
        <Radio value="existing">{t('gang.addToCase')}</Radio>
      </Radio.Group>
      <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
        {mode === 'new' ? (
          <Form.Item name="title" label={t('cases.newTitle')}>
            <Input maxLength={200} />
          </Form.Item>
        ) : (
          <Form.Item name="case_id" label={t('gang.caseId')} rules={[{ required: true }]}>
            <Input maxLength={64} placeholder="GL-20260401-ABCDE" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
