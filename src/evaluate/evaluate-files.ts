// Scores an assessments file against a simulator's labels file, streaming both.
import { assessmentSchema, labelSchema } from '../contract/index.js'
import { EvaluationAccumulator } from './metrics.js'
import type { EvaluationReport } from './metrics.js'
import { readJsonl } from './read-jsonl.js'

export type EvaluationFiles = { labels: string; assessments: string }

export async function evaluateFiles(files: EvaluationFiles): Promise<EvaluationReport> {
  const acc = new EvaluationAccumulator()
  for await (const label of readJsonl(files.labels, labelSchema)) acc.addLabel(label)
  for await (const a of readJsonl(files.assessments, assessmentSchema)) acc.addAssessment(a)
  return acc.finish()
}
