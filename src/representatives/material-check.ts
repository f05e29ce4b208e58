// Checks what a representative submitted against the checklist for their kind: each item present
// (declared, or a matching attachment of their contact), missing, or suspicious — the same file
// already submitted for other customers. Only a complete, unsuspicious set may be verified.
import type { MaterialStandards } from './material-standards.js'
import type { ItemCheck, MaterialCheck, RepresentativeKind } from './representative.js'

export type SubmittedMaterial = { item: string; sha256: string }
export type ContactAttachment = { kind: string; sha256: string }

export function checkMaterials(
  standards: MaterialStandards,
  kind: RepresentativeKind,
  submitted: SubmittedMaterial[],
  attachments: ContactAttachment[],
  /** Files (sha256) already submitted for other customers. */
  reused: ReadonlySet<string>,
): MaterialCheck {
  const items = standards.kinds[kind].items.map((it): ItemCheck => {
    const files = [
      ...submitted.filter((m) => m.item === it.item).map((m) => m.sha256),
      ...attachments
        .filter((a) => it.attachment_kinds.includes(a.kind as never))
        .map((a) => a.sha256),
    ].map((f) => f.toLowerCase())
    const unique = [...new Set(files)]
    const status = !unique.length
      ? 'missing'
      : unique.some((f) => reused.has(f))
        ? 'suspicious'
        : 'present'
    return { item: it.item, label: it.label, status, files: unique }
  })
  return { complete: items.every((i) => i.status === 'present'), items }
}
