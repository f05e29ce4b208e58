// Resampling to the speaker model's rate. Telephone audio (8 kHz) carries nothing above 4 kHz,
// so upsampled calls score lower against 16 kHz enrolments: calibrate thresholds per rate.
export function resample(samples: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return samples
  // Going down, low-pass first so that what cannot be represented does not fold back (aliasing).
  const source = to < from ? lowPass(samples, to / 2 / from) : samples
  const length = Math.floor((samples.length * to) / from)
  const out = new Float32Array(length)
  const step = from / to
  for (let i = 0; i < length; i++) {
    const x = i * step
    const j = Math.floor(x)
    const a = source[j] ?? 0
    const b = source[j + 1] ?? a
    out[i] = a + (b - a) * (x - j)
  }
  return out
}

/** Windowed-sinc FIR low-pass; `cutoff` is a fraction of the sample rate (0–0.5). */
function lowPass(samples: Float32Array, cutoff: number): Float32Array {
  const half = 16
  const taps = new Float32Array(2 * half + 1)
  let sum = 0
  for (let k = -half; k <= half; k++) {
    const sinc = k === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k)
    const hann = 0.5 + 0.5 * Math.cos((Math.PI * k) / half)
    taps[k + half] = sinc * hann
    sum += sinc * hann
  }
  const out = new Float32Array(samples.length)
  for (let i = 0; i < samples.length; i++) {
    let acc = 0
    for (let k = -half; k <= half; k++) acc += (samples[i + k] ?? 0) * taps[k + half]!
    out[i] = acc / sum
  }
  return out
}
