// For actions (save, review, unmask): a failed call becomes a toast in the user's language, with
// 403 worded as "no permission" rather than as a failure.
import { App } from 'antd'
import { useCallback } from 'react'
import { isApiError } from '../api/client'
import { errorDetail, errorTitle } from '../components/error-view'
import { useI18n } from '../i18n/i18n'

export function useReportError(): (error: unknown) => void {
  const { message } = App.useApp()
  const { t } = useI18n()
  return useCallback(
    (error: unknown) => {
      if (isApiError(error, 401)) return // the router is already on its way to the login page
      if (isApiError(error, 403)) {
        void message.error(
          `${t('error.forbidden')}${t('common.colon')}${t('error.forbiddenDetail')}`,
        )
        return
      }
      const detail = errorDetail(error, t('error.network'))
      void message.error(
        detail
          ? `${errorTitle(error, t('error.generic'))}${t('common.colon')}${detail}`
          : t('error.generic'),
      )
    },
    [message, t],
  )
}
