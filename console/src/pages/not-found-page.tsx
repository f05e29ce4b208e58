// Any path the console does not know.
import { Button, Result } from 'antd'
import { Link } from 'react-router-dom'
import { useI18n } from '../i18n/i18n'

export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <Result
      status="404"
      title={t('error.pageNotFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.back')}</Button>
        </Link>
      }
    />
  )
}
