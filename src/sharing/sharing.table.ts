// Kysely table interfaces of indicator sharing (migrations 0007-sharing and 0009-taxii).

export type SharingPeerTable = {
  peer_id: string
  name: string
  /** SHA-256 of the peer's API token: a copy of the database authenticates nobody. */
  token_hash: string
  /** JSON array of sharing-group names the peer belongs to. */
  groups: string
  daily_quota: number
  /** Evaluations per epoch (calendar month), all days together. */
  epoch_quota: number
  created_at: string
  revoked_at: string | null
}

export type ConsortiumUsageTable = {
  peer_id: string
  /** UTC date, YYYY-MM-DD. */
  day: string
  evaluated: number
  requests: number
}

export type IndicatorConfirmationTable = {
  confirmation_id: string
  kind: string
  /** The local `kind:value` identifier; never leaves the installation. */
  identifier: string
  standard_of_proof: string
  confirmed_by: string
  confirmed_at: string
  case_ref: string | null
  distribution: string
  sharing_group: string | null
  tlp: string
  valid_until: string
  note: string | null
  withdrawn_at: string | null
}

export type SharingAllowlistTable = {
  identifier: string
  reason: string
  added_by: string
  added_at: string
}

export type TaxiiObjectTable = {
  collection_id: string
  object_id: string
  /** The object's `modified` (or `created`): one row per version. */
  version: string
  object_type: string
  date_added: string
  object: string
}

export type TaxiiStatusTable = {
  status_id: string
  api_root: string
  peer_id: string
  status: string
  request_timestamp: string
  /** The status resource as JSON. */
  body: string
}

export type IdentifierTokenTable = { epoch: string; identifier: string; token: string }

export type SharedIndicatorTable = {
  stix_id: string
  /** `oprf-r255:<hex>` or `sha256:<hex>`. */
  value: string
  kind: string
  epoch: string | null
  tlp: string
  /** Where it was pulled from: `<server>/<api root>`. */
  source: string
  /** The distribution it arrived under: `group:<name>` or `consortium`. */
  scope: string
  valid_until: string
  revoked: number
  pulled_at: string
}

/** Where a pull from another installation's collection stopped (migration 0009). */
export type TaxiiPullCursorTable = {
  /** The remote's name in GRAYLINE_TAXII_REMOTES. */
  remote: string
  api_root: string
  collection_id: string
  /** The last X-TAXII-Date-Added-Last seen: the next pull asks for what was added after it. */
  added_after: string
  pulled_at: string
}

/** Objects a peer POSTed; never republished as they are. */
export type TaxiiInboundTable = {
  peer_id: string
  api_root: string
  object_id: string
  version: string
  object_type: string
  object: string
  received_at: string
}

/** A publisher's aggregated sighting of one of its indicators, as pulled. */
export type SharedSightingTable = {
  sighting_id: string
  indicator_id: string
  /** `hit` or `false_positive`. */
  outcome: string
  /** Institutions that reported it, this one included once its report reached the publisher. */
  count: number
  source: string
  seen_at: string
}

/** A sighting this installation posted to a publisher, and when that publisher accepted it. */
export type ReportedSightingTable = {
  remote: string
  indicator_id: string
  outcome: string
  /** The publisher's TAXII status `request_timestamp` (its clock, like its sightings' times). */
  accepted_at: string
}

export type PublishedIndicatorTable = {
  confirmation_id: string
  collection_id: string
  object_id: string
  published_at: string
}

export type SharingTables = {
  sharing_peers: SharingPeerTable
  consortium_usage: ConsortiumUsageTable
  indicator_confirmations: IndicatorConfirmationTable
  sharing_allowlist: SharingAllowlistTable
  taxii_objects: TaxiiObjectTable
  taxii_status: TaxiiStatusTable
  identifier_tokens: IdentifierTokenTable
  shared_indicators: SharedIndicatorTable
  taxii_pull_cursors: TaxiiPullCursorTable
  taxii_inbound: TaxiiInboundTable
  shared_sightings: SharedSightingTable
  reported_sightings: ReportedSightingTable
  published_indicators: PublishedIndicatorTable
}
