import { describe, expect, it } from 'vitest'
import { normalizeText, stripBom } from './text.js'

describe('normalizeText', () => {
  it('turns Windows and old Mac line ends into LF', () => {
    expect(normalizeText('第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行')
  })

  it('turns tabs, no-break and ideographic spaces into one plain space', () => {
    expect(normalizeText('本人\t\t因疫情\u00a0失业\u3000\u3000无力还款')).toBe(
      '本人 因疫情 失业 无力还款',
    )
  })

  it('trims each line and keeps at most one blank line between paragraphs', () => {
    const letter = '  尊敬的领导：  \n\n\n\n   本人申请停息挂账。 \n\n\n此致'
    expect(normalizeText(letter)).toBe('尊敬的领导:\n\n本人申请停息挂账。\n\n此致')
  })

  it('makes full-width letters, digits and punctuation half-width', () => {
    expect(normalizeText('ＡＢＣ１２３，（测试）')).toBe('ABC123,(测试)')
  })

  it('removes zero-width characters that make copies of one template look different', () => {
    expect(normalizeText('停\u200b息\u200d挂\u2060账\ufeff')).toBe('停息挂账')
  })

  it('returns an empty string for blank text', () => {
    expect(normalizeText(' \r\n\t\u3000 ')).toBe('')
  })
})

describe('stripBom', () => {
  it('removes a leading byte-order mark and nothing else', () => {
    expect(stripBom('\ufeffcontact_id,channel')).toBe('contact_id,channel')
    expect(stripBom('contact_id\ufeff')).toBe('contact_id\ufeff')
    expect(stripBom('')).toBe('')
  })
})
