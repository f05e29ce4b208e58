// Why a watchlist change was refused, in terms the API maps to a problem type: `validation`
// names the field at fault, `not_found` the entry key nobody has listed.
export type WatchlistErrorCode = 'validation' | 'not_found'

export class WatchlistError extends Error {
  constructor(
    readonly code: WatchlistErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message)
    this.name = 'WatchlistError'
  }
}

export function invalidField(field: string, reason: string): WatchlistError {
  return new WatchlistError('validation', `${field}: ${reason}`, field)
}
