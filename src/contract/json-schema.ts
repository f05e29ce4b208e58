// JSON Schema for each interchange file, generated from the zod schemas so the two never drift.
import { z } from 'zod'
import {
  assessmentSchema,
  contactSchema,
  customerSchema,
  labelSchema,
  watchlistEntrySchema,
} from './interchange.js'

export function interchangeJsonSchemas(): Record<string, unknown> {
  const files = {
    customers: customerSchema,
    contacts: contactSchema,
    watchlist: watchlistEntrySchema,
    assessments: assessmentSchema,
    labels: labelSchema,
  }
  return Object.fromEntries(
    Object.entries(files).map(([name, schema]) => [
      name,
      {
        $id: `https://grayline.dev/schema/interchange-v1/${name}.schema.json`,
        title: `Grayline interchange v1: ${name}.jsonl (one object per line)`,
        ...z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }),
      },
    ]),
  )
}
