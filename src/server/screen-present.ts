// What POST /api/screen answers, as UTF-8 JSON: numbers masked, identifiers as refs. Screening is
// the API's hot path, so the call script (most of the bytes) is serialised and encoded once per
// version and spliced into each answer; the bytes are those of JSON.stringify of the whole.
import type { ScreenResult } from '../detect/index.js'
import { maskIdentifier, maskText } from '../privacy/index.js'
import type { Presenter } from './present.js'
import type { RiskLookup } from './stored-risks.js'

const scriptJson = new WeakMap<object, Buffer>()

/** `script` is a stored version: never changed in place (an edit is a new version). */
export function screenAnswerJson(
  r: ScreenResult,
  script: object,
  risks: RiskLookup,
  present: Presenter,
): Buffer {
  const signals = r.signals.map((s) => present.signal(s))
  const before = JSON.stringify({
    phone: r.phone ? maskIdentifier(r.phone).replace(/^phone:/, '') : null,
    customer_id: r.customer_id,
    risk: r.risk,
    severity: r.severity,
    categories: r.categories,
    reasons: r.reasons.map((x, i) => ({
      code: x.code,
      'zh-CN': maskedReason(r, signals, i, 'zh-CN'),
      en: maskedReason(r, signals, i, 'en'),
    })),
    signals,
    recommended_script: r.recommended_script,
  })
  const after = JSON.stringify({
    trusted_representative: r.trusted_representative,
    recent_contacts: r.recent_contacts.map((c) => ({
      ...c,
      risk: risks.get(c.contact_id) ?? null,
    })),
    rules_version: r.rules_version,
  })
  // Written into one buffer: `before` less its closing brace, `,"script":`, the script, then
  // `after` with its opening brace turned into a comma — no sliced, joined or interim copies.
  const scriptBytes = jsonOf(script)
  const out = Buffer.allocUnsafe(
    Buffer.byteLength(before) -
      1 +
      SCRIPT_KEY.length +
      scriptBytes.length +
      Buffer.byteLength(after),
  )
  let at = out.write(before) - 1
  at += out.write(SCRIPT_KEY, at, 'latin1')
  at += scriptBytes.copy(out, at)
  out.write(after, at)
  out[at] = COMMA
  return out
}

const SCRIPT_KEY = ',"script":'
const COMMA = 0x2c

type Shown = { explanation: { 'zh-CN': string; en: string } }

/** A reason is its signal's explanation (screen() makes them so): masked once for both. */
function maskedReason(r: ScreenResult, signals: Shown[], i: number, lang: 'zh-CN' | 'en'): string {
  const text = r.reasons[i]?.[lang] ?? ''
  const shown = signals[i]
  return shown && r.signals[i]?.explanation[lang] === text
    ? shown.explanation[lang]
    : maskText(text)
}

function jsonOf(script: object): Buffer {
  let json = scriptJson.get(script)
  if (json === undefined) scriptJson.set(script, (json = Buffer.from(JSON.stringify(script))))
  return json
}
