// This installation as the author of what it shares: a STIX identity whose id is derived from the
// installation secret (stable across restarts, unguessable from the name) and the name peers see.
import { createHmac } from 'node:crypto'
import { namedStixId } from './stix/stix-id.js'
import type { Author } from './stix/stix-objects.js'

export function installationAuthor(secret: Uint8Array, name: string): Author {
  const seed = createHmac('sha256', secret).update('grayline stix identity').digest('hex')
  return { identityId: namedStixId('identity', seed), name }
}
