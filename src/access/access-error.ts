// What the access services refuse, typed so that the API maps it to a problem response.
export type AccessErrorCode = 'validation' | 'conflict' | 'not_found'

export class AccessError extends Error {
  constructor(
    readonly code: AccessErrorCode,
    readonly field: string | null,
    message: string,
  ) {
    super(field ? `${field}: ${message}` : message)
    this.name = 'AccessError'
  }
}
