// What a peer sees of this server: the consortium's API root and one per sharing group it belongs
// to, one collection in each. A root the peer is not in does not exist for it (404, not 403), so
// that group names do not leak to non-members.
import { collectionIdOf } from '../sharing/publish.service.js'
import type { SharingPeer } from '../sharing/sharing-peers.js'
import { STIX_MEDIA, TAXII_MEDIA, TaxiiError } from './taxii-media.js'

export const MAX_CONTENT_LENGTH = 1024 * 1024

export type TaxiiCollection = {
  id: string
  title: string
  description: string
  can_read: boolean
  can_write: boolean
  media_types: string[]
}

/** The consortium's root, one per group of the peer, and the peer's own (joint cases with it). */
export function rootsOf(peer: SharingPeer): string[] {
  return ['consortium', ...peer.groups.map((g) => `group-${g}`), `peer-${peer.peerId}`]
}

function describe(root: string): string {
  if (root === 'consortium') return 'the whole consortium'
  if (root.startsWith('peer-')) return 'joint cases with this institution only'
  return `sharing group ${root.slice(6)}`
}

export function requireRoot(peer: SharingPeer, root: string): string {
  if (!rootsOf(peer).includes(root))
    throw new TaxiiError(404, 'Not found', `no API root ${root} for this client`)
  return root
}

export function discovery(peer: SharingPeer, baseUrl: string, installation: string) {
  return {
    title: `Grayline indicator sharing — ${installation}`,
    description:
      'Agency indicators confirmed by this institution: POPRF tokens and forged-file hashes, TLP-marked STIX 2.1.',
    default: `${baseUrl}/taxii2/consortium/`,
    api_roots: rootsOf(peer).map((r) => `${baseUrl}/taxii2/${r}/`),
  }
}

export function apiRootInfo(root: string) {
  return {
    title: `Grayline: ${describe(root)}`,
    versions: [TAXII_MEDIA],
    max_content_length: MAX_CONTENT_LENGTH,
  }
}

export function collectionOf(root: string): TaxiiCollection {
  return {
    id: collectionIdOf(root),
    title: `Indicators and joint cases: ${describe(root)}`,
    description:
      'Indicators, sightings (aggregated), groupings and notes. Members may POST sightings, notes and groupings.',
    can_read: true,
    can_write: true,
    media_types: [STIX_MEDIA],
  }
}

export function requireCollection(root: string, id: string): TaxiiCollection {
  const c = collectionOf(root)
  if (c.id !== id) throw new TaxiiError(404, 'Not found', `no collection ${id} in ${root}`)
  return c
}
