// Every signal module, in the order their explanations are shown.
import { callerMismatch } from './caller-mismatch.js'
import { campaignConduct } from './campaign-conduct.js'
import { campaignLink } from './campaign-link.js'
import { campaignLanguage } from './campaign-language.js'
import { fanOut } from './fan-out.js'
import { grayLanguageSignal } from './gray-language.js'
import { hardshipCertificate } from './hardship-certificate.js'
import { impersonation } from './impersonation.js'
import { orchestratedRepeats } from './orchestrated-repeats.js'
import { promotionAbuse } from './promotion-abuse.js'
import { refusal } from './refusal.js'
import { responseFindingModules } from './response-findings.js'
import { reusedCertificate, reusedEvidence } from './reused-evidence.js'
import { rotatingCallers } from './rotating-callers.js'
import { selfFlood } from './self-flood.js'
import { sharedIndicator } from './shared-indicator.js'
import type { SignalModule } from './signal.js'
import { templateText } from './template-text.js'
import { thirdParty } from './third-party.js'
import { victimLink } from './victim-link.js'
import { voiceSignalModules } from './voice-match.js'
import { watchlistSignal } from './watchlist.js'

export const signalModules: SignalModule[] = [
  victimLink,
  watchlistSignal,
  sharedIndicator,
  fanOut,
  impersonation,
  rotatingCallers,
  templateText,
  reusedCertificate,
  reusedEvidence,
  promotionAbuse,
  thirdParty,
  orchestratedRepeats,
  campaignLink,
  campaignLanguage,
  campaignConduct,
  selfFlood,
  refusal,
  hardshipCertificate,
  callerMismatch,
  grayLanguageSignal,
  ...responseFindingModules,
  ...voiceSignalModules,
]

export type { SignalHit, SignalModule, SignalInput } from './signal.js'
