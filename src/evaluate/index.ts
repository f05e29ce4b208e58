// Scoring detection against a simulated, labelled population (`grayline eval`).
export * from './metrics.js'
export * from './evaluate-files.js'
export { JsonlLineError, readJsonl } from './read-jsonl.js'
export { GangPairCounter, pairsOf } from './gang-pairs.js'
export { TARGETS, checkTargets } from './targets.js'
export type { ReportLang } from './report-strings.js'
