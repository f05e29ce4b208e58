// What the response modules (scripts and calls, representatives, verification) throw at a caller:
// a stable code the API maps to problem+json, and the field at fault when there is one.
export type ResponseErrorCode = 'validation' | 'not_found' | 'conflict'

export class ResponseError extends Error {
  constructor(
    readonly code: ResponseErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}
