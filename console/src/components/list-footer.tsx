// Under a keyset-paged table: how many rows are shown and the "load more" button, in a band of
// fixed height so the table does not jump when the last page arrives.
import { Button } from 'antd'
import { useI18n } from '../i18n/i18n'

type Props = { count: number; hasMore: boolean; loading: boolean; onMore: () => void }

export function ListFooter({ count, hasMore, loading, onMore }: Props) {
  const { t } = useI18n()
  if (!count) return null
  return (
    <div className="list-footer">
      <span className="muted">{t('common.shown', { n: count })}</span>
      {hasMore ? (
        <Button onClick={onMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <span className="muted">{t('common.noMore')}</span>
      )}
    </div>
  )
}
