// A customer's latest contacts, newest first, each opening its detail page.
import { Empty, List } from 'antd'
import { Link } from 'react-router-dom'
import type { RecentContact } from '../api/types'
import { formatTime, shortId } from '../format'
import { useI18n } from '../i18n/i18n'
import { RiskTag } from './risk-tags'

export function RecentContacts({ items, linkable }: { items: RecentContact[]; linkable: boolean }) {
  const { t } = useI18n()
  if (!items.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('screen.noRecent')} />
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(c) => (
        <List.Item extra={c.risk !== undefined && <RiskTag risk={c.risk} />}>
          <span className="recent-time nowrap">{formatTime(c.received_at)}</span>
          <span className="recent-channel nowrap">{t(`channel.${c.channel}`)}</span>
          {linkable ? (
            <Link
              to={`/contacts/${encodeURIComponent(c.contact_id)}`}
              className="mono recent-id"
              title={c.contact_id}
            >
              {shortId(c.contact_id)}
            </Link>
          ) : (
            <span className="mono recent-id" title={c.contact_id}>
              {shortId(c.contact_id)}
            </span>
          )}
        </List.Item>
      )}
    />
  )
}
