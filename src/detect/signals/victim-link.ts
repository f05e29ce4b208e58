// A consumer reported being scammed by an agency and named its phones, WeChat or organisation:
// everything else those identifiers touched is the same agency's work.
import type { SignalModule } from './signal.js'
import { contactRef, hit, identifierRef } from './signal.js'

export const victimLink: SignalModule = {
  code: 'victim_link',
  describes: 'an identifier that a victim named as the agency that defrauded them',
  detect({ index, contact, settings }) {
    for (const l of contact.links) {
      const reports = index.victimNamed.get(l.identifier)
      const report = reports?.map((r) => index.contacts[r]).find((r) => r !== undefined)
      if (!report) continue
      return hit(
        'victim_link',
        settings.signals.victim_link?.weight ?? 0.75,
        `该联系方式被受害客户举报为诈骗其的代理机构（举报 ${reports?.length ?? 1} 次）`,
        `a consumer reported this identifier as the agency that defrauded them (${reports?.length ?? 1} report(s))`,
        [identifierRef(l.identifier), contactRef(report.contactId, 'victim report')],
      )
    }
    return null
  },
}
