// Runs a call script step by step: what to say, the answer the step expects, and where it leads.
// The call is stored on the server after every answer, so a closed tab resumes where it stopped;
// whatever the answers, the complaint is recorded — the runner never offers to refuse it.
import {
  Alert,
  Button,
  Card,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { CallState, ScriptStep } from '../api/types'
import { useI18n } from '../i18n/i18n'
import { ErrorView } from './error-view'

type Answer = string | number | null

export function CallScriptRunner({
  call,
  onChange,
}: {
  call: CallState
  onChange: (c: CallState) => void
}) {
  const { t, pick, label } = useI18n()
  const [value, setValue] = useState<Answer>(null)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const [endReason, setEndReason] = useState<string>()

  const send = async (path: string, body?: unknown) => {
    setBusy(true)
    setError(undefined)
    try {
      onChange(await api<CallState>(`/calls/${call.call_id}${path}`, { method: 'POST', body }))
      setValue(null)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const step = call.step
  const needsValue = step && step.answer.type !== 'none'
  const title = `${pick(call.script.title)} · v${call.script.version}`

  return (
    <Card
      size="small"
      title={title}
      className="call-runner"
      extra={<Tag>{label('callStatus', call.status)}</Tag>}
    >
      <Steps
        size="small"
        direction="vertical"
        className="call-path"
        current={call.answers.length}
        items={call.answers.map((a) => ({
          title: a.say ? clip(pick(a.say)) : a.step_id,
          description:
            answerText(a.value, label) + (a.signal ? ` · ${label('signal', a.signal)}` : ''),
        }))}
      />
      {step && call.status === 'in_progress' && (
        <div className="call-step" data-step={step.id}>
          <Typography.Paragraph className="call-say" strong>
            {pick(step.say)}
          </Typography.Paragraph>
          {step.note && (
            <Typography.Paragraph type="secondary">{pick(step.note)}</Typography.Paragraph>
          )}
          <AnswerInput step={step} value={value} onChange={setValue} />
          <Space wrap className="call-actions">
            <Button
              type="primary"
              loading={busy}
              disabled={Boolean(needsValue) && (value === null || value === '')}
              onClick={() => void send('/answers', { step_id: step.id, value })}
            >
              {step.answer.type === 'none' ? t('call.said') : t('call.next')}
            </Button>
            <Button disabled={busy || call.answers.length === 0} onClick={() => void send('/back')}>
              {t('call.back')}
            </Button>
            <Select
              placeholder={t('call.endEarly')}
              value={endReason}
              onChange={setEndReason}
              className="call-end-reason"
              options={['caller_hung_up', 'call_dropped', 'transferred', 'other'].map((r) => ({
                value: r,
                label: label('endReason', r),
              }))}
            />
            <Button
              danger
              disabled={!endReason || busy}
              onClick={() => void send('/end', { reason: endReason })}
            >
              {t('call.end')}
            </Button>
          </Space>
        </div>
      )}
      {call.status !== 'in_progress' && <CallEnd call={call} />}
      {error !== undefined && <ErrorView error={error} />}
    </Card>
  )
}

function CallEnd({ call }: { call: CallState }) {
  const { t, label } = useI18n()
  return (
    <Space orientation="vertical" className="full-width">
      <Alert
        type={call.status === 'completed' ? 'success' : 'warning'}
        showIcon
        title={
          call.outcome
            ? label('outcome', call.outcome)
            : t('call.endedEarly', { reason: label('endReason', call.end_reason ?? 'other') })
        }
        description={t('call.recorded', { id: call.contact_id })}
      />
      {call.verification && (
        <Alert
          type="info"
          showIcon
          className="call-verification"
          title={t('call.verificationCreated')}
          description={call.verification.task_id}
        />
      )}
    </Space>
  )
}

/** A step already said is recalled by its opening words. */
function clip(text: string): string {
  return text.length > 36 ? `${text.slice(0, 36)}…` : text
}

function answerText(v: Answer, label: (p: string, c: string) => string): string {
  if (v === null) return '✓'
  if (typeof v === 'number') return String(v)
  return /^[a-z_]+$/.test(v) ? label('answer', v) : v
}

function AnswerInput({
  step,
  value,
  onChange,
}: {
  step: ScriptStep
  value: Answer
  onChange: (v: Answer) => void
}) {
  const { t, pick } = useI18n()
  const a = step.answer
  if (a.type === 'choice')
    return (
      <Radio.Group
        value={value}
        onChange={(e) => onChange(e.target.value as string)}
        className="call-choice"
      >
        {(a.options ?? []).map((o) => (
          <Radio.Button key={o.value} value={o.value}>
            {pick(o.label)}
          </Radio.Button>
        ))}
      </Radio.Group>
    )
  if (a.type === 'yes_no')
    return (
      <Radio.Group
        value={value}
        onChange={(e) => onChange(e.target.value as string)}
        className="call-choice"
      >
        <Radio.Button value="yes">{t('call.yes')}</Radio.Button>
        <Radio.Button value="no">{t('call.no')}</Radio.Button>
      </Radio.Group>
    )
  if (a.type === 'text')
    return (
      <Input.TextArea
        aria-label={t('call.answer')}
        value={typeof value === 'string' ? value : ''}
        maxLength={a.max_length}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => onChange(e.target.value)}
      />
    )
  if (a.type === 'number')
    return (
      <InputNumber
        aria-label={t('call.answer')}
        min={a.min}
        max={a.max}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => onChange(v)}
      />
    )
  return null
}
