// Disjoint sets over contact indices, with path halving and union by size.
export class UnionFind {
  private parent: Int32Array
  private size: Int32Array

  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i)
    this.size = new Int32Array(n).fill(1)
  }

  find(x: number): number {
    const p = this.parent
    while (p[x] !== x) {
      p[x] = p[p[x] ?? x] ?? x
      x = p[x] ?? x
    }
    return x
  }

  union(a: number, b: number): void {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return
    if ((this.size[ra] ?? 0) < (this.size[rb] ?? 0)) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra] = (this.size[ra] ?? 0) + (this.size[rb] ?? 0)
  }

  unionAll(members: readonly number[]): void {
    const first = members[0]
    if (first === undefined) return
    for (let i = 1; i < members.length; i++) this.union(first, members[i] ?? first)
  }
}
