import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { interchangeJsonSchemas } from './json-schema.js'
import { contactSchema } from './interchange.js'
import { toStoredTime } from './time.js'

describe('interchange v1 contract', () => {
  it('publishes in docs/schema exactly the JSON Schema generated from the zod schemas (run `npm run schema` after a change)', () => {
    for (const [name, schema] of Object.entries(interchangeJsonSchemas())) {
      const published = JSON.parse(
        readFileSync(join(import.meta.dirname, '../../docs/schema', `${name}.schema.json`), 'utf8'),
      )
      expect(published, `${name}.schema.json is stale`).toEqual(schema)
    }
  })

  it('keeps extra fields of a contact and reads a time without offset as Asia/Shanghai', () => {
    const c = contactSchema.parse({
      contact_id: 'K1',
      channel: 'letter',
      received_at: '2026-03-01 08:00',
      cti: { queue: 7 },
    })
    expect(c.cti).toEqual({ queue: 7 })
    expect(toStoredTime(c.received_at)).toBe('2026-03-01T00:00:00.000Z')
    expect(toStoredTime('2026-03-01T08:00:00Z')).toBe('2026-03-01T08:00:00.000Z')
  })
})
