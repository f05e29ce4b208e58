// 由此联系立案: opens a case from a flagged contact (its gang comes along), or goes to the case
// its gang already has.
import { App, Button } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { api, isApiError } from '../api/client'
import type { Case, CaseRow } from '../api/case-types'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'

export function OpenCaseButton({ contactId }: { contactId: string }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const report = useReportError()
  const [busy, setBusy] = useState(false)

  const open = async () => {
    setBusy(true)
    try {
      const c = await api<Case>('/cases', { body: { origin: 'contact', ref: contactId } })
      void message.success(t('case.opened', { id: c.case_id }))
      void navigate(`/cases/${c.case_id}`)
    } catch (e) {
      // The gang already has an open case: go there instead.
      if (isApiError(e, 409)) {
        const existing = await api<{ items: CaseRow[] }>('/cases', {
          query: { contact_id: contactId },
        })
        const c = existing.items.find((i) => i.state !== 'closed') ?? existing.items[0]
        if (c) return void navigate(`/cases/${c.case_id}`)
      }
      report(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button onClick={() => void open()} loading={busy}>
      {t('case.openFromContact')}
    </Button>
  )
}
