// 客户核实: the call-back queue for agents — ask the customer on their registered phone whether they
// authorised the representative, record what they said — and the outbox with each message's real
// delivery status. An outcome re-assesses the customer's contacts; the changes are shown with why.
import {
  Button,
  Card,
  Input,
  List,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { api } from '../api/client'
import type {
  AssessmentChange,
  OutboxMessage,
  VerificationOutcome,
  VerificationTask,
} from '../api/types'
import { ErrorView } from '../components/error-view'
import { VerificationTaskDialog } from '../components/verification-task-dialog'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'
import { formatTime } from '../format'

const OUTCOMES: VerificationOutcome[] = ['confirmed', 'denied', 'unreachable', 'refused']
/** Messages still on their way: the queue looks again until the outbox says how they ended. */
const IN_FLIGHT = new Set(['pending', 'sending', 'retrying'])
const RECHECK_MS = 3000

export function VerificationPage() {
  const { t } = useI18n()
  const [view, setView] = useState<'queue' | 'done' | 'outbox'>('queue')
  // ?customer_id=&contact_id= (from a contact) opens the new-task dialog with them filled in.
  const [params, setParams] = useSearchParams()
  const prefill = {
    customer_id: params.get('customer_id') ?? undefined,
    contact_id: params.get('contact_id') ?? undefined,
  }
  const [creating, setCreating] = useState(Boolean(prefill.customer_id))
  const [tick, setTick] = useState(0)
  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('verify.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('verifyNew.open')}
        </Button>
      </div>
      {creating && (
        <VerificationTaskDialog
          initial={prefill}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            setParams({}, { replace: true })
            setView('queue')
            setTick((n) => n + 1)
          }}
        />
      )}
      <Segmented
        value={view}
        onChange={(v) => setView(v as typeof view)}
        options={[
          { value: 'queue', label: t('verify.queue') },
          { value: 'done', label: t('verify.done') },
          { value: 'outbox', label: t('verify.outbox') },
        ]}
      />
      <div className="section">
        {view === 'outbox' ? (
          <OutboxTable key={tick} />
        ) : (
          <TaskTable key={`${view}-${tick}`} done={view === 'done'} />
        )}
      </div>
      <Typography.Paragraph type="secondary" className="principle">
        {t('verify.principle')}
      </Typography.Paragraph>
    </div>
  )
}

function TaskTable({ done }: { done: boolean }) {
  const { t, label } = useI18n()
  const tasks = useApi<{ items: VerificationTask[] }>('/verification/tasks', {
    status: done ? 'completed' : 'open,awaiting_reply',
  })
  const [recording, setRecording] = useState<VerificationTask>()
  const inFlight = tasks.data?.items.some((x) => IN_FLIGHT.has(x.delivery?.status ?? '')) ?? false
  const { reload } = tasks
  useEffect(() => {
    if (!inFlight) return
    const timer = setTimeout(reload, RECHECK_MS)
    return () => clearTimeout(timer)
  }, [inFlight, tasks.data, reload])
  if (tasks.error) return <ErrorView error={tasks.error} onRetry={tasks.reload} />
  return (
    <>
      <Table<VerificationTask>
        size="small"
        rowKey="task_id"
        loading={tasks.loading}
        dataSource={tasks.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('verify.created'),
            dataIndex: 'created_at',
            render: (v: string) => formatTime(v),
          },
          { title: t('verify.customer'), dataIndex: 'customer_id' },
          {
            title: t('verify.representative'),
            dataIndex: 'representative',
            render: (v: string | null) => <span className="mono">{v ?? '—'}</span>,
          },
          {
            title: t('verify.channel'),
            dataIndex: 'channel',
            render: (v: string) => label('verifyChannel', v),
          },
          { title: t('verify.attempts'), dataIndex: 'attempts' },
          {
            title: t('verifyNew.delivery'),
            key: 'delivery',
            render: (_: unknown, r) => <DeliveryTag task={r} />,
          },
          {
            title: t('verify.status'),
            dataIndex: 'status',
            render: (v: string, r) => (
              <Tag>{r.outcome ? label('verifyOutcome', r.outcome) : label('taskStatus', v)}</Tag>
            ),
          },
          done
            ? { title: t('verify.by'), dataIndex: 'completed_by' }
            : {
                title: '',
                key: 'act',
                render: (_: unknown, r) => (
                  <Button size="small" type="primary" onClick={() => setRecording(r)}>
                    {t('verify.record')}
                  </Button>
                ),
              },
        ]}
      />
      {recording && (
        <OutcomeDialog
          task={recording}
          onClose={(changed) => {
            setRecording(undefined)
            if (changed) tasks.reload()
          }}
        />
      )}
    </>
  )
}

