// The monthly operations report for managers and regulators: page data, CSV and PDF.
export * from './month.js'
export * from './month-figures.js'
export * from './monthly-figures.js'
export * from './report-csv.js'
export * from './report-pdf.js'
