// The same document (sha256) or a near-same image (perceptual hash) submitted for different
// customers: a power-of-attorney template, or one hospital or unemployment certificate passed round.
import type { ContactFacts } from '../contact-facts.js'
import type { DetectionIndex } from '../detection-index.js'
import { EVIDENCE_KINDS } from '../detection-index.js'
import type { DetectionSettings } from '../rules/rule-set.js'
import type { SignalModule } from './signal.js'
import { contactRef, hit, MAX_EVIDENCE } from './signal.js'

const CERTIFICATES = new Set(['medical', 'unemployment'])
const KIND_ZH: Record<string, string> = {
  poa: '授权委托书',
  medical: '医疗证明',
  unemployment: '失业证明',
  lawyer_letter: '律师函',
  id_copy: '身份证复印件',
}

type Reuse = { kind: string; sha256: string; customers: number; contacts: string[]; near: boolean }

function reuses(
  index: DetectionIndex,
  c: ContactFacts,
  s: DetectionSettings,
  kinds: Set<string>,
): Reuse[] {
  const windowMs = s.window_days * 86_400_000
  const out: Reuse[] = []
  for (const a of c.attachments) {
    if (!kinds.has(a.kind)) continue
    const owners = new Set(index.postings.contactsOf(`sha256:${a.sha256}`))
    let near = false
    if (a.phash) {
      for (const m of index.phashes.near(a.phash, s.phash_max_distance)) {
        if (!owners.has(m.owner)) near = true
        owners.add(m.owner)
      }
    }
    const customers = new Set<string>()
    const contacts: string[] = []
    for (const o of owners) {
      const f = index.contacts[o]
      if (!f?.customerId || Math.abs(f.time - c.time) > windowMs) continue
      customers.add(f.customerId)
      if (o !== c.idx && contacts.length < MAX_EVIDENCE) contacts.push(f.contactId)
    }
    if (customers.size >= s.reuse_min_customers)
      out.push({ kind: a.kind, sha256: a.sha256, customers: customers.size, contacts, near })
  }
  return out
}

function reuseSignal(code: string, kinds: Set<string>, baseDefault: number): SignalModule {
  return {
    code,
    describes:
      code === 'reused_certificate'
        ? 'one hardship certificate submitted for several customers'
        : 'one document or near-same image submitted for several customers',
    detect({ index, contact, settings }) {
      const found = reuses(index, contact, settings, kinds)
      if (!found.length) return null
      const top = found.reduce((a, b) => (b.customers > a.customers ? b : a))
      const weight =
        (settings.signals[code]?.weight ?? baseDefault) + Math.min(0.25, 0.04 * (top.customers - 2))
      const how = top.near ? '近似图片' : '同一文件'
      return hit(
        code,
        weight,
        `${KIND_ZH[top.kind] ?? top.kind}（${how}）出现在 ${top.customers} 位不同客户的材料中`,
        `the same ${top.kind.replace('_', ' ')} (${top.near ? 'near-same image' : 'identical file'}) was submitted for ${top.customers} different customers`,
        [
          { kind: 'file', id: `sha256:${top.sha256}`, note: `${top.customers} customers` },
          ...top.contacts.map((id) => contactRef(id)),
        ],
      )
    },
  }
}

export const reusedEvidence = reuseSignal(
  'reused_evidence',
  new Set([...EVIDENCE_KINDS].filter((k) => !CERTIFICATES.has(k))),
  0.6,
)
export const reusedCertificate = reuseSignal('reused_certificate', CERTIFICATES, 0.7)
