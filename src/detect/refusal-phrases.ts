// How a contact refuses direct contact with the customer and points at a representative.
// Data, not logic: operations teams extend it as agencies change their wording.
export const refusalPhrases = [
  '勿再联系借款人本人',
  '请勿联系借款人本人',
  '不要联系借款人本人',
  '请勿直接联系本人',
  '不要联系我本人',
  '请勿联系本人',
  '不要再联系本人',
  '勿联系本人',
  '请与代理人联系',
  '请联系我的代理人',
  '请与我的代理人联系',
  '联系我的委托人',
  '由代理人全权处理',
  '已全权委托',
  '全权委托',
  '本人不再接听',
  '本人不方便接听',
  '拒绝与贵司直接沟通',
  '不接受贵司直接联系',
  '一切事宜由代理',
]
