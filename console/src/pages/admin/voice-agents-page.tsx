// 代理人声纹库 (admin): the known agent voices the caller's voice is compared with — each with who
// added it and why — added from a call whose caller's voice is kept, removed with a reason; and a
// customer's voiceprint deleted on their request. The server keeps embeddings only and audits all.
import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Form, Input, Modal, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { api } from '../../api/client'
import type { AgentVoice } from '../../api/voice-types'
import { ErrorView } from '../../components/error-view'
import { formatTime, shortId } from '../../format'
import { useApi } from '../../hooks/use-api'
import { useReportError } from '../../hooks/use-report-error'
import { useI18n } from '../../i18n/i18n'

export default function VoiceAgentsPage() {
  const { t } = useI18n()
  const agents = useApi<{ items: AgentVoice[] }>('/voice/agents')
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<AgentVoice | null>(null)
  const columns: TableColumnsType<AgentVoice> = [
    { title: t('voiceAgents.label'), dataIndex: 'label', width: 120 },
    { title: t('voiceAgents.reason'), dataIndex: 'reason' },
    {
      title: t('voiceAgents.source'),
      dataIndex: 'source_contact_id',
      width: 120,
      render: (v: string | null) =>
        v ? (
          <Link to={`/contacts/${encodeURIComponent(v)}`} title={v}>
            {shortId(v)}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('voiceAgents.case'),
      dataIndex: 'case_id',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('voiceAgents.speech'),
      dataIndex: 'speech_seconds',
      width: 90,
      render: (v: number) => `${v.toFixed(1)} s`,
    },
    { title: t('voiceAgents.model'), dataIndex: 'model', width: 150, className: 'mono' },
    { title: t('voiceAgents.addedBy'), dataIndex: 'added_by', width: 100 },
    { title: t('voiceAgents.addedAt'), dataIndex: 'added_at', width: 140, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, r) => (
        <Button size="small" type="link" danger onClick={() => setRemoving(r)}>
          {t('voiceAgents.remove')}
        </Button>
      ),
    },
  ]
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('voiceAgents.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('voiceAgents.add')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('voiceAgents.intro')}</Typography.Paragraph>
      {agents.error !== undefined && <ErrorView error={agents.error} onRetry={agents.reload} />}
      <Table<AgentVoice>
        size="small"
        rowKey="agent_voice_id"
        columns={columns}
        dataSource={agents.data?.items ?? []}
        loading={agents.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <ForgetCustomerCard />
      <AddAgentDialog open={adding} onClose={() => setAdding(false)} onDone={agents.reload} />
      <RemoveAgentDialog
        agent={removing}
        onClose={() => setRemoving(null)}
        onDone={agents.reload}
      />
    </div>
  )
}

type AddFields = { contact_id: string; label: string; reason: string; case_id?: string }

function AddAgentDialog(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n()
  const reportError = useReportError()
  const [form] = Form.useForm<AddFields>()
  const [busy, setBusy] = useState(false)
  const submit = async (v: AddFields) => {
    setBusy(true)
    try {
      await api('/voice/agents', { body: { ...v, case_id: v.case_id?.trim() || undefined } })
      form.resetFields()
      props.onClose()
      props.onDone()
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
      open={props.open}
      title={t('voiceAgents.add')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('voiceAgents.addHint')}</Typography.Paragraph>
      <Form<AddFields>
        form={form}
        name="voice-agent-add"
        layout="vertical"
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="contact_id"
          label={t('voiceAgents.contact')}
          rules={required(t('voiceAgents.contact'))}
        >
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item
          name="label"
          label={t('voiceAgents.label')}
          rules={required(t('voiceAgents.label'))}
        >
          <Input maxLength={100} placeholder={t('voiceAgents.labelPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('voiceAgents.reason')}
          rules={required(t('voiceAgents.reason'))}
        >
          <Input.TextArea
            maxLength={500}
            rows={2}
            placeholder={t('voiceAgents.reasonPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="case_id" label={t('voiceAgents.case')}>
          <Input maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

type ReasonProps = { agent: AgentVoice | null; onClose: () => void; onDone: () => void }

function RemoveAgentDialog({ agent, onClose, onDone }: ReasonProps) {
  const { t } = useI18n()
  const reportError = useReportError()
  const [reason, setReason] = useState('')
  const remove = async () => {
    if (!agent) return
    try {
      await api(`/voice/agents/${encodeURIComponent(agent.agent_voice_id)}`, {
        method: 'DELETE',
        body: { reason },
      })
      setReason('')
      onClose()
      onDone()
    } catch (e) {
      reportError(e)
    }
  }
  return (
    <Modal
      open={agent !== null}
      title={t('voiceAgents.removeTitle', { label: agent?.label ?? '' })}
      okText={t('voiceAgents.remove')}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      cancelText={t('common.cancel')}
      onOk={() => void remove()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('voiceAgents.removeReason')}
      />
    </Modal>
  )
}

type ForgetFields = { customer_id: string; reason: string }

function ForgetCustomerCard() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [form] = Form.useForm<ForgetFields>()
  const forget = async (v: ForgetFields) => {
    try {
      const r = await api<{ enrolments: number; call_voices: number }>(
        `/voice/customers/${encodeURIComponent(v.customer_id.trim())}`,
        { method: 'DELETE', body: { reason: v.reason } },
      )
      void message.success(
        t('voiceForget.done', { enrolments: r.enrolments, calls: r.call_voices }),
      )
      form.resetFields()
    } catch (e) {
      reportError(e)
    }
  }
  return (
    <Card size="small" title={t('voiceForget.title')} className="section">
      <Typography.Paragraph type="secondary">{t('voiceForget.intro')}</Typography.Paragraph>
      <Form<ForgetFields>
        form={form}
        name="voice-forget"
        layout="inline"
        onFinish={(v) => void forget(v)}
      >
        <Form.Item
          name="customer_id"
          rules={[{ required: true, whitespace: true, message: t('voiceForget.customer') }]}
        >
          <Input placeholder={t('voiceForget.customer')} maxLength={128} />
        </Form.Item>
        <Form.Item
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('voiceForget.reason') }]}
        >
          <Input placeholder={t('voiceForget.reason')} maxLength={500} style={{ width: 320 }} />
        </Form.Item>
        <Button danger htmlType="submit">
          {t('voiceForget.submit')}
        </Button>
      </Form>
    </Card>
  )
}
