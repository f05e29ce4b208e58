// Keeps a chart that fails to draw from taking the page with it: the page's tables and actions
// stay usable, and the chart says it could not be drawn.
import { Alert } from 'antd'
import { Component } from 'react'
import type { ReactNode } from 'react'

type Props = { fallback: string; children: ReactNode }

export class ChartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    return this.state.failed ? (
      <Alert type="warning" showIcon title={this.props.fallback} />
    ) : (
      this.props.children
    )
  }
}
