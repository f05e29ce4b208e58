export * from './dashboard-stats.js'
export { StatsError } from './stats-range.js'
export type { StatsRange } from './stats-range.js'
