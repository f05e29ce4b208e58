// Texts like this contact's, side by side, the shared passages marked on both sides: how a
// handler sees a template at work without reading two letters word by word.
import { Col, Empty, Progress, Row } from 'antd'
import { Link } from 'react-router-dom'
import type { SimilarText } from '../api/types'
import { formatPercent } from '../format'
import { useI18n } from '../i18n/i18n'
import { HighlightedText } from './highlighted-text'

export function SimilarTexts({ text, similar }: { text: string; similar: SimilarText[] }) {
  const { t } = useI18n()
  if (!similar.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return (
    <div>
      <div className="muted small">{t('contact.sharedHint')}</div>
      {similar.map((s) => (
        <div key={s.contact_id} className="similar-pair">
          <div className="similar-head">
            <Link to={`/contacts/${encodeURIComponent(s.contact_id)}`} className="mono">
              {t('contact.otherContact', { id: s.contact_id })}
            </Link>
            {s.customer_id && <span className="mono muted">{s.customer_id}</span>}
            <Progress
              percent={Math.round(s.similarity * 100)}
              size="small"
              showInfo={false}
              className="similar-bar"
            />
            <span className="muted small">
              {t('contact.similarity', { p: formatPercent(s.similarity, 0) })}
            </span>
          </div>
          <Row gutter={12}>
            <Col span={12}>
              <div className="similar-label muted small">{t('contact.thisContact')}</div>
              <p className="similar-text">
                <HighlightedText text={text} ranges={s.shared.a} />
              </p>
            </Col>
            <Col span={12}>
              <div className="similar-label muted small">
                {t('contact.otherContact', { id: s.contact_id })}
              </div>
              <p className="similar-text">
                <HighlightedText text={s.text} ranges={s.shared.b} />
              </p>
            </Col>
          </Row>
        </div>
      ))}
    </div>
  )
}
