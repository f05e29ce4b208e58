// IP addresses and device ids as the lender's app and web forms log them. The same generators
// serve every kind of sender, so the format of an address never tells who sent it.
import { Rng } from './random.js'

// First octets of large Chinese carrier allocations (mobile, broadband).
const CARRIER_OCTETS = [
  36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 119, 120, 121,
  122, 123, 124, 125, 171, 175, 180, 182, 183, 211, 218, 220, 221, 222, 223,
]
const V6_PREFIXES = ['240e', '2409', '2408']

export function carrierIp(rng: Rng): string {
  if (rng.chance(0.12)) {
    const groups = [
      rng.pick(V6_PREFIXES),
      rng.hex(3),
      rng.hex(4),
      rng.hex(4),
      rng.hex(4),
      rng.hex(4),
    ]
    return groups.map((g) => g.replace(/^0+(?=.)/, '')).join(':') + '::' + rng.hex(2)
  }
  return `${rng.pick(CARRIER_OCTETS)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
}

/** Android ANDROID_ID (16 hex) or an iOS identifierForVendor (upper-case UUID). */
export function deviceId(rng: Rng): string {
  if (rng.chance(0.64)) return rng.hex(16)
  const h = rng.hex(32).toUpperCase()
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89AB'.charAt(rng.int(0, 3))}${h.slice(17, 20)}-${h.slice(20)}`
}

/**
 * Shared address pools. Index `k` always yields the same value for one seed, so customers
 * generated independently can meet on a household router, a café's Wi-Fi or a carrier NAT.
 */
export function pooledIp(seed: number, pool: string, k: number): string {
  return carrierIp(new Rng(seed, pool, k))
}

export function pooledDevice(seed: number, pool: string, k: number): string {
  return deviceId(new Rng(seed, pool, k))
}
