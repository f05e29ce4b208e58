// The case state as a coloured label.
import { Tag } from 'antd'
import type { CaseState } from '../api/case-types'
import { useI18n } from '../i18n/i18n'

const colour: Record<CaseState, string> = {
  lead: 'default',
  investigating: 'blue',
  preparing_report: 'gold',
  reported: 'orange',
  filed: 'red',
  closed: 'green',
}

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useI18n()
  return <Tag color={colour[state]}>{t(`caseState.${state}`)}</Tag>
}
