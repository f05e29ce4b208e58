export * from './interchange.js'
export * from './time.js'
