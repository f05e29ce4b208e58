// Domain errors of cases and evidence: a stable code the API maps to problem+json, and the field at fault.
export class CaseError extends Error {
  constructor(
    readonly code: 'validation' | 'not_found' | 'conflict',
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export function notFound(what: string, id: string): CaseError {
  return new CaseError('not_found', `no ${what} ${id}`)
}
