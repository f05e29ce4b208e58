// Disjoint sets over document numbers 0..n-1: path halving, union by size (ties: the smaller
// number), so a big set keeps its root when a stray text joins it.

export class UnionFind {
  private readonly parent: Int32Array
  private readonly sizes: Uint32Array

  constructor(count: number) {
    this.parent = new Int32Array(count)
    this.sizes = new Uint32Array(count).fill(1)
    for (let i = 0; i < count; i++) this.parent[i] = i
  }

  /** Members of the set whose root is `root`. */
  sizeOf(root: number): number {
    return this.sizes[root] as number
  }

  find(item: number): number {
    let x = item
    while (this.parent[x] !== x) {
      const grand = this.parent[this.parent[x] as number] as number
      this.parent[x] = grand
      x = grand
    }
    return x
  }

  union(a: number, b: number): void {
    const rootA = this.find(a)
    const rootB = this.find(b)
    if (rootA === rootB) return
    const sizeA = this.sizes[rootA] as number
    const sizeB = this.sizes[rootB] as number
    const aKeeps = sizeA > sizeB || (sizeA === sizeB && rootA < rootB)
    const [keep, join] = aKeeps ? [rootA, rootB] : [rootB, rootA]
    this.parent[join] = keep
    this.sizes[keep] = (this.sizes[keep] as number) + (this.sizes[join] as number)
  }
}
