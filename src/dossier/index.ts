// Dossiers (报案材料): the PDF, the evidence ZIP with its manifest, the relationship graph.
export * from './dossier-facts.js'
export * from './dossier-pdf.js'
export * from './dossier.service.js'
export * from './evidence-zip.js'
export * from './graph-svg.js'
export * from './relationship-graph.js'
