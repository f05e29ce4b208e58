// One case: its state and the moves it may make, who works it and until when, the joint flag,
// the agency and the customers it gathers, the relationship graph, the evidence with its custody,
// the timeline, and the dossier to download.
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Row,
  Skeleton,
  Space,
  Switch,
  Table,
  Timeline,
  Typography,
} from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { api } from '../api/client'
import type { CaseEvent, CaseFile, CaseState } from '../api/case-types'
import { nextStates } from '../api/case-types'
import { useAuth } from '../auth/auth'
import { CaseEvidence } from '../components/case-evidence'
import { CaseStateTag } from '../components/case-tags'
import { CaseTransitionDialog } from '../components/case-transition-dialog'
import { ErrorView } from '../components/error-view'
import { RiskTag, SeverityTag } from '../components/risk-tags'
import { formatTime } from '../format'
import { useApi } from '../hooks/use-api'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'
import type { I18n } from '../i18n/i18n'

export function CasePage() {
  const { id = '' } = useParams()
  const i18n = useI18n()
  const { t, lang } = i18n
  const { can } = useAuth()
  const file = useApi<CaseFile>(`/cases/${encodeURIComponent(id)}`)
  const [moving, setMoving] = useState<CaseState | null>(null)
  const f = file.data?.case.case_id === id ? file.data : undefined
  if (file.error !== undefined)
    return (
      <div className="page">
        <ErrorView error={file.error} onRetry={file.reload} />
      </div>
    )
  if (!f)
    return (
      <div className="page">
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      </div>
    )
  const c = f.case
  const canWrite = can('cases:write')

  return (
    <div className="page">
      <div className="page-head">
        <Space size="middle">
          <Link to="/cases">← {t('case.back')}</Link>
          <Typography.Title level={4} className="page-title">
            {t('case.title', { id })}
          </Typography.Title>
          <CaseStateTag state={c.state} />
          <SeverityTag severity={c.severity} />
        </Space>
        <Space wrap>
          {canWrite &&
            nextStates[c.state].map((s) => (
              <Button key={s} onClick={() => setMoving(s)} danger={s === 'closed'}>
                {t('case.move', { state: t(`caseState.${s}`) })}
              </Button>
            ))}
          {can('evidence:export') && (
            <>
              <Button type="primary" href={`/api/cases/${id}/dossier.pdf`} download>
                {t('case.dossierPdf')}
              </Button>
              <Button href={`/api/cases/${id}/dossier.zip`} download>
                {t('case.dossierZip')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={c.title} className="section">
            <Descriptions
              size="small"
              column={2}
              items={[
                {
                  key: 'origin',
                  label: t('case.origin'),
                  children: `${c.origin_kind}${c.origin_ref && c.origin_kind !== 'identifier' ? ` ${c.origin_ref}` : ''}`,
                },
                {
                  key: 'by',
                  label: t('case.createdBy'),
                  children: `${c.created_by} · ${formatTime(c.created_at)}`,
                },
                {
                  key: 'report',
                  label: t('case.policeReportRef'),
                  children: c.police_report_ref ?? '—',
                },
                {
                  key: 'filed',
                  label: t('case.policeCaseRef'),
                  children: c.police_case_ref ?? '—',
                },
                ...(c.outcome
                  ? [
                      {
                        key: 'outcome',
                        label: t('case.outcome'),
                        children: t(`caseOutcome.${c.outcome}`),
                      },
                    ]
                  : []),
                { key: 'summary', label: t('case.summary'), span: 2, children: c.summary || '—' },
                {
                  key: 'reasons',
                  label: t('case.severityReasons'),
                  span: 2,
                  children: c.severity_reasons.length ? (
                    <ol className="plain-list">
                      {c.severity_reasons.map((r) => (
                        <li key={r.en}>{r[lang]}</li>
                      ))}
                    </ol>
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
          </Card>
          {canWrite && <Assignment caseId={id} file={f} onDone={file.reload} />}
          <Card size="small" title={t('case.graph')} className="section">
            <img
              src={`/api/cases/${id}/graph.svg?v=${f.timeline.length}`}
              alt={t('case.graph')}
              style={{ width: '100%', maxHeight: 420 }}
            />
          </Card>
          <Card
            size="small"
            title={`${t('case.evidence')} (${f.evidence.length})`}
            className="section"
          >
            <CaseEvidence
              caseId={id}
              items={f.evidence}
              canWrite={canWrite}
              onChange={file.reload}
            />
          </Card>
          <Members file={f} i18n={i18n} />
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('case.timeline')} className="section">
            {canWrite && <CommentBox caseId={id} onDone={file.reload} />}
            <Timeline
              items={[...f.timeline]
                .reverse()
                .map((e) => ({ key: e.seq, children: <EventLine e={e} i18n={i18n} /> }))}
            />
          </Card>
        </Col>
      </Row>
      <CaseTransitionDialog
        caseId={id}
        to={moving}
        onClose={() => setMoving(null)}
        onDone={() => {
          setMoving(null)
          file.reload()
        }}
      />
    </div>
  )
}

function EventLine({ e, i18n }: { e: CaseEvent; i18n: I18n }) {
  const { t } = i18n
  const d = e.detail
  const what =
    e.kind === 'transition' && e.from_state && e.to_state
      ? `${t(`caseState.${e.from_state}`)} → ${t(`caseState.${e.to_state}`)}`
      : t(`event.${e.kind}` as 'event.opened')
  const note = [
    d.reason,
    d.text,
    d.outcome ? t(`caseOutcome.${d.outcome as 'merged'}`) : null,
    d.filename,
  ]
    .filter((x) => typeof x === 'string' && x)
    .join(' · ')
  return (
    <div>
      <div>
        <strong>{what}</strong>{' '}
        <span className="muted">
          {e.actor} · {formatTime(e.at)}
        </span>
      </div>
      {note && <div>{note}</div>}
    </div>
  )
}

function CommentBox({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useI18n()
  const report = useReportError()
  const [text, setText] = useState('')
  const send = async () => {
    try {
      await api(`/cases/${caseId}/comments`, { body: { text } })
      setText('')
      onDone()
    } catch (e) {
      report(e)
    }
  }
  return (
    <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('case.commentPlaceholder')}
        onPressEnter={() => text.trim() && void send()}
      />
      <Button onClick={() => void send()} disabled={!text.trim()}>
        {t('case.comment')}
      </Button>
    </Space.Compact>
  )
}

function Assignment({
  caseId,
  file,
  onDone,
}: {
  caseId: string
  file: CaseFile
  onDone: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const report = useReportError()
  const c = file.case
  const [assignee, setAssignee] = useState(c.assignee ?? '')
  const [due, setDue] = useState(c.due_at?.slice(0, 10) ?? '')
  const [joint, setJoint] = useState(c.joint)
  const [institution, setInstitution] = useState(c.joint_partners[0]?.institution ?? '')
  const [reference, setReference] = useState(c.joint_partners[0]?.reference ?? '')
  const save = async () => {
    try {
      await api(`/cases/${caseId}`, {
        method: 'PATCH',
        body: {
          assignee: assignee.trim() || null,
          due_at: due ? `${due}T18:00:00+08:00` : null,
          joint,
          joint_partners:
            joint && institution.trim()
              ? [{ institution: institution.trim(), reference: reference.trim() }]
              : [],
        },
      })
      void message.success(t('common.save'))
      onDone()
    } catch (e) {
      report(e)
    }
  }
  return (
    <Card size="small" className="section">
      <Space wrap>
        <span>{t('cases.assignee')}</span>
        <Input
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          style={{ width: 140 }}
        />
        <span>{t('cases.due')}</span>
        <Input
          type="date"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          style={{ width: 150 }}
        />
        <span>{t('case.markJoint')}</span>
        <Switch checked={joint} onChange={setJoint} />
        {joint && (
          <Input
            placeholder={t('case.institution')}
            value={institution}
            onChange={(e) => setInstitution(e.target.value)}
            style={{ width: 160 }}
          />
        )}
        {joint && (
          <Input
            placeholder={t('case.reference')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            style={{ width: 130 }}
          />
        )}
        <Button onClick={() => void save()}>{t('case.saveAssign')}</Button>
      </Space>
    </Card>
  )
}

function Members({ file, i18n }: { file: CaseFile; i18n: I18n }) {
  const { t } = i18n
  const m = file.members
  return (
    <>
      <Card
        size="small"
        title={`${t('case.identifiers')} (${m.identifiers.length})`}
        className="section"
      >
        <Table
          rowKey="ref"
          size="small"
          pagination={false}
          dataSource={m.identifiers}
          columns={[
            { title: t('case.identifiers'), dataIndex: 'identifier' },
            { title: t('case.via'), dataIndex: 'via' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`${t('case.customers')} (${m.customers.length})`}
        className="section"
      >
        <Table
          rowKey="customer_id"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={m.customers}
          columns={[
            { title: 'ID', dataIndex: 'customer_id' },
            {
              title: t('cases.newTitle'),
              dataIndex: 'name',
              render: (v: string | null) => v ?? '—',
            },
            { title: t('case.via'), dataIndex: 'via' },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('case.contacts')} (${m.contacts.length})`} className="section">
        <Table
          rowKey="contact_id"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={m.contacts}
          columns={[
            {
              title: 'ID',
              dataIndex: 'contact_id',
              render: (v: string) => <Link to={`/contacts/${encodeURIComponent(v)}`}>{v}</Link>,
            },
            { title: '', dataIndex: 'received_at', render: (v: string) => formatTime(v) },
            {
              title: '',
              dataIndex: 'risk',
              render: (v: CaseFile['members']['contacts'][number]['risk']) => <RiskTag risk={v} />,
            },
            { title: '', dataIndex: 'summary', ellipsis: true },
            { title: t('case.via'), dataIndex: 'via' },
          ]}
        />
      </Card>
    </>
  )
}
