// The screening verdict as a band the agent takes in at a glance. Whatever the risk, the text
// tells the agent to accept the call: a flag means "verify with the customer", never "refuse".
import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  WarningFilled,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Category, Risk, Severity } from '../api/types'
import { useI18n } from '../i18n/i18n'
import { riskPalette } from '../risk-palette'
import { CategoryTags, SeverityTag } from './risk-tags'

const icons: Record<Risk, ReactNode> = {
  high: <WarningFilled />,
  medium: <ExclamationCircleFilled />,
  low: <InfoCircleFilled />,
  none: <CheckCircleFilled />,
}

type Props = { risk: Risk; severity: Severity | null; categories: Category[]; extra?: ReactNode }

export function RiskBanner({ risk, severity, categories, extra }: Props) {
  const { t } = useI18n()
  const c = riskPalette[risk]
  const calm = risk === 'none'
  return (
    <div
      className="risk-banner"
      role="status"
      style={{ background: c.bg, borderColor: c.border }}
      data-risk={risk}
    >
      <span className="risk-banner-icon" style={{ color: c.fg }}>
        {icons[risk]}
      </span>
      <div className="risk-banner-body">
        <div className="risk-banner-title" style={{ color: c.fg }}>
          {calm ? t('screen.noneTitle') : t('screen.riskTitle', { risk: t(`risk.${risk}`) })}
        </div>
        {!calm && (severity || categories.length > 0) && (
          <div className="risk-banner-tags">
            {severity && <SeverityTag severity={severity} />}
            {categories.length > 0 && <CategoryTags categories={categories} />}
          </div>
        )}
        <div className="risk-banner-detail">
          {calm ? t('screen.noneDetail') : t('screen.flaggedDetail')}
        </div>
      </div>
      {extra && <div className="risk-banner-extra">{extra}</div>}
    </div>
  )
}
