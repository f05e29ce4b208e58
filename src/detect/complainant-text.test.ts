import { describe, expect, it } from 'vitest'
import { complainantText } from './complainant-text.js'

describe('complainantText', () => {
  it("keeps only the caller's side of a call transcript", () => {
    const t =
      '坐席：您好，请问有什么可以帮您？\n来电人：你们的催收骂人，我要投诉\n坐席：请问您是借款人本人吗？\n来电人：我是本人。'
    expect(complainantText(t)).toBe('你们的催收骂人，我要投诉\n我是本人。')
  })

  it('leaves a letter with a title line as it is', () => {
    const t =
      '标题：关于暴力催收的投诉\n本人于2025年在贵司借款，近期催收人员多次辱骂本人家属。\n请贵司核实处理。'
    expect(complainantText(t)).toBe(t)
  })
})
