// The agencies' vocabulary (停息挂账, 只还本金, 全权委托 …). Weak alone: genuine consumers ask
// for relief in their own words too.
import type { SignalModule } from './signal.js'
import { hit } from './signal.js'

export const grayLanguageSignal: SignalModule = {
  code: 'gray_language',
  describes: 'demands and tell-tale phrases of the gray industry',
  detect({ contact, settings }) {
    if (contact.grayScore < 0.15) return null
    const weight = (settings.signals.gray_language?.weight ?? 0.2) * contact.grayScore
    const phrases = contact.grayHits.slice(0, 6).join('、')
    return hit(
      'gray_language',
      weight,
      `出现代理维权常用话术：${phrases}`,
      `gray-industry phrases: ${phrases}`,
      [{ kind: 'text', id: contact.contactId, note: phrases }],
    )
  },
}
