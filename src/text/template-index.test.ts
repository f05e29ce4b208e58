import { describe, expect, it } from 'vitest'
import {
  buildBorrower,
  fillLetter,
  GENUINE_LETTERS,
  HOSPITAL_LETTER,
  mediumGenuineComplaint,
  POWER_OF_ATTORNEY_LETTER,
  seededRandom,
  shortGenuineComplaint,
  STOP_INTEREST_LETTER,
  type Perturbation,
  type Template,
} from './complaint-letters.fixture.js'
import { DuplicateTextError, TemplateIndex } from './template-index.js'

/** How agencies vary eight copies: reordered, dropped, re-punctuated and reworded sentences. */
const VARIATIONS: Perturbation[] = [
  {},
  { reorder: [2, 3] },
  { drop: 4 },
  { punctuation: true },
  {
    swaps: [
      ['贵司', '贵公司'],
      ['立即', '马上'],
      ['极大', '巨大'],
    ],
  },
  { reorder: [3, 4], drop: 1 },
  {
    punctuation: true,
    swaps: [
      ['要求', '请求'],
      ['严重', '极其'],
    ],
  },
  { drop: 2, reorder: [4, 5] },
]

function addCopies(index: TemplateIndex, template: Template, prefix: string, first = 0): string[] {
  return VARIATIONS.map((variation, i) => {
    const docId = `${prefix}-${i}`
    index.add(
      docId,
      `customer-${prefix}-${i}`,
      fillLetter(template, buildBorrower(first + i), variation),
    )
    return docId
  })
}

function addGenuine(
  index: TemplateIndex,
  count: number,
  build: (random: () => number) => string,
): void {
  const random = seededRandom(count)
  for (let i = 0; i < count; i++)
    index.add(`genuine-${index.size}`, `customer-g${index.size}`, build(random))
}

