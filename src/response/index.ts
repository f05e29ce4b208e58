export * from './call-scripts.js'
