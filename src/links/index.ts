export * from './identifier.js'
export * from './link.queries.js'
export * from './watchlist-identifier.js'
