// One line (or CSV row) of an input file, before validation: either an object or why it is not one.
export type SourceLine =
  | {
      line: number
      bytes: number
      value: unknown
      raw: string
      /** The line's bytes, when they are exactly `raw` (no BOM, no CR): valid UTF-8. */
      utf8?: Uint8Array
    }
  | { line: number; bytes: number; error: { field?: string; reason: string }; raw: string }

export type FileFormat = 'jsonl' | 'csv'

export function formatOf(file: string): FileFormat {
  return /\.csv$/i.test(file) ? 'csv' : 'jsonl'
}

/** A short excerpt of a raw line for a reject report: enough to find it, never a 5 MB blob. */
export function excerpt(raw: string, max = 300): string {
  return raw.length > max ? `${raw.slice(0, max)}… (${raw.length} characters)` : raw
}
