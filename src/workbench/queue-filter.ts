// What the workbench queue can be narrowed by. Values are already validated by the caller (the
// API's zod schema); this module only turns them into SQL.
import type { Category, Channel, Risk, Severity } from '../contract/index.js'
import type { ReviewDecision } from './review-decision.js'

export type QueueFilter = {
  risk?: Risk[]
  category?: Category[]
  severity?: Severity[]
  channel?: Channel[]
  source?: string[]
  /** ISO times, inclusive from, exclusive to. */
  from?: string
  to?: string
  customerId?: string
  /** A normalised `kind:value` identifier key. */
  identifier?: string
  gangId?: string
  review?: 'unreviewed' | ReviewDecision[]
}

export type QueuePage = { cursor?: string | null; limit?: number }

export const MAX_PAGE = 200
/** Counting stops here: an exact count of a million-row queue costs more than it tells. */
export const COUNT_CAP = 10_000
