// Keyset cursors for the newest-first queue: opaque to clients, (received_at, contact_id) inside.
export type QueueCursor = { receivedAt: string; contactId: string }

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.receivedAt, c.contactId])).toString('base64url')
}

/** Null for anything that is not a cursor this module made: the caller answers 400. */
export function decodeCursor(s: string): QueueCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { receivedAt: v[0], contactId: v[1] }
  } catch {
    // fall through
  }
  return null
}
