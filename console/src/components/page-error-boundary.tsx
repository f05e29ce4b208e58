// A page that throws while drawing (a chart library given an odd container, say) shows an error in
// its own place: the menu, the other pages and the agent's work elsewhere stay usable.
import { Button, Result } from 'antd'
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { useLocation } from 'react-router-dom'
import { useI18n } from '../i18n/i18n'

type Props = { children: ReactNode; resetKey: string }
type State = { failed: Error | null; key: string }

class Boundary extends Component<Props, State> {
  override state: State = { failed: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { failed: error }
  }

  /** Moving to another page (or record) gives it a fresh start. */
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failed: null, key: props.resetKey }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.failed)
      return (
        <PageFailed onRetry={() => this.setState({ failed: null })} error={this.state.failed} />
      )
    return this.props.children
  }
}

function PageFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n()
  return (
    <Result
      status="error"
      title={t('error.pageFailed')}
      subTitle={`${t('error.pageFailedDetail')} (${error.message})`}
      extra={<Button onClick={onRetry}>{t('error.retry')}</Button>}
    />
  )
}

export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation()
  return <Boundary resetKey={location.pathname}>{children}</Boundary>
}
