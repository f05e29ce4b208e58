// Calibrated thresholds kept in the store with the model they hold for: `grayline voice calibrate`
// writes one, the voice signals read the latest for the model that made the embedding. Without a
// calibration, GRAYLINE_VOICE_THRESHOLD may name one calibrated elsewhere; with neither, no voice
// finding is claimed at all — a guessed threshold would put names on people by chance.
import { randomUUID } from 'node:crypto'
import type { Context } from '../../context.js'
import type { Calibration } from './calibration.js'

export type StoredThreshold = {
  thresholdId: string
  model: string
  modelSha256: string | null
  threshold: number
  targetFalseMatchRate: number
  falseMatchRate: number
  falseNonMatchRate: number
  eer: number
  trials: { same: number; different: number }
  trialsSource: string
  calibratedBy: string
  calibratedAt: string
}

export type ThresholdInForce =
  | { source: 'calibrated'; threshold: number; calibration: StoredThreshold }
  | { source: 'configured'; threshold: number }
  | { source: 'none'; reason: string }

export type CalibrationRecord = {
  model: string
  modelSha256?: string
  calibration: Calibration
  trialsSource: string
  calibratedBy: string
}

export async function storeCalibration(ctx: Context, input: CalibrationRecord): Promise<string> {
  const c = input.calibration
  const thresholdId = `vt_${randomUUID()}`
  await ctx.db
    .insertInto('voice_thresholds')
    .values({
      threshold_id: thresholdId,
      model: input.model,
      model_sha256: input.modelSha256 ?? null,
      threshold: c.threshold,
      target_fmr: c.targetFalseMatchRate,
      fmr: c.falseMatchRate,
      fnmr: c.falseNonMatchRate,
      eer: c.eer,
      eer_threshold: c.eerThreshold,
      trials_same: c.trials.same,
      trials_different: c.trials.different,
      trials_source: input.trialsSource,
      calibrated_by: input.calibratedBy,
      calibrated_at: ctx.clock.now().toISOString(),
    })
    .execute()
  return thresholdId
}

/** The latest calibration of a model, newest first when several were stored. */
export async function latestCalibration(
  ctx: Context,
  model: string,
): Promise<StoredThreshold | null> {
  const row = await ctx.db
    .selectFrom('voice_thresholds')
    .selectAll()
    .where('model', '=', model)
    .orderBy('calibrated_at', 'desc')
    .orderBy('threshold_id', 'desc')
    .executeTakeFirst()
  if (!row) return null
  return {
    thresholdId: row.threshold_id,
    model: row.model,
    modelSha256: row.model_sha256,
    threshold: row.threshold,
    targetFalseMatchRate: row.target_fmr,
    falseMatchRate: row.fmr,
    falseNonMatchRate: row.fnmr,
    eer: row.eer,
    trials: { same: row.trials_same, different: row.trials_different },
    trialsSource: row.trials_source,
    calibratedBy: row.calibrated_by,
    calibratedAt: row.calibrated_at,
  }
}

/**
 * The threshold the signals use for a model. A calibration of a different file under the same
 * name (its sha256 differs) does not count: the scores it was measured on are not this model's.
 */
export async function thresholdInForce(
  ctx: Context,
  model: string,
  modelSha256?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ThresholdInForce> {
  const stored = await latestCalibration(ctx, model)
  const sameFile = !modelSha256 || !stored?.modelSha256 || stored.modelSha256 === modelSha256
  if (stored && sameFile)
    return { source: 'calibrated', threshold: stored.threshold, calibration: stored }
  const configured = Number(env.GRAYLINE_VOICE_THRESHOLD)
  if (env.GRAYLINE_VOICE_THRESHOLD && Number.isFinite(configured) && configured > 0)
    return { source: 'configured', threshold: configured }
  const why = stored
    ? `the calibration of ${model} was measured on another file (sha256 differs)`
    : `no calibration of ${model} is stored`
  return { source: 'none', reason: `${why}: run grayline voice calibrate` }
}
