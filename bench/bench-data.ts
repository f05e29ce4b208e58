// Shared generators for the benchmarks: a seeded random source, Chinese mobile numbers in the
// formats people type, and the contact records of bench/import-bench.ts (a quarter from agencies
// rotating 2,000 phones), optionally with customers on file who call from their own phones.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

export type Rng = {
  rand: () => number
  pick: <T>(xs: readonly T[]) => T
  digits: (n: number) => string
  mobile: () => string
}

/** mulberry32: integer arithmetic only, so a million draws stay distinct (float LCGs collapse). */
export function rng(seed: number): Rng {
  let s = seed
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('')
  const mobile = () => `1${pick(MOBILE_PREFIXES)}${digits(8)}`
  return { rand, pick, digits, mobile }
}

const MOBILE_PREFIXES = ['35', '38', '39', '58', '86', '88', '99', '77'] as const

/** The ways one mobile number reaches the lender: bare, +86-, spaced, 0086. */
export const phoneForms: readonly ((p: string) => string)[] = [
  (p) => p,
  (p) => `+86-${p}`,
  (p) => `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`,
  (p) => `0086${p}`,
]

export const complaintTexts = [
  '本人因疫情失业，收入中断，无力偿还贵司借款，现申请停息挂账，只还本金，分期60期。请勿再联系借款人本人，一切事宜由代理人处理。',
  '我上个月的还款已经按时还了，但是系统显示逾期，催收电话一直打到我单位，影响很大，请尽快核实处理。',
  '为什么我的账单多扣了一笔利息？我提前还款了，希望退还多收的费用。',
  '客户来电咨询还款计划，希望延期几天还款，已记录并告知政策。',
] as const

/**
 * Customer k's own mobile, without drawing from any random source (so a customers file and a
 * contacts file can be written apart): k × an odd multiple of neither 2 nor 5 is a bijection
 * modulo 10^8, so the first 100 million customers all get distinct numbers.
 */
export function customerPhone(k: number): string {
  const prefix = MOBILE_PREFIXES[k % MOBILE_PREFIXES.length] ?? '39'
  const body = Number((BigInt(k) * 2654435761n) % 100_000_000n)
  return `1${prefix}${String(body).padStart(8, '0')}`
}

export type ContactShape = {
  /** Contacts in the whole run: customers are C0 … C(0.7 n − 1), times spread over 180 days. */
  n: number
  r: Rng
  /** The agencies' phones (import-bench draws 2,000 right after seeding). */
  agents: readonly string[]
  start?: number
  /**
   * Genuine contacts come from the customer's own phone on file (a share of them from a new
   * phone or a relative's); without it every genuine caller has a number of his own, as in the
   * import benchmark (whose draws stay exactly as they were).
   */
  ownPhones?: { phoneOf: (customer: number) => string; share: number }
  /** The name a contact claims (the customer's own); import-bench's contacts all claim one name. */
  nameOf?: (customer: number) => string
}

export const HISTORY_START = Date.parse('2026-01-01T00:00:00+08:00')
export const HISTORY_DAYS = 180

export function benchContact(i: number, o: ContactShape): Record<string, unknown> {
  const { r, n } = o
  const start = o.start ?? HISTORY_START
  // Drawn in the order import-bench always drew them, so its input stays the same.
  const agency = r.rand() < 0.25
  const k = Math.floor(r.rand() * n * 0.7)
  const channel = r.pick(['call', 'call', 'app_feedback', 'online_ticket', 'regulator', 'letter'])
  const source = channel === 'regulator' ? r.pick(['12378', '12363']) : 'hotline'
  const own = o.ownPhones?.phoneOf(k)
  const claimedForm = r.pick(phoneForms)
  const claimedPhone = claimedForm(own ?? r.mobile())
  const callerForm = r.pick(phoneForms)
  const callerPhone = callerForm(
    agency
      ? r.pick(o.agents)
      : own !== undefined && r.rand() < (o.ownPhones?.share ?? 0)
        ? own
        : r.mobile(),
  )
  const role = agency ? r.pick(['self', 'agent', 'friend']) : 'self'
  const text = r.pick(complaintTexts)
  const network =
    channel === 'app_feedback' || channel === 'online_ticket'
      ? {
          ip: `10.${i % 250}.${(i >> 8) % 250}.${i % 200}`,
          device_id: `dev-${Math.floor(r.rand() * n)}`,
        }
      : null
  const attachment = agency && r.rand() < 0.3 ? r.digits(64).replace(/[89]/g, 'a') : null
  return {
    contact_id: `K${i}`,
    channel,
    source,
    received_at: new Date(start + Math.floor((i / n) * HISTORY_DAYS * 86_400_000)).toISOString(),
    customer_id: `C${k}`,
    claimed: { name: o.nameOf?.(k) ?? '王建国', phone: claimedPhone },
    caller: {
      phone: callerPhone,
      role,
      ...(agency ? { organization: `深圳市信和${i % 300}法务咨询有限公司` } : {}),
    },
    text,
    demands: agency ? ['停息挂账', '减免利息'] : [],
    ...(network ? { network } : {}),
    ...(attachment ? { attachments: [{ kind: 'poa', sha256: attachment }] } : {}),
  }
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '胡',
]
const GIVEN = [
  '建国',
  '秀英',
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
]

/** Customer k's name, without drawing from any random source. */
export function customerName(k: number): string {
  return `${SURNAMES[k % SURNAMES.length] ?? '王'}${GIVEN[Math.floor(k / 14) % GIVEN.length] ?? '伟'}`
}

/** Customer k on file: the own phone and name the contacts of `benchContact` refer to. */
export function benchCustomer(k: number): Record<string, unknown> {
  const overdue = k % 5 === 0
  return {
    customer_id: `C${k}`,
    name: customerName(k),
    phone: customerPhone(k),
    registered_at: new Date(HISTORY_START - (k % 1000) * 86_400_000).toISOString(),
    loan: overdue
      ? { status: 'overdue', overdue_days: 1 + (k % 180), outstanding: 1000 + (k % 50) * 1000 }
      : { status: 'current', outstanding: 500 + (k % 40) * 500 },
  }
}

/** Writes `count` JSON lines made by `make`, streaming, with progress every `every` lines. */
export async function writeJsonl(
  file: string,
  count: number,
  make: (i: number) => unknown,
  onProgress?: (done: number) => void,
  every = 100_000,
): Promise<void> {
  const out = createWriteStream(file)
  for (let i = 0; i < count; i++) {
    if (!out.write(`${JSON.stringify(make(i))}\n`)) await once(out, 'drain')
    if (onProgress && (i + 1) % every === 0) onProgress(i + 1)
  }
  out.end()
  await once(out, 'finish')
}