/** Call-backs have no message; SMS and in-app show what the outbox really did with theirs. */
function DeliveryTag({ task }: { task: VerificationTask }) {
  const { label } = useI18n()
  const d = task.delivery
  if (task.channel === 'callback' || !d) return <span className="muted">—</span>
  const tag = (
    <Tag color={d.status === 'delivered' ? 'green' : d.status === 'failed' ? 'red' : undefined}>
      {label('outboxStatus', d.status)}
    </Tag>
  )
  return d.last_error ? <Tooltip title={d.last_error}>{tag}</Tooltip> : tag
}

function OutcomeDialog({
  task,
  onClose,
}: {
  task: VerificationTask
  onClose: (changed: boolean) => void
}) {
  const { t, label } = useI18n()
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>()
  const [changes, setChanges] = useState<AssessmentChange[]>()
  const record = async (outcome: VerificationOutcome) => {
    setError(undefined)
    try {
      const r = await api<{ assessment_changes: AssessmentChange[] }>(
        `/verification/tasks/${task.task_id}/outcome`,
        { method: 'POST', body: { outcome, note: note || undefined } },
      )
      setChanges(r.assessment_changes)
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Modal
      open
      title={t('verify.ask', { who: task.representative ?? t('verify.someone') })}
      onCancel={() => onClose(changes !== undefined)}
      footer={null}
    >
      {changes === undefined ? (
        <Space orientation="vertical" className="full-width">
          <Typography.Paragraph>{t('verify.script')}</Typography.Paragraph>
          <Input.TextArea
            placeholder={t('verify.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Space wrap>
            {OUTCOMES.map((o) => (
              <Button key={o} danger={o === 'denied'} onClick={() => void record(o)}>
                {label('verifyOutcome', o)}
              </Button>
            ))}
          </Space>
          {error !== undefined && <ErrorView error={error} />}
        </Space>
      ) : (
        <List
          header={t('verify.changes', { n: changes.length })}
          dataSource={changes}
          renderItem={(c) => (
            <List.Item>
              <span className="mono">{c.contact_id}</span> {label('risk', c.risk_before ?? 'none')}{' '}
              → {label('risk', c.risk_after)} ({c.score_before ?? '—'} → {c.score_after}) ·{' '}
              {c.signals_added.map((s) => label('signal', s)).join('、')}
            </List.Item>
          )}
        />
      )}
    </Modal>
  )
}

function OutboxTable() {
  const { t, label } = useI18n()
  const out = useApi<{ adapter: string; items: OutboxMessage[] }>('/verification/outbox')
  if (out.error) return <ErrorView error={out.error} onRetry={out.reload} />
  return (
    <Card
      size="small"
      title={t('verify.adapter', { adapter: out.data?.adapter ?? '—' })}
      extra={
        <Button size="small" onClick={out.reload}>
          {t('verify.refresh')}
        </Button>
      }
    >
      <Table<OutboxMessage>
        size="small"
        rowKey="message_id"
        loading={out.loading}
        dataSource={out.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('verify.created'),
            dataIndex: 'created_at',
            render: (v: string) => formatTime(v),
          },
          {
            title: t('verify.channel'),
            dataIndex: 'channel',
            render: (v: string) => label('verifyChannel', v),
          },
          {
            title: t('verify.recipient'),
            dataIndex: 'recipient',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            title: t('verify.status'),
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={v === 'delivered' ? 'green' : v === 'failed' ? 'red' : undefined}>
                {label('outboxStatus', v)}
              </Tag>
            ),
          },
          { title: t('verify.attempts'), dataIndex: 'attempts' },
          {
            title: t('verify.error'),
            dataIndex: 'last_error',
            render: (v: string | null) => v ?? '',
          },
          { title: t('verify.body'), dataIndex: 'body', ellipsis: true },
        ]}
      />
    </Card>
  )
}
