// Writes assessments as spec JSON Lines while they are produced, so a million never sit in memory.
// A file is written under a temporary name and renamed when complete: an interrupted run leaves no
// file that looks finished.
import { createWriteStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { ScoredAssessment } from '../detect/index.js'
import { toInterchange } from '../detect/index.js'

export type AssessmentWriter = {
  emit: (batch: ScoredAssessment[]) => Promise<void>
  close: () => Promise<void>
  count: () => number
}

export function assessmentWriter(file?: string): AssessmentWriter {
  const partial = file ? `${file}.partial` : null
  const out: Writable = partial ? createWriteStream(partial) : process.stdout
  let written = 0
  return {
    async emit(batch) {
      for (const a of batch)
        if (!out.write(`${JSON.stringify(toInterchange(a))}\n`)) await once(out, 'drain')
      written += batch.length
    },
    async close() {
      if (!partial || !file) return
      out.end()
      await once(out, 'finish')
      await rename(partial, file)
    },
    count: () => written,
  }
}
