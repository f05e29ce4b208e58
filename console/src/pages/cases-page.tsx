// 案件: the team's cases, newest change first, filtered by state; a case is opened here by hand
// or from a contact.
import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { api } from '../api/client'
import type { Case, CaseRow } from '../api/case-types'
import { caseStates } from '../api/case-types'
import { useAuth } from '../auth/auth'
import { CaseStateTag } from '../components/case-tags'
import { ErrorView } from '../components/error-view'
import { SeverityTag } from '../components/risk-tags'
import { formatTime } from '../format'
import { useApi } from '../hooks/use-api'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

export function CasesPage() {
  const { t } = useI18n()
  const { can } = useAuth()
  const [params, setParams] = useSearchParams()
  const state = params.get('state') ?? ''
  const list = useApi<{ items: CaseRow[] }>('/cases', { state })
  const [creating, setCreating] = useState(false)

  const columns: TableColumnsType<CaseRow> = [
    {
      title: t('cases.title'),
      key: 'id',
      render: (_, c) => <Link to={`/cases/${c.case_id}`}>{c.case_id}</Link>,
    },
    { title: t('cases.newTitle'), dataIndex: 'title', ellipsis: true },
    { title: t('cases.state'), key: 'state', render: (_, c) => <CaseStateTag state={c.state} /> },
    {
      title: t('cases.severity'),
      key: 'severity',
      render: (_, c) => <SeverityTag severity={c.severity} />,
    },
    {
      title: t('cases.members'),
      key: 'n',
      render: (_, c) => `${c.customers} / ${c.contacts} / ${c.evidence}`,
    },
    {
      title: t('cases.joint'),
      key: 'joint',
      render: (_, c) => (c.joint ? <Tag color="purple">{t('cases.joint')}</Tag> : null),
    },
    { title: t('cases.assignee'), dataIndex: 'assignee', render: (v: string | null) => v ?? '—' },
    { title: t('cases.updated'), dataIndex: 'updated_at', render: (v: string) => formatTime(v) },
  ]

  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('cases.title')}
        </Typography.Title>
        <Space>
          <Select
            style={{ width: 160 }}
            value={state}
            onChange={(v: string) => setParams(v ? { state: v } : {})}
            options={[
              { value: '', label: t('cases.allStates') },
              ...caseStates.map((s) => ({ value: s, label: t(`caseState.${s}`) })),
            ]}
          />
          {can('cases:write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('cases.new')}
            </Button>
          )}
        </Space>
      </div>
      {list.error !== undefined ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          rowKey="case_id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50 }}
        />
      )}
      <NewCaseDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  )
}

function NewCaseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  const report = useReportError()
  const [form] = Form.useForm<{ title: string; summary?: string }>()
  const submit = async () => {
    const v = await form.validateFields()
    try {
      const c = await api<Case>('/cases', { body: { origin: 'manual', ...v } })
      onClose()
      void navigate(`/cases/${c.case_id}`)
    } catch (e) {
      report(e)
    }
  }
  return (
    <Modal
      open={open}
      title={t('cases.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('cases.newTitle')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('cases.newSummary')}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
