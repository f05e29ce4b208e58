import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/index.js'
import { contact, customer, day, detectorWith } from '../test-support/scenario.js'

const customers = Array.from({ length: 6 }, (_, i) => customer(i + 1))

/** A letter that circulates online: the consumer's own complaint in the agencies' words, no refusal. */
const CIRCULATING = (name: string, id: string, amount: number) =>
  `投诉书 投诉人：${name}，身份证号：${id}。本人于2024年在贵司借款${amount}元。由于家人患病需长期治疗，家庭经济陷入困境，目前名下多笔债务均已逾期，实在无力偿还。贵司在借款时未明确告知实际年化利率及各项费用，侵犯了消费者的知情权。现要求贵司：一、停息挂账，减免全部利息、罚息及违约金；二、只还本金，剩余本金分60期偿还；三、在协商期间暂停上报征信。若贵司在7个工作日内未给予书面答复，本人将向国家金融监督管理总局、中国人民银行逐级投诉，并向媒体曝光。`

/** One circulating letter sent for six customers by post, each giving a number to call back on. */
function letters(callback: (n: number) => string): Contact[] {
  return customers.map((c, i) =>
    contact(`letter-${i + 1}`, {
      customer_id: c.customer_id,
      channel: 'letter',
      source: 'mail',
      received_at: day(2 + i),
      caller: { role: 'self', name: c.name },
      text: `${CIRCULATING(c.name!, c.id_number!, 8000 + 731 * i)}联系电话：${callback(i + 1)}。`,
    }),
  )
}

const assess = (d: ReturnType<typeof detectorWith>, id: string) => d.assess(d.index.byId.get(id)!)

describe('template text', () => {
  it('treats a letter that asks to be answered on the number on file as the customer’s own', () => {
    // Five letters give an agency line; the sixth consumer pasted the same letter and gave their own number.
    const d = detectorWith(
      customers,
      letters((n) => (n === 6 ? customers[5]!.phone! : `1712345${String(n).padStart(4, '0')}`)),
    )
    const own = assess(d, 'letter-6')
    const codes = own.signals.map((s) => s.code)
    expect(codes).toContain('own_template')
    expect(codes).not.toContain('template_text')
    expect(codes).not.toContain('gang_link')
    expect(['none', 'low']).toContain(own.risk)
    const agency = assess(d, 'letter-2')
    expect(agency.signals.map((s) => s.code)).toContain('template_text')
    expect(['medium', 'high']).toContain(agency.risk)
  })

  it('does not take a number inside an ID number for a number to call back on', () => {
    const c = customers[0]!
    const d = detectorWith(customers, [
      contact('id-only', {
        customer_id: c.customer_id,
        channel: 'letter',
        source: 'mail',
        received_at: day(2),
        caller: { role: 'self', name: c.name },
        text: `本人${c.name}，身份证号450103199010308148，请核实。`,
      }),
    ])
    expect(d.index.contacts[0]?.statedPhones).toEqual([])
  })

  it('keeps the template as evidence when the letter gives a number that is not the customer’s', () => {
    const d = detectorWith(
      customers,
      letters((n) => `1712345${String(n).padStart(4, '0')}`),
    )
    for (let n = 1; n <= 6; n++) {
      const a = assess(d, `letter-${n}`)
      expect(a.signals.map((s) => s.code)).toContain('template_text')
      expect(['medium', 'high']).toContain(a.risk)
    }
  })
})
