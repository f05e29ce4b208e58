// Evidence: content-addressed files, their chain of custody and its verification.
export * from './custody-log.js'
export * from './evidence-kinds.js'
export * from './evidence-store.js'
export * from './evidence-store-config.js'
export * from './evidence-type.js'
export * from './evidence-verify.js'
export * from './evidence.service.js'
export * from './s3-evidence-store.js'
