// Numbers that belong to everybody — service hotlines, payment processors, emergency and
// regulator lines — are never tokenised nor matched: a hit on them would say nothing about an
// agency and would leak what a member's customers call. Built-in patterns plus the operator's list.
const BUILT_IN: { pattern: RegExp; reason: string }[] = [
  // Short numbers do not parse as valid phones and are kept as `phone:invalid:…`.
  // 110, 120, 12315 (market regulator), 12378 (banking regulator), 12363 (PBoC) …
  {
    pattern: /^phone:(?:\+86|invalid:)1[0-2]\d{1,3}$/,
    reason: 'emergency and public-service short number',
  },
  // 95xxx: bank and payment-processor service lines (95588, 95017 …); 96xxx local services.
  {
    pattern: /^phone:(?:\+86|invalid:)9[56]\d{3,4}$/,
    reason: 'bank, payment or public service hotline',
  },
  // 400 / 800: national toll-free and company service numbers.
  { pattern: /^phone:\+86[48]00\d{7}$/, reason: '400/800 company service number' },
]

export type AllowlistCheck = { allowlisted: boolean; reason: string | null }

export class SharingAllowlist {
  constructor(private readonly listed: ReadonlyMap<string, string> = new Map()) {}

  check(identifier: string): AllowlistCheck {
    const own = this.listed.get(identifier)
    if (own !== undefined) return { allowlisted: true, reason: own }
    const rule = BUILT_IN.find((r) => r.pattern.test(identifier))
    return rule ? { allowlisted: true, reason: rule.reason } : { allowlisted: false, reason: null }
  }

  has(identifier: string): boolean {
    return this.check(identifier).allowlisted
  }
}
