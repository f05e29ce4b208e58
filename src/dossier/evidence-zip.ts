// The evidence package that goes with a dossier: every file under its evidence id, a manifest
// (JSON, and SHA256SUMS that `sha256sum -c` checks), and the dossier PDF itself. Entries are in a
// fixed order with a fixed time, so the same case gives the same ZIP.
import yazl from 'yazl'
import type { EvidenceEntry } from './dossier-facts.js'

export type ZipInput = {
  caseId: string
  asOf: Date
  pdf: Buffer
  evidence: { entry: EvidenceEntry; bytes: Buffer }[]
}

export function evidencePath(e: EvidenceEntry): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(e.filename)?.[0] ?? ''
  return `evidence/${e.evidence_id}${ext.toLowerCase()}`
}

export function manifestOf(input: ZipInput) {
  return {
    case_id: input.caseId,
    as_of: input.asOf.toISOString(),
    dossier: 'dossier.pdf',
    items: input.evidence.map(({ entry: e }) => ({
      evidence_id: e.evidence_id,
      path: evidencePath(e),
      filename: e.filename,
      kind: e.kind,
      media_type: e.media_type,
      size: e.size,
      sha256: e.sha256,
      added_by: e.added_by,
      added_at: e.added_at,
      custody_added_line_hash: e.added_line_hash,
    })),
  }
}

export function evidenceZip(input: ZipInput): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  const opts = { mtime: input.asOf, mode: 0o100644 }
  const manifest = manifestOf(input)
  zip.addBuffer(input.pdf, 'dossier.pdf', opts)
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), 'manifest.json', opts)
  const sums = manifest.items.map((i) => `${i.sha256}  ${i.path}\n`).join('')
  zip.addBuffer(Buffer.from(sums), 'SHA256SUMS', opts)
  for (const { entry, bytes } of input.evidence) zip.addBuffer(bytes, evidencePath(entry), opts)
  zip.end()
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
  })
}
