// Running counts per kind, per labelled category and per severity, and their report rows.
import type { Category, Risk, Severity } from '../contract/index.js'
import { categories } from '../contract/index.js'
import { ratio } from './ratio.js'
import type { Ratio } from './ratio.js'

export type RiskCounts = Record<Risk | 'missing', number>
export type SeverityCounts = Record<Severity | 'none', number>

export type KindReport = {
  kind: string
  contacts: number
  abnormal: number
  genuine: number
  flaggedAbnormal: number
  flaggedGenuine: number
  /** flagged / abnormal contacts of this kind; null when it has none */
  recall: Ratio
  /** flagged / genuine contacts of this kind; null when it has none */
  falsePositiveRate: Ratio
  risk: RiskCounts
}

export type CategoryReport = {
  category: Category
  contacts: number
  flagged: number
  recall: Ratio
}

/** Per labelled category, over its true positives: how often each category was predicted. */
export type CategoryConfusionRow = {
  label: Category
  truePositives: number
  correct: number
  predicted: Record<string, number>
}

export const NO_CATEGORY = '(none)'

export class KindTally {
  private abnormal = 0
  private genuine = 0
  private flaggedAbnormal = 0
  private flaggedGenuine = 0
  private readonly risk: RiskCounts = { none: 0, low: 0, medium: 0, high: 0, missing: 0 }

  add(abnormal: boolean, flagged: boolean, risk: Risk | 'missing'): void {
    if (abnormal) {
      this.abnormal++
      if (flagged) this.flaggedAbnormal++
    } else {
      this.genuine++
      if (flagged) this.flaggedGenuine++
    }
    this.risk[risk]++
  }

  report(kind: string): KindReport {
    return {
      kind,
      contacts: this.abnormal + this.genuine,
      abnormal: this.abnormal,
      genuine: this.genuine,
      flaggedAbnormal: this.flaggedAbnormal,
      flaggedGenuine: this.flaggedGenuine,
      recall: ratio(this.flaggedAbnormal, this.abnormal),
      falsePositiveRate: ratio(this.flaggedGenuine, this.genuine),
      risk: { ...this.risk },
    }
  }
}

type CategoryCounts = {
  contacts: number
  flagged: number
  correct: number
  predicted: Map<string, number>
}

/** Abnormal contacts by labelled category: recall, and what the true positives were called. */
export class CategoryTally {
  private readonly byCategory = new Map<Category, CategoryCounts>()

  add(label: Category, flagged: boolean, predicted: readonly Category[]): void {
    let c = this.byCategory.get(label)
    if (!c)
      this.byCategory.set(
        label,
        (c = { contacts: 0, flagged: 0, correct: 0, predicted: new Map() }),
      )
    c.contacts++
    if (!flagged) return
    c.flagged++
    if (predicted.includes(label)) c.correct++
    for (const p of predicted.length ? new Set(predicted) : [NO_CATEGORY]) {
      c.predicted.set(p, (c.predicted.get(p) ?? 0) + 1)
    }
  }

  recall(): CategoryReport[] {
    return this.ordered().map(([category, c]) => ({
      category,
      contacts: c.contacts,
      flagged: c.flagged,
      recall: ratio(c.flagged, c.contacts),
    }))
  }

  accuracy(): {
    truePositives: number
    correct: number
    accuracy: Ratio
    confusion: CategoryConfusionRow[]
  } {
    const rows = this.ordered().filter(([, c]) => c.flagged > 0)
    const confusion = rows.map(([label, c]) => ({
      label,
      truePositives: c.flagged,
      correct: c.correct,
      predicted: Object.fromEntries([...c.predicted].sort((a, b) => b[1] - a[1])),
    }))
    const truePositives = confusion.reduce((n, r) => n + r.truePositives, 0)
    const correct = confusion.reduce((n, r) => n + r.correct, 0)
    return { truePositives, correct, accuracy: ratio(correct, truePositives), confusion }
  }

  private ordered(): [Category, CategoryCounts][] {
    return categories.flatMap((k) => {
      const c = this.byCategory.get(k)
      return c ? [[k, c] as [Category, CategoryCounts]] : []
    })
  }
}

export class SeverityTally {
  private readonly all = emptySeverity()
  private readonly abnormal = emptySeverity()
  private readonly genuine = emptySeverity()

  add(abnormal: boolean, severity: Severity | null): void {
    const key = severity ?? 'none'
    this.all[key]++
    ;(abnormal ? this.abnormal : this.genuine)[key]++
  }

  report(): { all: SeverityCounts; abnormal: SeverityCounts; genuine: SeverityCounts } {
    return { all: { ...this.all }, abnormal: { ...this.abnormal }, genuine: { ...this.genuine } }
  }
}

function emptySeverity(): SeverityCounts {
  return { level1: 0, level2: 0, none: 0 }
}
