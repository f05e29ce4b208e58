// A borrower in the lender's customer master: who they are, how they are reachable, their loan.
import type { Customer } from '../contract/index.js'
import { DAY_MS, formatTime } from './clock.js'
import type { Period } from './clock.js'
import type { Region } from './identity.js'
import {
  address,
  idNumber,
  mobile,
  personalEmail,
  region,
  typoIdNumber,
  writePhone,
} from './identity.js'
import type { PersonName } from './names.js'
import { personName } from './names.js'
import type { RoleCode } from './plan.js'
import { Role } from './plan.js'
import type { Rng } from './random.js'

export type LoanStatus = 'current' | 'overdue' | 'settled' | 'written_off'

export type Person = {
  index: number
  customerId: string
  person: PersonName
  /** The true ID number; the master may hold a mistyped copy. */
  idNumber: string
  home: Region
  /** The registered mobile, 11 digits. */
  phone: string
  phonesOther: string[]
  email: string
  registeredAt: number
  loan: {
    status: LoanStatus
    overdueDays?: number
    outstanding: number
    principal: number
    loanDate: number
  }
  record: Customer
}

const YEAR_MS = 365.25 * DAY_MS

// Multiplying by a number prime to 10 is a bijection mod 10^10; split so it stays exact in doubles.
const MULT_HI = 26_544
const MULT_LO = 35_761
const MOD = 10_000_000_000

/** Opaque, unique, stable: the index scrambled by a seeded affine bijection mod 10^10. */
export function customerIdFor(seed: number, index: number): string {
  const offset = Math.abs(Math.floor(seed * 7_919)) % MOD
  const hi = ((index * MULT_HI) % 100_000) * 100_000
  const scrambled = (hi + index * MULT_LO + offset) % MOD
  return 'CF' + String(scrambled).padStart(10, '0')
}

const STATUS: Record<
  'quiet' | 'complainant' | 'agencyClient' | 'ring',
  readonly (readonly [LoanStatus, number])[]
> = {
  quiet: [
    ['current', 0.78],
    ['settled', 0.12],
    ['overdue', 0.08],
    ['written_off', 0.02],
  ],
  complainant: [
    ['current', 0.5],
    ['overdue', 0.3],
    ['settled', 0.15],
    ['written_off', 0.05],
  ],
  agencyClient: [
    ['overdue', 0.8],
    ['written_off', 0.08],
    ['current', 0.1],
    ['settled', 0.02],
  ],
  ring: [
    ['current', 0.7],
    ['settled', 0.28],
    ['overdue', 0.02],
    ['written_off', 0],
  ],
}

function statusGroup(role: RoleCode): keyof typeof STATUS {
  if (role === Role.agency) return 'agencyClient'
  if (role === Role.ring) return 'ring'
  return role === Role.none ? 'quiet' : 'complainant'
}

function pickStatus(rng: Rng, role: RoleCode): LoanStatus {
  let u = rng.next()
  for (const [status, w] of STATUS[statusGroup(role)]) if ((u -= w) < 0) return status
  return 'current'
}

function loanFor(rng: Rng, role: RoleCode, registeredAt: number, period: Period): Person['loan'] {
  const status = pickStatus(rng, role)
  const principal =
    role === Role.ring
      ? rng.int(5, 30) * 100
      : Math.max(500, Math.round(Math.min(200_000, rng.lognormal(12_000, 0.8)) / 100) * 100)
  const loanDate =
    registeredAt +
    rng.int(0, Math.max(1, Math.floor((period.startMs - registeredAt) / DAY_MS))) * DAY_MS
  const share = status === 'settled' ? 0 : 0.2 + rng.next() * 0.9
  const outstanding = Math.round(principal * share * 100) / 100
  if (status !== 'overdue') return { status, outstanding, principal, loanDate }
  const overdueDays =
    role === Role.agency ? rng.int(30, 420) : Math.min(720, 1 + rng.geometric(0.04))
  return { status, overdueDays, outstanding, principal, loanDate }
}

// Quiet customers may have joined during the period; anyone who contacts us joined before it.
function daysBefore(rng: Rng, role: RoleCode, period: Period): number {
  return role === Role.none ? rng.int(-Math.floor(period.days * 0.3), 1100) : rng.int(1, 1100)
}

export type PersonOptions = {
  role: RoleCode
  registeredAround?: number
  phone?: string
  virtualShare?: number
}

export function buildPerson(
  rng: Rng,
  seed: number,
  index: number,
  period: Period,
  o: PersonOptions,
): Person {
  const person = personName(rng)
  const home = region(rng)
  const age = Math.min(62, Math.max(19, rng.lognormal(31, 0.22)))
  const birthMs = period.startMs - age * YEAR_MS - rng.int(0, 364) * DAY_MS
  const id = idNumber(rng, home, person.sex, birthMs)
  const registeredAt =
    o.registeredAround !== undefined
      ? o.registeredAround + rng.int(-4, 4) * DAY_MS + rng.int(0, 86_399) * 1000
      : period.startMs - daysBefore(rng, o.role, period) * DAY_MS - rng.int(0, 86_399) * 1000
  const phone = o.phone ?? mobile(rng, o.virtualShare ?? 0.03)
  const phonesOther = rng.chance(0.15) ? [mobile(rng)] : []
  const loan = loanFor(rng, o.role, Math.min(registeredAt, period.endMs - DAY_MS), period)
  const customerId = customerIdFor(seed, index)
  const p: Person = {
    index,
    customerId,
    person,
    idNumber: id,
    home,
    phone,
    phonesOther,
    email: personalEmail(rng, person.pinyin),
    registeredAt,
    loan,
    record: { customer_id: customerId },
  }
  p.record = customerRecord(rng, p)
  return p
}

function customerRecord(rng: Rng, p: Person): Customer {
  const loan: Customer['loan'] = { status: p.loan.status }
  if (p.loan.overdueDays !== undefined) loan.overdue_days = p.loan.overdueDays
  loan.outstanding = p.loan.outstanding
  const record: Customer = {
    customer_id: p.customerId,
    name: p.person.name,
    id_number: rng.chance(0.015) ? typoIdNumber(rng, p.idNumber) : p.idNumber,
    phone: writePhone(rng, p.phone, 'typed'),
  }
  if (p.phonesOther.length > 0)
    record.phones_other = p.phonesOther.map((x) => writePhone(rng, x, 'typed'))
  record.address = address(rng, p.home)
  record.registered_at = formatTime(p.registeredAt)
  record.loan = loan
  record.voice_enrolled = rng.chance(0.3)
  return record
}

/** Adds a phone to the master after the fact (an emergency contact given at registration). */
export function addOtherPhone(rng: Rng, p: Person, phone: string): void {
  p.phonesOther.push(phone)
  p.record.phones_other = [...(p.record.phones_other ?? []), writePhone(rng, phone, 'typed')]
}
