// What may be kept as evidence: each kind the team collects (evidence-kinds.ts) checked against the
// file's own first bytes (never its name), and the size limit.
import { CaseError } from '../cases/case-error.js'
import type { EvidenceKind } from './evidence-kinds.js'

type Sniffed = { media_type: string; family: 'audio' | 'image' | 'document' | 'text' | 'video' }

const MAGIC: { at: number; bytes: string; sniffed: Sniffed; also?: [number, string] }[] = [
  { at: 0, bytes: '%PDF-', sniffed: { media_type: 'application/pdf', family: 'document' } },
  { at: 0, bytes: '\x89PNG', sniffed: { media_type: 'image/png', family: 'image' } },
  { at: 0, bytes: '\xff\xd8\xff', sniffed: { media_type: 'image/jpeg', family: 'image' } },
  { at: 0, bytes: 'GIF8', sniffed: { media_type: 'image/gif', family: 'image' } },
  {
    at: 0,
    bytes: 'RIFF',
    also: [8, 'WEBP'],
    sniffed: { media_type: 'image/webp', family: 'image' },
  },
  {
    at: 0,
    bytes: 'RIFF',
    also: [8, 'WAVE'],
    sniffed: { media_type: 'audio/wav', family: 'audio' },
  },
  { at: 0, bytes: 'ID3', sniffed: { media_type: 'audio/mpeg', family: 'audio' } },
  { at: 0, bytes: '\xff\xfb', sniffed: { media_type: 'audio/mpeg', family: 'audio' } },
  { at: 0, bytes: '\xff\xf3', sniffed: { media_type: 'audio/mpeg', family: 'audio' } },
  { at: 0, bytes: '#!AMR', sniffed: { media_type: 'audio/amr', family: 'audio' } },
  { at: 0, bytes: 'OggS', sniffed: { media_type: 'audio/ogg', family: 'audio' } },
  { at: 0, bytes: 'fLaC', sniffed: { media_type: 'audio/flac', family: 'audio' } },
  { at: 4, bytes: 'ftypM4A', sniffed: { media_type: 'audio/mp4', family: 'audio' } },
  { at: 4, bytes: 'ftyp', sniffed: { media_type: 'video/mp4', family: 'video' } },
  // Office documents and chat-export archives are ZIP containers.
  { at: 0, bytes: 'PK\x03\x04', sniffed: { media_type: 'application/zip', family: 'document' } },
]

const ACCEPTS: Record<EvidenceKind, Sniffed['family'][]> = {
  recording: ['audio', 'video'],
  screenshot: ['image'],
  document: ['document', 'image', 'text'],
  chat_export: ['text', 'document', 'image'],
  other: ['audio', 'video', 'image', 'document', 'text'],
}

export function sniff(bytes: Buffer): Sniffed | null {
  const head = bytes.subarray(0, 16).toString('latin1')
  for (const m of MAGIC)
    if (head.startsWith(m.bytes, m.at) && (!m.also || head.startsWith(m.also[1], m.also[0])))
      return m.sniffed
  return isUtf8Text(bytes) ? { media_type: 'text/plain; charset=utf-8', family: 'text' } : null
}

/** Chat exports and call notes: valid UTF-8 without control characters other than whitespace. */
function isUtf8Text(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024)
  if (!sample.length) return false
  // A cut in the middle of a multi-byte character at the sample's end is not an error.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample)
  const bad = text.slice(0, -1).includes('\ufffd')
  // eslint-disable-next-line no-control-regex -- binary files are exactly what this looks for
  return !bad && !/[\x00-\x08\x0e-\x1f]/.test(text)
}

export function maxEvidenceBytes(): number {
  const mb = Number(process.env.GRAYLINE_EVIDENCE_MAX_MB ?? 100)
  return (Number.isFinite(mb) && mb > 0 ? mb : 100) * 1024 * 1024
}

/** The file's media type when it is acceptable as `kind`; a CaseError naming the field otherwise. */
export function checkEvidenceFile(
  bytes: Buffer,
  kind: EvidenceKind,
  max = maxEvidenceBytes(),
): string {
  if (!bytes.length) throw new CaseError('validation', 'the file is empty', 'file')
  if (bytes.length > max)
    throw new CaseError(
      'validation',
      `the file is ${mb(bytes.length)} MB; evidence files may be ${mb(max)} MB at most`,
      'file',
    )
  const s = sniff(bytes)
  if (!s)
    throw new CaseError(
      'validation',
      'not a recording, image, PDF, office document, archive or UTF-8 text file',
      'file',
    )
  if (!ACCEPTS[kind].includes(s.family))
    throw new CaseError('validation', `a ${s.media_type} file is not a ${kind}`, 'kind')
  return s.media_type
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
