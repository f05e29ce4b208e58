export * from './material-standards.js'
export * from './material-check.js'
export * from './representative.js'
export * from './representatives.service.js'
