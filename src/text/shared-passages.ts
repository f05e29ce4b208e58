// The passages two texts share, as character ranges, for showing two letters side by side.

export type SharedPassages = { a: [number, number][]; b: [number, number][] }

type Run = { aEnd: number; bEnd: number; length: number }

/**
 * Greedy longest common substrings of at least `minLength` characters: take the longest shared
 * run, then the longest among the characters not yet used on either side, and so on.
 * `a[i]` and `b[i]` are half-open ranges [start, end) of the same passage in each text.
 */
export function sharedPassages(a: string, b: string, minLength = 6): SharedPassages {
  const queue = maximalRuns(a, b, minLength)
  const usedA = new Uint8Array(a.length)
  const usedB = new Uint8Array(b.length)
  const result: SharedPassages = { a: [], b: [] }
  while (queue.length > 0) {
    const run = queue.pop() as Run
    const pieces = freePieces(run, usedA, usedB, minLength)
    if (pieces.length === 1 && pieces[0]?.length === run.length) {
      const aStart = run.aEnd - run.length
      const bStart = run.bEnd - run.length
      usedA.fill(1, aStart, run.aEnd)
      usedB.fill(1, bStart, run.bEnd)
      result.a.push([aStart, run.aEnd])
      result.b.push([bStart, run.bEnd])
    } else {
      for (const piece of pieces) insertSorted(queue, piece)
    }
  }
  return result
}

/** Every maximal diagonal run of equal characters at least `minLength` long, shortest first. */
function maximalRuns(a: string, b: string, minLength: number): Run[] {
  const runs: Run[] = []
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const length =
        a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? (previous[j - 1] as number) + 1 : 0
      current[j] = length
      const continues = i < a.length && j < b.length && a.charCodeAt(i) === b.charCodeAt(j)
      if (length >= minLength && !continues) runs.push({ aEnd: i, bEnd: j, length })
    }
    ;[previous, current] = [current, previous]
  }
  return runs.sort((x, y) => x.length - y.length || y.aEnd - x.aEnd)
}

/** The parts of a run whose characters are still unused on both sides, at least `minLength`. */
function freePieces(run: Run, usedA: Uint8Array, usedB: Uint8Array, minLength: number): Run[] {
  const pieces: Run[] = []
  let length = 0
  for (let k = run.length; k >= 0; k--) {
    const free = k > 0 && usedA[run.aEnd - k] === 0 && usedB[run.bEnd - k] === 0
    if (free) length++
    else if (length > 0) {
      if (length >= minLength) pieces.push({ aEnd: run.aEnd - k, bEnd: run.bEnd - k, length })
      length = 0
    }
  }
  return pieces
}

function insertSorted(queue: Run[], run: Run): void {
  let lo = 0
  let hi = queue.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((queue[mid] as Run).length <= run.length) lo = mid + 1
    else hi = mid
  }
  queue.splice(lo, 0, run)
}
