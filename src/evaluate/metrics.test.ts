import { describe, expect, it } from 'vitest'
import type { Assessment, Category, Label, Risk, Severity } from '../contract/index.js'
import { EvaluationAccumulator, evaluate, formatReport, isFlagged } from './metrics.js'

const ABNORMAL_KINDS = new Set(['agency', 'promotion_abuse', 'self_flood_excess'])

function label(
  contact_id: string,
  kind: string,
  category: Category | null = null,
  gang: string | null = null,
): Label {
  return { contact_id, abnormal: ABNORMAL_KINDS.has(kind), category, gang, kind }
}

type Predicted = { categories?: Category[]; gang?: string | null; severity?: Severity | null }

function assessment(contact_id: string, risk: Risk, p: Predicted = {}): Assessment {
  const flagged = risk === 'medium' || risk === 'high'
  return {
    contact_id,
    risk,
    severity: p.severity ?? (flagged ? 'level2' : null),
    categories: p.categories ?? [],
    signals: [],
    gang_id: p.gang ?? null,
    recommended_action: flagged ? 'script:verify-representative' : 'none',
    rules_version: 'test-1',
  }
}

// 5 abnormal, 10 genuine. TP: a1 a2 a4; FN: a3 (low), a5 (no assessment); FP: g6, r2.
function population(): { labels: Label[]; assessments: Assessment[] } {
  const labels = [
    label('a1', 'agency', 'proxy_in_consumer_name', 'G1'),
    label('a2', 'agency', 'proxy_in_consumer_name', 'G1'),
    label('a3', 'agency', 'orchestrated_repeat_complaints', 'G2'),
    label('a4', 'promotion_abuse', 'promotion_abuse'),
    label('a5', 'self_flood_excess', 'malicious_complaint'),
    ...['g1', 'g2', 'g3', 'g4', 'g5', 'g6'].map((id) => label(id, 'genuine')),
    label('r1', 'relative'),
    label('r2', 'relative'),
    label('l1', 'lawyer'),
    label('v1', 'victim_report'),
  ]
  const assessments = [
    assessment('a1', 'high', {
      categories: ['proxy_in_consumer_name'],
      gang: 'X',
      severity: 'level1',
    }),
    assessment('a2', 'medium', { categories: ['accompanying_agent'], gang: 'X' }),
    assessment('a3', 'low'),
    assessment('a4', 'high', { categories: ['promotion_abuse'] }),
    ...['g1', 'g2', 'g3'].map((id) => assessment(id, 'none')),
    ...['g4', 'g5'].map((id) => assessment(id, 'low')),
    assessment('g6', 'medium', { categories: ['malicious_complaint'] }),
    assessment('r1', 'none'),
    assessment('r2', 'high', { categories: ['proxy_in_consumer_name'] }),
    assessment('l1', 'low'),
    assessment('v1', 'none'),
  ]
  return { labels, assessments }
}

