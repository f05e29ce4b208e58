// The small coloured labels the tables and pages share: risk, severity, categories, review.
import { Tag, Tooltip } from 'antd'
import type { Category, Decision, Review, Risk, Severity } from '../api/types'
import { formatTime } from '../format'
import { useI18n } from '../i18n/i18n'
import { decisionColour, riskPalette, severityColour } from '../risk-palette'

export function RiskTag({ risk }: { risk: Risk | null | undefined }) {
  const { t } = useI18n()
  if (!risk) return <Tag variant="outlined">{t('risk.unassessed')}</Tag>
  return <Tag color={riskPalette[risk].tag}>{t(`risk.${risk}`)}</Tag>
}

export function SeverityTag({ severity }: { severity: Severity | null | undefined }) {
  const { t } = useI18n()
  if (!severity) return <span className="muted">—</span>
  return <Tag color={severityColour[severity]}>{t(`severity.${severity}`)}</Tag>
}

export function CategoryTags({ categories, max }: { categories: Category[]; max?: number }) {
  const { t } = useI18n()
  if (!categories.length) return <span className="muted">—</span>
  const shown = max ? categories.slice(0, max) : categories
  const rest = categories.slice(shown.length)
  return (
    <span className="tag-list">
      {shown.map((c) => (
        <Tag key={c}>{t(`category.${c}`)}</Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map((c) => t(`category.${c}`)).join('、')}>
          <Tag>+{rest.length}</Tag>
        </Tooltip>
      )}
    </span>
  )
}

export function DecisionTag({ decision }: { decision: Decision }) {
  const { t } = useI18n()
  return <Tag color={decisionColour[decision]}>{t(`decision.${decision}`)}</Tag>
}

export function ReviewCell({ review }: { review: Review | null }) {
  const { t } = useI18n()
  if (!review) return <span className="muted">{t('decision.unreviewed')}</span>
  return (
    <Tooltip
      title={t('review.by', { user: review.reviewed_by, time: formatTime(review.reviewed_at) })}
    >
      <span>
        <DecisionTag decision={review.decision} />
      </span>
    </Tooltip>
  )
}