describe('TemplateIndex.clusters', () => {
  it('puts eight filled-in, reordered, shortened and reworded copies of a letter in one cluster', () => {
    const index = new TemplateIndex()
    const docIds = addCopies(index, STOP_INTEREST_LETTER, 'stop')
    const clusters = index.clusters()
    expect(clusters).toHaveLength(1)
    expect(clusters[0]).toMatchObject({ docIds: [...docIds].sort(), groups: 8 })
    expect(clusters[0]?.meanSimilarity).toBeGreaterThan(0.6)
    expect(docIds).toContain(clusters[0]?.representative)
  })

  it('keeps three agencies’ templates apart, among genuine complaints', () => {
    const index = new TemplateIndex()
    const stop = addCopies(index, STOP_INTEREST_LETTER, 'stop', 0)
    addGenuine(index, 100, mediumGenuineComplaint)
    const proxy = addCopies(index, POWER_OF_ATTORNEY_LETTER, 'proxy', 8)
    const hospital = addCopies(index, HOSPITAL_LETTER, 'hospital', 16)
    const clusters = index.clusters()
    expect(clusters.map((c) => c.docIds).sort()).toEqual(
      [hospital, proxy, stop].map((ids) => [...ids].sort()),
    )
    expect(clusters.every((c) => c.groups === 8)).toBe(true)
  })

  it('still finds a letter that floods the corpus, though its own shingles are then frequent', () => {
    const index = new TemplateIndex()
    const flood = Array.from({ length: 40 }, (_, i) => {
      const variation = VARIATIONS[i % VARIATIONS.length] as Perturbation
      const letter = fillLetter(STOP_INTEREST_LETTER, buildBorrower(i), variation)
      index.add(`flood-${i}`, `customer-f${i}`, letter)
      return `flood-${i}`
    })
    GENUINE_LETTERS.forEach((letter, i) => index.add(`letter-${i}`, `customer-l${i}`, letter))
    const clusters = index.clusters()
    // only near-copies link once the letter's own wording is stock: the most altered copies
    // may form a cluster of their own
    expect(clusters.flatMap((c) => c.docIds).sort()).toEqual([...flood].sort())
    expect(clusters[0]?.docIds.length).toBeGreaterThanOrEqual(30)
  })

  it('finds no template among 200 short complaints written from the same stock phrases', () => {
    const index = new TemplateIndex()
    addGenuine(index, 200, shortGenuineComplaint)
    expect(index.clusters()).toEqual([])
  })

  it('finds no template among 200 longer stock-phrase complaints by different customers', () => {
    const index = new TemplateIndex()
    addGenuine(index, 200, mediumGenuineComplaint)
    expect(index.clusters()).toEqual([])
  })

  it('does not merge customers who use the same stock sentences in different orders', () => {
    const stock = [
      '你们的利息实在是太高了',
      '催收电话每天打个不停',
      '严重影响了我的正常工作和生活',
      '我要求你们立即停止骚扰',
      '请尽快给我一个合理的说法',
      '扣款金额和账单对不上',
      '客服电话一直打不通',
      '逾期一天就上报征信太不合理',
    ]
    const random = seededRandom(3)
    const index = new TemplateIndex()
    for (let i = 0; i < 60; i++) {
      const sentences = [...stock].sort(() => random() - 0.5).slice(0, 5)
      index.add(`stock-${i}`, `customer-${i}`, sentences.join(','))
    }
    expect(index.clusters()).toEqual([])
    // the document-frequency filter is what keeps them apart:
    expect(index.clusters({ minFrequentCount: Infinity }).length).toBeGreaterThan(0)
  })

  it('does not link long genuine letters about common problems, even at two customers', () => {
    const index = new TemplateIndex()
    GENUINE_LETTERS.forEach((letter, i) => index.add(`letter-${i}`, `customer-${i}`, letter))
    expect(index.clusters({ minGroups: 2 })).toEqual([])
  })

  it('does not call one customer sending the same letter five times a template', () => {
    const index = new TemplateIndex()
    const letter = fillLetter(STOP_INTEREST_LETTER, buildBorrower(3))
    for (let i = 0; i < 5; i++) index.add(`resend-${i}`, 'customer-3', letter)
    expect(index.clusters()).toEqual([])
    expect(index.clusters({ minGroups: 1 })[0]).toMatchObject({ groups: 1, meanSimilarity: 1 })
  })

  it('tells which cluster a text belongs to, with an id that stays the same across runs', () => {
    const index = new TemplateIndex()
    const docIds = addCopies(index, POWER_OF_ATTORNEY_LETTER, 'proxy')
    index.add('plain', 'customer-plain', GENUINE_LETTERS[0] as string)
    const [cluster] = index.clusters()
    expect(index.clusterOf(docIds[3] as string)).toBe(cluster)
    expect(index.clusterOf('plain')).toBeUndefined()
    expect(index.clusters()[0]?.id).toBe(cluster?.id)
  })

  it('refuses a docId it already holds', () => {
    const index = new TemplateIndex()
    index.add('a', 'customer-a', '催收电话太多了')
    expect(() => index.add('a', 'customer-b', '利息太高了')).toThrow(DuplicateTextError)
  })
})

describe('TemplateIndex.match', () => {
  it('finds the members of a template for a new filled-in copy, best first', () => {
    const index = new TemplateIndex()
    const docIds = addCopies(index, POWER_OF_ATTORNEY_LETTER, 'proxy')
    addCopies(index, HOSPITAL_LETTER, 'hospital', 8)
    addGenuine(index, 100, mediumGenuineComplaint)
    const copy = fillLetter(POWER_OF_ATTORNEY_LETTER, buildBorrower(40), {
      drop: 5,
      punctuation: true,
    })
    const matches = index.match(copy)
    expect(matches.length).toBeGreaterThanOrEqual(5)
    expect(
      matches.every((m) => docIds.includes(m.docId) && m.groupId.startsWith('customer-proxy')),
    ).toBe(true)
    const similarities = matches.map((m) => m.similarity)
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a))
  })

  it('finds nothing for an unrelated letter or a short complaint', () => {
    const index = new TemplateIndex()
    addCopies(index, STOP_INTEREST_LETTER, 'stop')
    addCopies(index, POWER_OF_ATTORNEY_LETTER, 'proxy', 8)
    expect(index.match(GENUINE_LETTERS[2] as string)).toEqual([])
    expect(index.match('利息太高了,请尽快处理')).toEqual([])
  })

  it('also sees texts added after the last clusters() run', () => {
    const index = new TemplateIndex()
    addCopies(index, STOP_INTEREST_LETTER, 'stop')
    index.clusters()
    index.add('late', 'customer-late', fillLetter(HOSPITAL_LETTER, buildBorrower(50)))
    const matches = index.match(fillLetter(HOSPITAL_LETTER, buildBorrower(51), { reorder: [1, 2] }))
    expect(matches.map((m) => m.docId)).toEqual(['late'])
  })
})
