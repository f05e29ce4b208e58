// For tests of the young generation's size: source text of a function that allocates objects a
// tenth of which live a while (V8 grows a young generation under that up to the largest it may
// have) and returns the new space's size in bytes. Evaluated in a child node or a worker thread.
export const YOUNG_GENERATION_PROBE = `() => {
  let keep = []
  for (let i = 0; i < 2e6; i++) {
    const o = { a: i, b: 'x' + i, c: [i] }
    if (i % 10 === 0) keep.push(o)
    if (keep.length > 100000) keep = []
  }
  return require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size
}`
