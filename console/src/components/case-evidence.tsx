// A case's evidence: upload (the server checks the type from the bytes and stores it under its
// sha256), the list with each item's chain of custody, and verification of the whole chain.
import { App, Button, Form, Input, Select, Space, Table, Tooltip, Upload } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { EvidenceRow } from '../api/case-types'
import { evidenceKinds } from '../api/case-types'
import { formatNumber, formatTime } from '../format'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

export function CaseEvidence(p: {
  caseId: string
  items: EvidenceRow[]
  canWrite: boolean
  onChange: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const report = useReportError()
  const [kind, setKind] = useState<string>('screenshot')
  const [description, setDescription] = useState('')

  const upload = async (file: File) => {
    const form = new FormData()
    form.append('kind', kind)
    form.append('description', description)
    form.append('file', file)
    try {
      const r = await api<EvidenceRow & { created: boolean }>(`/cases/${p.caseId}/evidence`, {
        body: form,
      })
      void message.success(
        t(r.created ? 'case.evidenceAdded' : 'case.evidenceExists', { id: r.evidence_id }),
      )
      setDescription('')
      p.onChange()
    } catch (e) {
      report(e)
    }
  }
  const verify = async () => {
    try {
      const r = await api<{ ok: boolean; lines: number; items: number; problems: unknown[] }>(
        '/evidence/verify',
      )
      if (r.ok) void message.success(t('case.verifyOk', { lines: r.lines, items: r.items }))
      else void message.error(t('case.verifyBroken', { n: r.problems.length }))
    } catch (e) {
      report(e)
    }
  }

  const columns: TableColumnsType<EvidenceRow> = [
    { title: 'ID', dataIndex: 'evidence_id', width: 170 },
    { title: t('case.evidenceKind'), key: 'kind', render: (_, e) => t(`evidenceKind.${e.kind}`) },
    {
      title: t('case.evidenceDescription'),
      key: 'f',
      render: (_, e) => (
        <span>
          {e.filename}
          <br />
          <span className="muted">{e.description}</span>
        </span>
      ),
    },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      render: (v: string) => <code className="hash">{v}</code>,
    },
    { title: '', key: 'size', render: (_, e) => `${formatNumber(e.size)} B` },
    {
      title: t('case.custody'),
      key: 'custody',
      render: (_, e) => (
        <Tooltip
          title={e.custody
            .map((l) => `#${l.seq} ${formatTime(l.at)} ${l.actor} ${l.action}`)
            .join('\n')}
        >
          <span>{e.custody.map((l) => l.action).join(' → ')}</span>
        </Tooltip>
      ),
    },
  ]

  return (
    <>
      {p.canWrite && (
        <Form layout="inline" className="section">
          <Form.Item label={t('case.evidenceKind')}>
            <Select
              style={{ width: 130 }}
              value={kind}
              onChange={setKind}
              options={evidenceKinds.map((k) => ({ value: k, label: t(`evidenceKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('case.evidenceDescription')}>
            <Input
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={2000}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Space>
            <Upload showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
              <Button type="primary">{t('case.addEvidence')}</Button>
            </Upload>
            <Button onClick={() => void verify()}>{t('case.verify')}</Button>
          </Space>
        </Form>
      )}
      <Table
        rowKey="evidence_id"
        size="small"
        columns={columns}
        dataSource={p.items}
        pagination={false}
      />
    </>
  )
}