describe('evaluate', () => {
  it('counts a contact as flagged only at risk medium or high', () => {
    expect(
      ['none', 'low', 'medium', 'high'].map((risk) => isFlagged({ risk: risk as Risk })),
    ).toEqual([false, false, true, true])
  })

  it('computes precision, recall and F1, counting a missing assessment as not flagged', () => {
    const { labels, assessments } = population()
    const r = evaluate(labels, assessments)
    expect(r.confusion).toEqual({ tp: 3, fp: 2, fn: 2, tn: 8 })
    expect(r.counts).toMatchObject({
      labels: 15,
      abnormal: 5,
      genuine: 10,
      evaluated: 14,
      flagged: 5,
      missingAssessments: 1,
    })
    expect(r.precision).toBeCloseTo(3 / 5)
    expect(r.recall).toBeCloseTo(3 / 5)
    expect(r.f1).toBeCloseTo(0.6)
    expect(r.falsePositiveRate).toBeCloseTo(2 / 10)
    expect(r.rulesVersions).toEqual(['test-1'])
  })

  it('reports the false-positive rate per genuine kind and recall per abnormal kind', () => {
    const r = evaluate(population().labels, population().assessments)
    const kind = (k: string) => r.byKind.find((x) => x.kind === k)
    expect(r.byKind.map((k) => k.kind)).toEqual([
      'agency',
      'promotion_abuse',
      'self_flood_excess',
      'genuine',
      'relative',
      'lawyer',
      'victim_report',
    ])
    expect(kind('genuine')?.falsePositiveRate).toBeCloseTo(1 / 6)
    expect(kind('relative')?.falsePositiveRate).toBeCloseTo(1 / 2)
    expect(kind('lawyer')?.falsePositiveRate).toBe(0)
    expect(kind('agency')).toMatchObject({ recall: 2 / 3, falsePositiveRate: null })
    expect(kind('self_flood_excess')).toMatchObject({
      recall: 0,
      risk: { none: 0, low: 0, medium: 0, high: 0, missing: 1 },
    })
    expect(kind('genuine')?.risk).toEqual({ none: 3, low: 2, medium: 1, high: 0, missing: 0 })
  })

  it('reports recall per labelled category and category accuracy over true positives', () => {
    const r = evaluate(population().labels, population().assessments)
    expect(r.byCategory).toEqual([
      { category: 'proxy_in_consumer_name', contacts: 2, flagged: 2, recall: 1 },
      { category: 'orchestrated_repeat_complaints', contacts: 1, flagged: 0, recall: 0 },
      { category: 'promotion_abuse', contacts: 1, flagged: 1, recall: 1 },
      { category: 'malicious_complaint', contacts: 1, flagged: 0, recall: 0 },
    ])
    expect(r.categoryAccuracy).toMatchObject({ truePositives: 3, correct: 2 })
    expect(r.categoryAccuracy.accuracy).toBeCloseTo(2 / 3)
    expect(r.categoryAccuracy.confusion).toEqual([
      {
        label: 'proxy_in_consumer_name',
        truePositives: 2,
        correct: 1,
        predicted: { accompanying_agent: 1, proxy_in_consumer_name: 1 },
      },
      { label: 'promotion_abuse', truePositives: 1, correct: 1, predicted: { promotion_abuse: 1 } },
    ])
  })

  it('distributes severity over assessed contacts, split by the label', () => {
    const r = evaluate(population().labels, population().assessments)
    expect(r.severity.all).toEqual({ level1: 1, level2: 4, none: 9 })
    expect(r.severity.abnormal).toEqual({ level1: 1, level2: 2, none: 1 })
    expect(r.severity.genuine).toEqual({ level1: 0, level2: 2, none: 8 })
  })

  it('checks the targets: F1, FP rate overall and on every hard-negative kind, gang precision', () => {
    const r = evaluate(population().labels, population().assessments)
    const status = Object.fromEntries(r.targets.map((t) => [t.kind ?? t.metric, t.status]))
    expect(status).toEqual({
      f1: 'fail',
      false_positive_rate: 'fail',
      relative: 'fail',
      lawyer: 'pass',
      victim_report: 'pass',
      gang_pairwise_precision: 'pass',
    })
  })

  it('passes every target when each contact is called right', () => {
    const { labels } = population()
    const perfect = labels.map((l) =>
      assessment(l.contact_id, l.abnormal ? 'high' : 'none', {
        categories: l.category ? [l.category] : [],
        gang: l.gang,
      }),
    )
    const r = evaluate(labels, perfect)
    expect(r).toMatchObject({ precision: 1, recall: 1, f1: 1, falsePositiveRate: 0 })
    expect(r.categoryAccuracy.accuracy).toBe(1)
    expect(r.targets.every((t) => t.status === 'pass')).toBe(true)
  })
})

describe('gang pairwise metrics', () => {
  // True gangs A = {a1, a2, a3} and B = {b1, b2}: 3 + 1 = 4 true-same pairs.
  const labels = [
    ...['a1', 'a2', 'a3'].map((id) => label(id, 'agency', null, 'A')),
    ...['b1', 'b2'].map((id) => label(id, 'agency', null, 'B')),
  ]

  it('merging two gangs into one costs precision, not recall: 4 of 10 predicted pairs are right', () => {
    const r = evaluate(
      labels,
      labels.map((l) => assessment(l.contact_id, 'high', { gang: 'P' })),
    )
    expect(r.gangs).toMatchObject({
      predictedSamePairs: 10,
      trueSamePairs: 4,
      correctPairs: 4,
      predictedGangs: 1,
      labelledGangs: 2,
    })
    expect(r.gangs.precision).toBeCloseTo(4 / 10)
    expect(r.gangs.recall).toBe(1)
    expect(r.targets.find((t) => t.metric === 'gang_pairwise_precision')?.status).toBe('fail')
  })

  it('splitting a gang and missing another costs recall, not precision', () => {
    const gangs: Record<string, string | null> = {
      a1: 'P1',
      a2: 'P1',
      a3: 'P2',
      b1: null,
      b2: null,
    }
    const r = evaluate(
      labels,
      labels.map((l) => assessment(l.contact_id, 'high', { gang: gangs[l.contact_id] ?? null })),
    )
    expect(r.gangs).toMatchObject({
      contacts: 5,
      predictedSamePairs: 1,
      trueSamePairs: 4,
      correctPairs: 1,
      precision: 1,
    })
    expect(r.gangs.recall).toBeCloseTo(1 / 4)
  })

  it('counts a genuine contact put into a gang against precision', () => {
    const all = [...labels, label('g1', 'relative')]
    const gangs: Record<string, string> = { a1: 'P', a2: 'P', a3: 'P', b1: 'Q', b2: 'Q', g1: 'Q' }
    const r = evaluate(
      all,
      all.map((l) => assessment(l.contact_id, 'high', { gang: gangs[l.contact_id] ?? null })),
    )
    // predicted-same: C(3,2) + C(3,2) = 6; right: 3 (in A) + 1 (b1-b2)
    expect(r.gangs).toMatchObject({
      contacts: 6,
      predictedSamePairs: 6,
      trueSamePairs: 4,
      correctPairs: 4,
      recall: 1,
    })
    expect(r.gangs.precision).toBeCloseTo(4 / 6)
  })

  it('leaves precision undefined, and its target n/a, when no gang is predicted', () => {
    const r = evaluate(
      labels,
      labels.map((l) => assessment(l.contact_id, 'high')),
    )
    expect(r.gangs).toMatchObject({ precision: null, recall: 0 })
    expect(r.targets.find((t) => t.metric === 'gang_pairwise_precision')?.status).toBe('n/a')
  })
})

