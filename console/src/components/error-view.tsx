// How a failed load looks: 403 is "no permission" (never a broken page), 404 says not found,
// anything else shows the server's problem detail with a retry.
import { Alert, Button, Result } from 'antd'
import { isApiError } from '../api/client'
import { useI18n } from '../i18n/i18n'

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  if (isApiError(error, 403)) return <NoPermission />
  if (isApiError(error, 404))
    return <Result status="404" title={t('error.notFound')} subTitle={t('error.notFoundDetail')} />
  return (
    <Alert
      type="error"
      showIcon
      title={errorTitle(error, t('error.generic'))}
      description={errorDetail(error, t('error.network'))}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        )
      }
    />
  )
}

export function NoPermission() {
  const { t } = useI18n()
  return <Result status="403" title={t('error.forbidden')} subTitle={t('error.forbiddenDetail')} />
}

export function errorTitle(error: unknown, fallback: string): string {
  return isApiError(error) ? error.title || fallback : fallback
}

export function errorDetail(error: unknown, networkText: string): string | undefined {
  if (!isApiError(error)) return networkText
  const fields = error.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
  return error.detail ?? (fields || undefined)
}
