// The response pages' strings in Simplified Chinese: new verification tasks, assessment changes on a
// contact, and the admin pages for call scripts, representatives and script analytics; merged into
// zh-cn.ts. response-en.ts carries the same keys.
export const responseZhCN = {
  'verifyNew.open': '新建核实任务',
  'verifyNew.title': '向客户本人核实授权',
  'verifyNew.submit': '创建任务',
  'verifyNew.contact': '联系记录号（可选）',
  'verifyNew.contactHint': '填写后核实对象为该记录的来电号码；不填则询问客户是否授权任何人代办',
  'verifyNew.message': '将发送给客户的内容',
  'verifyNew.callbackHint': '回拨任务进入待回访队列，由坐席拨打客户登记电话核实。',
  'verifyNew.noPhone': '该客户没有登记手机号，无法发送短信，请改用 App 站内信或回拨。',
  'verifyNew.created': '已创建核实任务',
  'verifyNew.existing': '已有相同的未完成核实任务，未重复创建',
  'verifyNew.delivery': '送达情况',

  'changes.title': '风险变化',
  'changes.none': '入库评估后风险未发生变化',
  'changes.verify': '向客户核实',
  'changes.score': '（分值 {before} → {after}）',
  'changes.added': '新增信号：{signals}',
  'changes.removed': '移除信号：{signals}',
  'changeKind.call_answer': '通话话术回答',
  'changeKind.verification_outcome': '客户核实结果',
} as const
