// Promotion-abuse rings as a graph: a ring spreads its accounts over a few phones and a few network
// exits, so no one device need carry many accounts, but its phones meet on the same IPs and its
// accounts hop between them. A device carrying three or more accounts that ask for money is a node
// (a family shares a tablet between two); the IPs those devices used, and an account seen on two of
// them, join them. Only a component of a ring's worth of accounts on several devices is a ring.
// Devices of one or two accounts never join, so a carrier NAT that thousands of strangers and
// households come through connects nothing.
import { splitIdentifierKey } from '../links/identifier.js'
import type { ContactFacts } from './contact-facts.js'
import type { DetectionIndex } from './detection-index.js'
import { UnionFind } from './union-find.js'

/** Accounts a device must carry to be one of a ring's phones rather than a family's tablet. */
const RING_DEVICE_ACCOUNTS = 3

const MONEY_ASK = /退还|退费|退款|补偿|赔偿|返现|优惠券|红包|免息券|奖励|减免/

/** A ring's accounts ask for themselves, in few words, online: a representative's letter is another matter. */
export function asksMoneyForItself(c: ContactFacts): boolean {
  if (c.channel === 'call' || c.channel === 'victim_report') return false
  if ((c.callerRole && c.callerRole !== 'self') || c.grayScore >= 0.4) return false
  return c.demands.some((d) => MONEY_ASK.test(d)) || c.grayHits.some((h) => MONEY_ASK.test(h))
}

export type Ring = { accounts: number; devices: string[]; ips: string[] }

type RingMap = { contacts: number; ringOfDevice: Map<string, Ring> }

const memo = new WeakMap<DetectionIndex, RingMap>()

/** The ring a device belongs to (recomputed when contacts were added), or none. */
export function ringOfDevice(index: DetectionIndex, device: string): Ring | undefined {
  let m = memo.get(index)
  if (!m || m.contacts !== index.contacts.length) {
    m = { contacts: index.contacts.length, ringOfDevice: buildRings(index) }
    memo.set(index, m)
  }
  return m.ringOfDevice.get(device)
}

function buildRings(index: DetectionIndex): Map<string, Ring> {
  // Devices carrying at least two accounts that ask for money, and the IPs they came through.
  const accountsOn = new Map<string, Set<string>>()
  const asking: ContactFacts[] = []
  for (const c of index.contacts) {
    if (!c.customerId || !asksMoneyForItself(c)) continue
    asking.push(c)
    for (const l of c.links) {
      if (splitIdentifierKey(l.identifier).kind !== 'device') continue
      let set = accountsOn.get(l.identifier)
      if (!set) accountsOn.set(l.identifier, (set = new Set()))
      set.add(c.customerId)
    }
  }
  const nodes = new Map<string, number>()
  const node = (id: string) => {
    let n = nodes.get(id)
    if (n === undefined) nodes.set(id, (n = nodes.size))
    return n
  }
  const shared = (id: string) => (accountsOn.get(id)?.size ?? 0) >= RING_DEVICE_ACCOUNTS
  const edges: [number, number][] = []
  // An account that used two shared devices joins them too: it is one hand on both.
  const deviceOfAccount = new Map<string, number>()
  for (const c of asking) {
    const devices = c.links.map((l) => l.identifier).filter((id) => id.startsWith('device:'))
    const ips = c.links.map((l) => l.identifier).filter((id) => id.startsWith('ip:'))
    for (const d of devices.filter(shared)) {
      const n = node(d)
      for (const ip of ips) edges.push([n, node(ip)])
      const account = `account:${c.customerId ?? ''}`
      const earlier = deviceOfAccount.get(account)
      if (earlier === undefined) deviceOfAccount.set(account, n)
      else edges.push([earlier, n])
    }
  }
  const uf = new UnionFind(nodes.size)
  for (const [a, b] of edges) uf.union(a, b)
  const byRoot = new Map<number, { accounts: Set<string>; devices: string[]; ips: string[] }>()
  for (const [id, n] of nodes) {
    const r = uf.find(n)
    let g = byRoot.get(r)
    if (!g) byRoot.set(r, (g = { accounts: new Set(), devices: [], ips: [] }))
    if (id.startsWith('ip:')) g.ips.push(id)
    else {
      g.devices.push(id)
      for (const a of accountsOn.get(id) ?? []) g.accounts.add(a)
    }
  }
  const out = new Map<string, Ring>()
  for (const g of byRoot.values()) {
    const ring = { accounts: g.accounts.size, devices: g.devices, ips: g.ips }
    for (const d of g.devices) out.set(d, ring)
  }
  return out
}
