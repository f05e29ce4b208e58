// The simulator's ground truth kept compactly: an id → row Map plus a few bytes a row in typed
// arrays (kinds, categories and gangs interned), so a million labels fit in about 100 MB.
import type { Category, Label } from '../contract/index.js'
import { categories } from '../contract/index.js'

const ABNORMAL = 1
const ASSESSED = 2

/** Labels without a `kind` are grouped under this name. */
export const UNSPECIFIED_KIND = 'unspecified'

export class LabelTable {
  readonly kinds: string[] = []
  readonly gangs: string[] = []
  duplicates = 0
  private readonly rowOf = new Map<string, number>()
  private readonly kindIds = new Map<string, number>()
  private readonly gangIds = new Map<string, number>()
  private flags = new Uint8Array(1024)
  private kindIdx = new Uint16Array(1024)
  private categoryIdx = new Int8Array(1024)
  private gangIdx = new Int32Array(1024)

  get size(): number {
    return this.rowOf.size
  }

  /** Adds a label; a second label for the same contact is counted and ignored. */
  add(label: Label): void {
    if (this.rowOf.has(label.contact_id)) {
      this.duplicates++
      return
    }
    const row = this.rowOf.size
    if (row === this.flags.length) this.grow()
    this.rowOf.set(label.contact_id, row)
    this.flags[row] = label.abnormal ? ABNORMAL : 0
    this.kindIdx[row] = intern(this.kindIds, this.kinds, label.kind ?? UNSPECIFIED_KIND)
    this.categoryIdx[row] = label.category === null ? -1 : categories.indexOf(label.category)
    this.gangIdx[row] = label.gang === null ? -1 : intern(this.gangIds, this.gangs, label.gang)
  }

  row(contactId: string): number | undefined {
    return this.rowOf.get(contactId)
  }

  /** Marks a row as assessed; false when it already was (a duplicate assessment). */
  markAssessed(row: number): boolean {
    const f = this.flags[row] ?? 0
    if (f & ASSESSED) return false
    this.flags[row] = f | ASSESSED
    return true
  }

  *unassessedRows(): Generator<number> {
    for (let row = 0; row < this.rowOf.size; row++)
      if (!((this.flags[row] ?? 0) & ASSESSED)) yield row
  }

  isAbnormal(row: number): boolean {
    return ((this.flags[row] ?? 0) & ABNORMAL) !== 0
  }

  kindIndex(row: number): number {
    return this.kindIdx[row] ?? 0
  }

  category(row: number): Category | null {
    return categories[this.categoryIdx[row] ?? -1] ?? null
  }

  gang(row: number): string | null {
    return this.gangs[this.gangIdx[row] ?? -1] ?? null
  }

  private grow(): void {
    const n = this.flags.length * 2
    this.flags = copyInto(new Uint8Array(n), this.flags)
    this.kindIdx = copyInto(new Uint16Array(n), this.kindIdx)
    this.categoryIdx = copyInto(new Int8Array(n), this.categoryIdx)
    this.gangIdx = copyInto(new Int32Array(n), this.gangIdx)
  }
}

function intern(ids: Map<string, number>, values: string[], value: string): number {
  let id = ids.get(value)
  if (id === undefined) {
    id = values.length
    ids.set(value, id)
    values.push(value)
  }
  return id
}

function copyInto<T extends Uint8Array | Uint16Array | Int8Array | Int32Array>(to: T, from: T): T {
  to.set(from)
  return to
}