describe('EvaluationAccumulator', () => {
  it('ignores assessments without a label and repeated ones, and says how many', () => {
    const acc = new EvaluationAccumulator()
    acc.addLabel(label('a1', 'agency'))
    acc.addLabel(label('a1', 'agency'))
    acc.addLabel(label('g1', 'genuine'))
    acc.addAssessment(assessment('a1', 'high'))
    acc.addAssessment(assessment('a1', 'none'))
    acc.addAssessment(assessment('zz', 'high'))
    const r = acc.finish()
    expect(r.counts).toMatchObject({
      labels: 2,
      assessments: 3,
      evaluated: 1,
      missingAssessments: 1,
      unlabelledAssessments: 1,
      duplicateLabels: 1,
      duplicateAssessments: 1,
    })
    expect(r.confusion).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 })
  })

  it('refuses a label after the first assessment', () => {
    const acc = new EvaluationAccumulator()
    acc.addAssessment(assessment('a1', 'high'))
    expect(() => acc.addLabel(label('a1', 'agency'))).toThrow(/before the first assessment/)
  })

  it('scores 200,000 contacts streamed from generators', () => {
    const n = 200_000
    const labels = (function* () {
      for (let i = 0; i < n; i++)
        yield label(
          `c${i}`,
          i % 10 === 0 ? 'agency' : 'genuine',
          null,
          i % 10 === 0 ? `G${i % 1000}` : null,
        )
    })()
    const assessments = (function* () {
      for (let i = 0; i < n; i++)
        yield assessment(`c${i}`, i % 10 === 0 ? 'high' : 'none', {
          gang: i % 10 === 0 ? `P${i % 1000}` : null,
        })
    })()
    const r = evaluate(labels, assessments)
    expect(r).toMatchObject({ precision: 1, recall: 1, counts: { labels: n } })
    expect(r.gangs).toMatchObject({
      predictedGangs: 100,
      labelledGangs: 100,
      precision: 1,
      recall: 1,
    })
  })
})

describe('formatReport', () => {
  it('prints every section and a PASS or FAIL for each target', () => {
    const text = formatReport(evaluate(population().labels, population().assessments))
    expect(text).toContain('rules: test-1')
    expect(text).toMatch(/precision\s+60\.00%\s+3\/5/)
    expect(text).toMatch(/FP rate on relative\s+50\.000%\s+<= 1\.0%\s+FAIL/)
    expect(text).toMatch(/FP rate on lawyer\s+0\.000%\s+<= 1\.0%\s+PASS/)
    expect(text).toMatch(/gang pairwise precision\s+100\.00%\s+>= 95%\s+PASS/)
    expect(text).toMatch(/pairwise precision\s+100\.00%\s+1\/1/)
    expect(text).toContain('3 of 6 targets met')
  })

  it('speaks Chinese and keeps the columns aligned', () => {
    const text = formatReport(evaluate(population().labels, population().assessments), 'zh-CN')
    expect(text).toContain('精确率')
    expect(text).toContain('达成 3/6 项目标')
    // Every PASS/FAIL starts at the same terminal column, counting a Chinese character as two.
    const columns = text
      .split('\n')
      .filter((l) => /(PASS|FAIL)$/.test(l))
      .map((l) => l.slice(0, l.search(/PASS|FAIL/)).replace(/[\u4e00-\u9fff（）]/g, 'xx').length)
    expect(columns).toHaveLength(6)
    expect(new Set(columns).size).toBe(1)
  })
})
