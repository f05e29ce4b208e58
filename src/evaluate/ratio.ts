// A share that may be undefined: null when its denominator is zero, never NaN.
export type Ratio = number | null

export function ratio(numerator: number, denominator: number): Ratio {
  return denominator === 0 ? null : numerator / denominator
}
