// Editing a call script as its next version: the JSON of the version shown, checked by the server's
// own validator (every problem named at its step and field) and published as a new version. Calls
// already running keep the version they started on.
import { Alert, App, Button, Input, List, Space, Typography } from 'antd'
import { useState } from 'react'
import { api, isApiError } from '../api/client'
import type { ScriptDefinition, ScriptProblem } from '../api/response-types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

type Props = {
  script: ScriptDefinition
  onPublished: (s: ScriptDefinition) => void
  onCancel: () => void
}

export function ScriptEditor({ script, onPublished, onCancel }: Props) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [text, setText] = useState(() => JSON.stringify(withoutVersion(script), null, 2))
  const [problems, setProblems] = useState<ScriptProblem[]>()
  const [busy, setBusy] = useState(false)

  /** The editor's text as JSON, or the parse error as the one problem. */
  const parsed = (): unknown => {
    try {
      return JSON.parse(text)
    } catch (e) {
      setProblems([{ field: 'json', step: null, message: (e as Error).message }])
      return undefined
    }
  }
  const run = async (publish: boolean) => {
    const body = parsed()
    if (body === undefined) return
    setBusy(true)
    try {
      const path = `/scripts/${encodeURIComponent(script.id)}`
      const check = await api<{ ok: boolean; problems: ScriptProblem[] }>(`${path}/check`, { body })
      setProblems(check.problems)
      if (!publish || !check.ok) return
      const saved = await api<ScriptDefinition>(path, { method: 'PUT', body })
      void message.success(t('scripts.published', { version: saved.version }))
      onPublished(saved)
    } catch (e) {
      if (isApiError(e, 400)) setProblems(e.errors.map((x) => ({ ...x, step: null })))
      else reportError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space orientation="vertical" className="full-width script-editor">
      <Alert type="info" showIcon title={t('scripts.editHint', { version: script.version })} />
      <Input.TextArea
        aria-label={t('scripts.json')}
        className="mono script-json"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 16, maxRows: 28 }}
        spellCheck={false}
      />
      {problems && <ProblemList problems={problems} />}
      <Space>
        <Button onClick={() => void run(false)} loading={busy}>
          {t('scripts.check')}
        </Button>
        <Button type="primary" onClick={() => void run(true)} loading={busy}>
          {t('scripts.publish')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Space>
  )
}

function ProblemList({ problems }: { problems: ScriptProblem[] }) {
  const { t } = useI18n()
  if (!problems.length) return <Alert type="success" showIcon title={t('scripts.valid')} />
  return (
    <List
      size="small"
      bordered
      className="script-problems"
      header={
        <Typography.Text type="danger">
          {t('scripts.problems', { n: problems.length })}
        </Typography.Text>
      }
      dataSource={problems}
      renderItem={(p) => (
        <List.Item>
          <Space wrap>
            {p.step && (
              <Typography.Text strong>{t('scripts.atStep', { step: p.step })}</Typography.Text>
            )}
            <Typography.Text code>{p.field}</Typography.Text>
            <span>{p.message}</span>
          </Space>
        </List.Item>
      )}
    />
  )
}

/** The version is assigned on publishing; editing it would mean nothing. */
function withoutVersion(s: ScriptDefinition): Omit<ScriptDefinition, 'version'> {
  const { version, ...rest } = s
  void version
  return rest
}
