// Every version of a watchlist entry, newest first: who changed it, when and why.
import { Drawer, Empty, Skeleton, Timeline } from 'antd'
import { itemsOf } from '../api/types'
import type { ItemList, WatchlistEntry, WatchlistVersion } from '../api/types'
import { useApi } from '../hooks/use-api'
import { formatTime } from '../format'
import { useI18n } from '../i18n/i18n'
import { ErrorView } from './error-view'

type Props = { entry: WatchlistEntry | null; onClose: () => void }

export function WatchlistHistory({ entry, onClose }: Props) {
  const { t } = useI18n()
  const path = entry ? `/watchlist/${encodeURIComponent(entry.entry_key)}/history` : null
  const history = useApi<ItemList<WatchlistVersion>>(path)
  const versions = [...itemsOf(history.data)].sort((a, b) => b.version - a.version)
  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      title={`${t('wl.historyTitle')} · ${entry?.value ?? ''}`}
      size="default"
    >
      {history.error !== undefined ? (
        <ErrorView error={history.error} onRetry={history.reload} />
      ) : history.loading ? (
        <Skeleton active />
      ) : versions.length ? (
        <Timeline
          items={versions.map((v) => ({
            key: v.version,
            color: v.replaced_at ? 'gray' : 'blue',
            title: (
              <span className="muted small">
                v{v.version} · {formatTime(v.changed_at ?? v.added_at)} ·{' '}
                {v.changed_by ?? v.added_by ?? '—'}
              </span>
            ),
            content: <VersionBody version={v} />,
          }))}
        />
      ) : (
        <Empty description={t('wl.historyEmpty')} />
      )}
    </Drawer>
  )
}

function VersionBody({ version: v }: { version: WatchlistVersion }) {
  const { t } = useI18n()
  return (
    <div className="version-body">
      <div>
        <strong>{v.label}</strong>
      </div>
      {v.change_reason && <div>{v.change_reason}</div>}
      <div className="muted small">
        {t('wl.reason')}
        {t('common.colon')}
        {v.reason ?? '—'} · {t('wl.expiresAt')}
        {t('common.colon')}
        {formatTime(v.expires_at)}
      </div>
    </div>
  )
}
