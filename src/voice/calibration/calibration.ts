// Thresholds calibrated, not guessed: from labelled trials (same speaker or not, with a score),
// the equal error rate and the lowest threshold whose false-match rate stays within a target.
export type Trial = { score: number; same: boolean }

export type Calibration = {
  trials: { same: number; different: number }
  eer: number
  eerThreshold: number
  targetFalseMatchRate: number
  threshold: number
  falseMatchRate: number
  falseNonMatchRate: number
}

export function calibrate(trials: Trial[], targetFalseMatchRate: number): Calibration {
  const same = trials.filter((t) => t.same).map((t) => t.score)
  const different = trials.filter((t) => !t.same).map((t) => t.score)
  if (!same.length || !different.length) {
    throw new RangeError('calibration needs both same-speaker and different-speaker trials')
  }
  const rates = (threshold: number): { fmr: number; fnmr: number } => ({
    fmr: different.filter((s) => s >= threshold).length / different.length,
    fnmr: same.filter((s) => s < threshold).length / same.length,
  })
  // Candidate thresholds: every observed score, and one above them all (nothing matches).
  const candidates = [...new Set(trials.map((t) => t.score))].sort((a, b) => a - b)
  candidates.push(candidates[candidates.length - 1]! + 1e-6)
  let eer = { gap: Infinity, rate: 1, threshold: 0 }
  let chosen = { threshold: candidates[candidates.length - 1]!, fmr: 0, fnmr: 1 }
  for (const threshold of candidates) {
    const { fmr, fnmr } = rates(threshold)
    if (Math.abs(fmr - fnmr) < eer.gap)
      eer = { gap: Math.abs(fmr - fnmr), rate: (fmr + fnmr) / 2, threshold }
    if (fmr <= targetFalseMatchRate && threshold < chosen.threshold)
      chosen = { threshold, fmr, fnmr }
  }
  return {
    trials: { same: same.length, different: different.length },
    eer: eer.rate,
    eerThreshold: eer.threshold,
    targetFalseMatchRate,
    threshold: chosen.threshold,
    falseMatchRate: chosen.fmr,
    falseNonMatchRate: chosen.fnmr,
  }
}
