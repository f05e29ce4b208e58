// Template groups over the contacts' texts. A full clustering runs when many texts arrived since the
// last one; a few new texts are matched against the existing index and join (or found) a group,
// so adding a thousand contacts to a million does not recluster everything.
import { TemplateIndex } from '../text/index.js'

export type TemplateGroup = { id: string; members: number[]; customers: number; similarity: number }

/** Recluster when the texts added since the last clustering exceed this share of all texts. */
const RECLUSTER_SHARE = 0.05

export class TemplateGroups {
  /** `similarity`: the estimated share of shingles two texts must share (the rule set's setting). */
  constructor(similarity = 0.6) {
    this.index = new TemplateIndex({ threshold: similarity })
  }

  private readonly index: TemplateIndex
  private readonly groupIdOf = new Map<number, string>()
  private readonly byId = new Map<string, TemplateGroup>()
  private readonly customerOf = new Map<number, string>()
  /** Texts added since the last clustering, by contact (their signatures are in the index). */
  private pending: number[] = []
  private clustered = 0
  private total = 0

  /**
   * `shingles`: of the contact's masked text (prepared-contact.ts). A contact's text is indexed
   * once; a later edit of the same contact keeps the first text's place.
   */
  add(idx: number, customer: string, shingles: Uint32Array): void {
    if (this.customerOf.has(idx)) return
    this.index.addShingles(String(idx), customer, shingles)
    this.customerOf.set(idx, customer)
    this.pending.push(idx)
    this.total++
  }

  groupOf(idx: number): TemplateGroup | undefined {
    this.ensure()
    const id = this.groupIdOf.get(idx)
    return id ? this.byId.get(id) : undefined
  }

  groups(): IterableIterator<TemplateGroup> {
    this.ensure()
    return this.byId.values()
  }

  private ensure(): void {
    if (!this.pending.length) return
    if (this.clustered === 0 || this.pending.length > RECLUSTER_SHARE * this.total) this.recluster()
    else for (const idx of this.pending) this.joinNearest(idx)
    this.pending = []
  }

  private recluster(): void {
    this.groupIdOf.clear()
    this.byId.clear()
    for (const c of this.index.clusters()) {
      const members = c.docIds.map(Number)
      this.put({ id: c.id, members, customers: c.groups, similarity: c.meanSimilarity })
    }
    this.clustered = this.total
  }

  /** A text arriving after the clustering joins the group of its nearest neighbours, or founds one with them. */
  private joinNearest(idx: number): void {
    const near = this.index.matchStored(String(idx)).filter((m) => Number(m.docId) !== idx)
    if (!near.length) return
    const existing = near
      .map((m) => this.groupIdOf.get(Number(m.docId)))
      .find((g) => g !== undefined)
    const group = existing ? this.byId.get(existing) : undefined
    const members = group ? [...group.members, idx] : [idx, ...near.map((m) => Number(m.docId))]
    const customers = new Set(members.map((m) => this.customerOf.get(m))).size
    const similarity = near.reduce((s, m) => s + m.similarity, 0) / near.length
    this.put({
      id: group?.id ?? `T-${idx}`,
      members,
      customers,
      similarity: group?.similarity ?? similarity,
    })
  }

  private put(g: TemplateGroup): void {
    this.byId.set(g.id, g)
    for (const m of g.members) this.groupIdOf.set(m, g.id)
  }
}
