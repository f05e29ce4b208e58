// Every review decision on a contact, latest first: the latest is its state, the rest its history.
import { Empty, Timeline } from 'antd'
import type { Review } from '../api/types'
import { formatTime } from '../format'
import { useI18n } from '../i18n/i18n'
import { DecisionTag } from './risk-tags'

export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  const { t } = useI18n()
  if (!reviews.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.noReviews')} />
  return (
    <Timeline
      className="review-history"
      items={reviews.map((r, i) => ({
        key: r.review_id ?? `${r.reviewed_at}-${i}`,
        color: i === 0 ? 'blue' : 'gray',
        title: (
          <span className="muted small">
            {t('review.by', { user: r.reviewed_by, time: formatTime(r.reviewed_at) })}
          </span>
        ),
        content: (
          <div>
            <DecisionTag decision={r.decision} />
            {r.note && <div className="review-note">{r.note}</div>}
          </div>
        ),
      }))}
    />
  )
}
