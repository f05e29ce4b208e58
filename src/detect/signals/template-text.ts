// Near-duplicate texts across different customers: a template letter with the slots filled in.
// Short common-topic complaints never form a template (the text module's length and frequency rules).
import type { SignalModule } from './signal.js'
import { answeredOnOwnNumber, fromCustomerThemselves } from './customer-repeats.js'
import { contactRef, hit, MAX_EVIDENCE } from './signal.js'

/** A consumer writing from their own phone or account may have pasted a template from the internet. */
const OWN_CHANNEL_FACTOR = 0.6

export const templateText: SignalModule = {
  code: 'template_text',
  describes: 'the text is a near-duplicate of texts sent for other customers',
  detect({ index, contact, settings }) {
    const group = index.templates.groupOf(contact.idx)
    if (!group || group.customers < settings.template_min_customers) return null
    const own = fromCustomerThemselves(index, contact) ? OWN_CHANNEL_FACTOR : 1
    const weight =
      own *
      ((settings.signals.template_text?.weight ?? 0.7) +
        Math.min(0.2, 0.02 * (group.customers - settings.template_min_customers)))
    const others = group.members.filter((m) => m !== contact.idx).slice(0, MAX_EVIDENCE)
    const pct = Math.round(group.similarity * 100)
    // From the customer's own phone on file, or asking to be answered only there, the letter is
    // theirs, pasted from a circulating template: worth a look, not evidence that someone else is
    // behind it.
    const code = answeredOnOwnNumber(index, contact) ? 'own_template' : 'template_text'
    return hit(
      code,
      weight,
      `投诉文本与另外 ${group.customers - 1} 位客户的文本高度相似（约 ${pct}%），仅姓名、证件号、金额等不同`,
      `the text matches texts sent for ${group.customers - 1} other customers (about ${pct}% similar) apart from names, ID numbers and amounts`,
      [
        { kind: 'text', id: group.id, note: `${group.customers} customers` },
        ...others.map((m) => contactRef(index.contacts[m]?.contactId ?? '')),
      ],
    )
  },
}
