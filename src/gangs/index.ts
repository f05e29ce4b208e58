// Gangs (团伙), the investigator's view: the identifier graph, Louvain communities with stable ids,
// their summaries, and the store's record of them.
export * from './build-gang-graph.js'
export * from './communities.js'
export * from './gang-graph.js'
export * from './gang-summary.js'
export * from './gang.repository.js'
export * from './gang.service.js'
export * from './stable-ids.js'
export * from './gang-layout.js'
export * from './gang-case.js'
export * from './rejoin-split-agencies.js'
