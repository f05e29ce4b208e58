// One palette for risk everywhere (tags, the screening banner, charts), so that red always means
// high and green always means nothing found. antd's red/orange/yellow/green scales, steps 1, 3, 7.
import type { Risk } from './api/types'

export type RiskColours = { tag: string; bg: string; border: string; fg: string }

export const riskPalette: Record<Risk, RiskColours> = {
  high: { tag: 'red', bg: '#fff1f0', border: '#ffa39e', fg: '#cf1322' },
  medium: { tag: 'orange', bg: '#fff7e6', border: '#ffd591', fg: '#d46b08' },
  low: { tag: 'gold', bg: '#feffe6', border: '#fff1b8', fg: '#ad8b00' },
  none: { tag: 'green', bg: '#f6ffed', border: '#b7eb8f', fg: '#389e0d' },
}

export const severityColour = { level1: 'magenta', level2: 'purple' } as const

export const decisionColour = {
  confirmed_agency: 'volcano',
  genuine: 'green',
  needs_verification: 'blue',
  dismissed: 'default',
} as const
