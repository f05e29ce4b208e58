// The worker thread of contact-preparation.ts: prepares contacts from their records (JSON text and,
// when the import already worked them out, their identifier links) and sends them back in order.
import { parentPort } from 'node:worker_threads'
import type { Contact } from '../contract/index.js'
import type { PrepareRequest, PrepareReply } from './contact-preparation.js'
import { prepareContact } from './prepared-contact.js'

parentPort?.on('message', ({ id, records, links, templateMinChars }: PrepareRequest) => {
  const prepared = records.map((json, i) =>
    prepareContact(JSON.parse(json) as Contact, links?.[i], templateMinChars),
  )
  parentPort?.postMessage({ id, prepared } satisfies PrepareReply)
})
