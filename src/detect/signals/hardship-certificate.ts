// A hardship certificate is attached. Genuine hardship exists; agencies forge these by the dozen.
// Informational: it names the evidence to verify with the issuer, and with a refusal to talk it
// describes the standard's "false evidence while the consumer refuses to communicate".
import type { SignalModule } from './signal.js'
import { hit } from './signal.js'

export const hardshipCertificate: SignalModule = {
  code: 'hardship_certificate',
  describes: 'a medical or unemployment certificate is attached (to verify with the issuer)',
  detect({ contact, settings }) {
    if (!contact.hardshipCertificate) return null
    return hit(
      'hardship_certificate',
      settings.signals.hardship_certificate?.weight ?? 0.05,
      '附有医疗或失业等困难证明，尚未向出具单位核实',
      'a medical or unemployment certificate is attached and has not been verified with its issuer',
      [{ kind: 'contact', id: contact.contactId, note: 'certificate attached' }],
    )
  },
}
