// What differs between the three importable kinds: schema, key, row mapping and identifier links.
import type { z } from 'zod'
import type { Contact, Customer, WatchlistEntry } from '../contract/index.js'
import {
  contactSchema,
  customerSchema,
  toStoredTime,
  watchlistEntrySchema,
} from '../contract/index.js'
import type { IdentifierLink } from '../links/identifier.js'
import { contactIdentifiers, customerIdentifiers } from '../links/identifier.js'
import { watchlistIdentifier } from '../links/watchlist-identifier.js'
import { nameKey, parseIdNumber, normalizePhone } from '../normalize/index.js'
import type { CsvFieldTypes } from './csv-reader.js'

export const recordKindNames = ['customers', 'contacts', 'watchlist'] as const
export type RecordKindName = (typeof recordKindNames)[number]

export type RecordKind<T> = {
  name: RecordKindName
  schema: z.ZodType<T>
  idField: string
  table: 'customers' | 'contacts' | 'watchlist'
  versionsTable: 'customer_versions' | 'contact_versions' | 'watchlist_versions'
  keyColumn: 'customer_id' | 'contact_id' | 'entry_key'
  key(record: T): string
  /** The table's own columns, apart from record, hash, version and imported_at. */
  columns(record: T): Record<string, string | number | null>
  links(record: T): IdentifierLink[]
  csv: CsvFieldTypes
  /**
   * Indexes whose keys land all over their tree (by identifier, by customer): a large import
   * into a store holding less than it brings builds them at the end instead (store/deferred-indexes.ts).
   */
  deferrableIndexes: readonly string[]
}

function csvTypes(lists: string[], numbers: string[] = [], booleans: string[] = []): CsvFieldTypes {
  return { lists: new Set(lists), numbers: new Set(numbers), booleans: new Set(booleans) }
}

export const customerKind: RecordKind<Customer> = {
  name: 'customers',
  schema: customerSchema,
  idField: 'customer_id',
  table: 'customers',
  versionsTable: 'customer_versions',
  keyColumn: 'customer_id',
  key: (c) => c.customer_id,
  columns: (c) => {
    const id = c.id_number ? parseIdNumber(c.id_number) : null
    return {
      customer_id: c.customer_id,
      name_key: c.name ? nameKey(c.name) || null : null,
      id_number: id?.value ?? null,
      id_number_valid: id ? (id.valid ? 1 : 0) : null,
      phone: c.phone ? (normalizePhone(c.phone)?.value ?? null) : null,
    }
  },
  links: customerIdentifiers,
  csv: csvTypes(['phones_other'], ['loan.overdue_days', 'loan.outstanding'], ['voice_enrolled']),
  deferrableIndexes: ['customer_identifiers_by_identifier'],
}

export const contactKind: RecordKind<Contact> = {
  name: 'contacts',
  schema: contactSchema,
  idField: 'contact_id',
  table: 'contacts',
  versionsTable: 'contact_versions',
  keyColumn: 'contact_id',
  key: (c) => c.contact_id,
  columns: (c) => ({
    contact_id: c.contact_id,
    channel: c.channel,
    source: c.source ?? null,
    received_at: toStoredTime(c.received_at),
    customer_id: c.customer_id ?? null,
    caller_role: c.caller?.role ?? null,
  }),
  links: contactIdentifiers,
  csv: csvTypes(['demands'], ['audio.sample_rate', 'audio.channels']),
  deferrableIndexes: ['contacts_customer_time', 'contact_identifiers_fan_out'],
}

/** A watchlist entry is keyed by what it points at and who said so: re-listing updates it. */
export const watchlistKind: RecordKind<WatchlistEntry> = {
  name: 'watchlist',
  schema: watchlistEntrySchema,
  idField: 'value',
  table: 'watchlist',
  versionsTable: 'watchlist_versions',
  keyColumn: 'entry_key',
  key: (w) => `${watchlistIdentifier(w)}|${w.source}`,
  columns: (w) => ({
    entry_key: `${watchlistIdentifier(w)}|${w.source}`,
    kind: w.kind,
    value: w.value,
    identifier: watchlistIdentifier(w),
    label: w.label,
    source: w.source,
    added_at: toStoredTime(w.added_at),
    expires_at: w.expires_at ? toStoredTime(w.expires_at) : null,
  }),
  links: () => [],
  csv: csvTypes([]),
  deferrableIndexes: [],
}

export const recordKinds = {
  customers: customerKind,
  contacts: contactKind,
  watchlist: watchlistKind,
}
