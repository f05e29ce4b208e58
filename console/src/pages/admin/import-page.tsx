// 数据导入: upload one interchange v1 file (JSONL or CSV) of customers, contacts or watchlist
// entries. Good lines are kept, bad lines come back with their line, field and reason.
import { InboxOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Col,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd'
import { useState } from 'react'
import { api } from '../../api/client'
import { importKinds } from '../../api/types'
import type { ImportKind, ImportReject, ImportResult } from '../../api/types'
import { useReportError } from '../../hooks/use-report-error'
import { useI18n } from '../../i18n/i18n'

const counts = ['lines', 'inserted', 'updated', 'unchanged', 'rejected', 'assessed'] as const

export default function ImportPage() {
  const { t } = useI18n()
  const reportError = useReportError()
  const [kind, setKind] = useState<ImportKind>('contacts')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportResult | null>(null)

  const submit = async () => {
    if (!file) return
    setBusy(true)
    try {
      const form = new FormData()
      form.append('file', file, file.name)
      setResult(await api<ImportResult>(`/imports/${kind}`, { body: form }))
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="page">
      <Typography.Title level={4} className="page-title">
        {t('import.title')}
      </Typography.Title>
      <Card size="small">
        <Space orientation="vertical" size="middle" className="full-width">
          <Space>
            <span>{t('import.kind')}</span>
            <Radio.Group
              optionType="button"
              value={kind}
              onChange={(e) => setKind(e.target.value as ImportKind)}
              options={importKinds.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
            />
          </Space>
          <Upload.Dragger
            accept=".jsonl,.json,.csv,.ndjson"
            maxCount={1}
            fileList={
              file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []
            }
            beforeUpload={(f) => {
              setFile(f)
              setResult(null)
              return false // held here: sent by the button below, with the chosen kind
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.hint')}</p>
          </Upload.Dragger>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => void submit()}>
            {t('import.start')}
          </Button>
        </Space>
      </Card>
      {result && <ImportResultView result={result} />}
    </div>
  )
}

function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useI18n()
  return (
    <Card size="small" title={t('import.result')} className="section">
      <Row gutter={12} className="import-counts">
        {counts.map((k) => (
          <Col key={k} xs={8} md={4}>
            <Statistic
              title={t(`import.${k}`)}
              value={result[k] ?? '—'}
              styles={
                k === 'rejected' && result.rejected ? { content: { color: '#cf1322' } } : undefined
              }
            />
          </Col>
        ))}
      </Row>
      <Typography.Title level={5} className="section">
        {t('import.rejects')}
      </Typography.Title>
      {result.rejects.length >= 1000 && (
        <Alert type="info" showIcon title={t('import.rejectsCapped')} className="dialog-note" />
      )}
      <Table<ImportReject>
        size="small"
        rowKey={(r, i) => `${r.line}-${r.field ?? ''}-${i ?? 0}`}
        dataSource={result.rejects}
        pagination={result.rejects.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('import.noRejects') }}
        columns={[
          { title: t('import.line'), dataIndex: 'line', width: 80, align: 'right' },
          {
            title: t('import.field'),
            dataIndex: 'field',
            width: 220,
            render: (v: string | null) => <span className="mono">{v ?? '—'}</span>,
          },
          { title: t('import.reason'), dataIndex: 'reason' },
        ]}
      />
    </Card>
  )
}
