import { describe, expect, it } from 'vitest'
import { phoneIdentifier } from '../links/identifier.js'
import { normalizeDeviceId } from '../normalize/index.js'
import { buildGangGraph } from './build-gang-graph.js'
import { gangCommunities } from './communities.js'
import {
  AGENCY_LINE,
  AGENCY_WECHAT,
  bookDetector,
  CERTIFICATE,
  FAMILY_TABLET,
} from './gang-test-book.js'
import { summariseGang } from './gang-summary.js'

const line = phoneIdentifier(AGENCY_LINE)?.identifier ?? ''
const tablet = `device:${normalizeDeviceId(FAMILY_TABLET)}`

describe('gang graph', () => {
  const d = bookDetector()
  const g = buildGangGraph(d.index, d.settings)

  it("joins the agency's line to every customer it spoke for, with the contacts as evidence", () => {
    expect(g.neighbors(line).sort()).toEqual([
      'customer:C1',
      'customer:C2',
      'customer:C3',
      'customer:C4',
    ])
    const e = g.getEdgeAttributes(g.edge('customer:C2', line) ?? '')
    expect(e).toMatchObject({ kind: 'phone', strong: true })
    expect(e.contacts.map((i) => d.index.contacts[i]?.contactId)).toEqual(['line-2'])
  })

  it("draws no edge through a family's shared tablet or a customer's own phone", () => {
    expect(g.hasNode(tablet)).toBe(false)
    expect(g.hasNode('customer:C5')).toBe(false)
    expect(g.hasNode('customer:C10')).toBe(false)
  })

  it('joins the WeChat agency through its id and the certificate it reused', () => {
    expect(g.neighbors(`wechat:${AGENCY_WECHAT}`).sort()).toEqual([
      'customer:C7',
      'customer:C8',
      'customer:C9',
    ])
    expect(g.degree(`sha256:${CERTIFICATE}`)).toBe(3)
  })

  it('finds the two agencies as two gangs and nobody else', () => {
    const gangs = gangCommunities(g, d.index, d.settings.gang_min_customers)
    expect(gangs.map((c) => c.persons)).toEqual([
      ['customer:C1', 'customer:C2', 'customer:C3', 'customer:C4'],
      ['customer:C7', 'customer:C8', 'customer:C9'],
    ])
  })

  it('summarises a gang: customers, phones, organisation, channels, severity and growth', () => {
    const [lineGang, wechatGang] = gangCommunities(g, d.index, d.settings.gang_min_customers)
    const s = summariseGang(
      g,
      d.index,
      lineGang?.nodes ?? [],
      new Date('2026-03-20T00:00:00Z'),
      (i) => d.gangOf(i)?.id,
    )
    expect(s).toMatchObject({
      customers: 4,
      contacts: 4,
      agent_phones: [line],
      channels: { call: 4 },
      severity: 'level2',
      growth_this_month: 4,
      first_seen: '2026-03-01T02:00:00.000Z',
    })
    expect(s.organizations.map((o) => o.key)).toHaveLength(1)
    expect(s.detector_gang_ids).toEqual([d.gangOf(d.index.byId.get('line-1') ?? -1)?.id])
    const w = summariseGang(g, d.index, wechatGang?.nodes ?? [], new Date('2026-04-20T00:00:00Z'))
    expect(w).toMatchObject({
      severity: 'level1',
      severity_reasons: ['forged_certificate'],
      growth_this_month: 0,
    })
    expect(w.forged_files).toEqual([
      { key: `sha256:${CERTIFICATE}`, kinds: ['medical'], customers: 3 },
    ])
  })
})
