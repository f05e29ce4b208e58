// One month of the operations report, and the report as the API sends it. Dependency-free: the
// console imports these types as they are.
export type MonthFigures = {
  month: string
  opened: number
  /** Reports made to the police (moves into 已报案) during the month. */
  pushed: number
  /** Cases the police filed (moves into 已立案) during the month. */
  filed: number
  /** Cases in 筹备报案 at the month's end. */
  in_preparation: number
  closed: number
  /** Cases open at the month's end. */
  active: number
  /** Joint cases with other institutions, open at some point in the month. */
  joint: number
  victim_reports: number
  /** Contacts flagged (medium or high risk) received in the month. */
  warnings: number
  /** Of those, confirmed since by a review (确认代理) or by a case that went to the police. */
  confirmed: number
  confirmed_share: number | null
}

/** GET /api/operations-report: the months from..to (YYYY-MM), the last one's headline. */
export type OperationsReport = {
  from: string
  to: string
  months: MonthFigures[]
  headline: string | null
}
