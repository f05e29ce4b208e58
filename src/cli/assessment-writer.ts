// Writes assessments to standard output as spec JSON Lines while they are produced, so a million
// never sit in memory (a file named with --out is written by the run itself: assess.service.ts).
import { once } from 'node:events'
import type { ScoredAssessment } from '../detect/index.js'
import { toInterchange } from '../detect/index.js'

export async function emitToStdout(batch: ScoredAssessment[]): Promise<void> {
  for (const a of batch)
    if (!process.stdout.write(`${JSON.stringify(toInterchange(a))}\n`))
      await once(process.stdout, 'drain')
}
