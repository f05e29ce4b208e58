// Moving a case to its next state: always with a reason; closing with an outcome, filing with the
// police's case number. The server refuses any move the state machine does not allow.
import { Form, Input, Modal, Select } from 'antd'
import { api } from '../api/client'
import type { CaseState } from '../api/case-types'
import { caseOutcomes } from '../api/case-types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

type Values = {
  reason: string
  outcome?: string
  police_report_ref?: string
  police_case_ref?: string
}

export function CaseTransitionDialog(p: {
  caseId: string
  to: CaseState | null
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useI18n()
  const report = useReportError()
  const [form] = Form.useForm<Values>()
  const submit = async () => {
    const v = await form.validateFields()
    try {
      await api(`/cases/${p.caseId}/transitions`, { body: { to: p.to, ...v } })
      form.resetFields()
      p.onDone()
    } catch (e) {
      report(e)
    }
  }
  return (
    <Modal
      open={p.to !== null}
      title={p.to ? t('case.move', { state: t(`caseState.${p.to}`) }) : ''}
      onCancel={p.onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('case.reason')}
          rules={[{ required: true, min: 2, message: t('case.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {p.to === 'closed' && (
          <Form.Item name="outcome" label={t('case.outcome')} rules={[{ required: true }]}>
            <Select
              options={caseOutcomes.map((o) => ({ value: o, label: t(`caseOutcome.${o}`) }))}
            />
          </Form.Item>
        )}
        {p.to === 'reported' && (
          <Form.Item name="police_report_ref" label={t('case.policeReportRef')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {p.to === 'filed' && (
          <Form.Item
            name="police_case_ref"
            label={t('case.policeCaseRef')}
            rules={[{ required: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
