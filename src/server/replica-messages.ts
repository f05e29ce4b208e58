// What the server's thread and its screening replicas say to each other (screen-replicas.ts).
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import type { CredentialInvalidation } from '../access/index.js'
import type { StoreConfig } from '../store/index.js'
import type { ServerConfig } from './deps.js'
import type { DetectorChange } from './live-detector.js'

export type ReplicaSetup = {
  store: StoreConfig
  rulesPath: string
  /** The installation secret (identifier refs must match the server's). */
  secret: Uint8Array
  trustProxy: boolean
  config: ServerConfig
}

/** What each replica is started with: the setup, and its place in the shared accept counts. */
export type ReplicaWorkerData = ReplicaSetup & { acceptCounts: Int32Array; slot: number }

export type ToReplica =
  | { type: 'listen'; on: { fd: number } | { port: number; host: string } }
  | { type: 'detector'; change: DetectorChange }
  | { type: 'scripts' }
  | { type: 'credentials'; invalidation: CredentialInvalidation }
  | { type: 'assessments-saved'; contactIds: readonly string[] }
  | { type: 'response'; id: number; status: number; headers: OutgoingHttpHeaders; body: Uint8Array }
  | { type: 'close' }

export type FromReplica =
  | { type: 'started' }
  | { type: 'loaded' }
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string }
  | {
      type: 'request'
      id: number
      method: string
      url: string
      headers: IncomingHttpHeaders
      remoteAddress: string
    }
  | { type: 'body'; id: number; chunk: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'abort'; id: number }
  | { type: 'closed' }

/** The one request a replica answers itself (while it is as current as the server). */
export function isScreenRequest(method: string | undefined, url: string | undefined): boolean {
  if (method !== 'POST' || !url) return false
  const q = url.indexOf('?')
  return (q < 0 ? url : url.slice(0, q)) === '/api/screen'
}
