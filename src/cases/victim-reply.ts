// The reply a victim of an agency receives: how to protect themselves now, and the one thing every
// consumer should know — the lender never asks for fees through a third party.
export type VictimReplyOptions = { lender?: string; hotline?: string }

export function victimReplyTemplate(o: VictimReplyOptions = {}) {
  const lender = o.lender ?? process.env.GRAYLINE_LENDER_NAME ?? '本公司'
  const hotline = o.hotline ?? process.env.GRAYLINE_LENDER_HOTLINE ?? '官方客服热线'
  const lenderEn = o.lender ?? process.env.GRAYLINE_LENDER_NAME ?? 'we'
  return {
    'zh-CN': [
      '尊敬的客户：',
      `感谢您告诉我们这一情况。请您知悉：${lender}从不通过任何第三方机构或个人收取“服务费”“保证金”“手续费”，也从未委托任何“债务优化”“征信修复”“停息挂账”机构代为协商。`,
      '为保护您的权益，建议您立即：',
      '1. 停止向对方支付任何费用，保留聊天记录、通话录音、转账凭证和合同等材料；',
      '2. 如身份证、银行卡、手机卡已交给对方，请立即挂失补办，并修改相关账户密码；',
      '3. 向当地公安机关报案（可拨打 110），我们可依法配合提供相关记录；',
      `4. 您的还款安排可直接通过${lender}官方 App 或${hotline}与我们协商，无需任何中间人。`,
      '您的投诉与诉求我们会照常受理，不会因此受到任何影响。',
    ].join('\n'),
    en: [
      'Dear customer,',
      `Thank you for telling us. Please know that ${lenderEn === 'we' ? 'we never ask' : `${lenderEn} never asks`} for "service fees", deposits or charges through any third party, and never appoint any "debt optimisation", "credit repair" or "interest freeze" agency to negotiate for you.`,
      'To protect yourself, we suggest that you:',
      '1. Stop paying them anything, and keep the chats, call recordings, transfer receipts and contracts;',
      '2. If you handed over your ID card, bank cards or SIM card, report them lost, get new ones and change your passwords;',
      '3. Report it to your local police (dial 110); we will provide our records as the law allows;',
      `4. Arrange your repayments with us directly in our official app or through ${hotline === '官方客服热线' ? 'our official hotline' : hotline} — no go-between is needed.`,
      'Your complaint and requests are handled as usual and are not affected in any way.',
    ].join('\n'),
  }
}
