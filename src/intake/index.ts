export * from './intake.service.js'
export * from './export.service.js'
export * from './record-kinds.js'
export type { Rejection } from './reject-report.js'
